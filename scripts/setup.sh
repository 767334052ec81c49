#!/usr/bin/env bash
# Installs what sitrep needs on Debian bookworm (as root, or with sudo) and
# builds it. Idempotent and quiet when everything is already there.
#   scripts/setup.sh            release build in build/
#   scripts/setup.sh --test     debug build with sanitizers in build-test/
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libsimdjson-dev libsqlite3-dev libcli11-dev libfmt-dev zlib1g-dev
  libxxhash-dev libarchive-dev libgumbo-dev libxml2-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev time
)
mode=release
[ "${1:-}" = "--test" ] && mode=test
# Node.js and npm build the web app's front end; the test build also needs
# Debian's Chromium, which the browser tests drive headless.
command -v npm >/dev/null 2>&1 || PACKAGES+=(nodejs npm)
[ "$mode" = test ] && PACKAGES+=(chromium)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web app's libraries come from the npm registry, pinned by
# web/package-lock.json; reinstalled only when the lock file changes.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "setup: installing the web app's npm packages" >&2
  (cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
node web/build.mjs

if [ "$mode" = test ]; then
  # Warnings are errors and sanitizers are on, as in CI.
  # -O1 -g1: what the sanitizers need (their recommended level, and line
  # tables for their reports) at half the compile time of -O2 -g.
  cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
        -DSITREP_WERROR=ON -DSITREP_SANITIZE=ON -DSITREP_BUILD_BENCH=ON >/dev/null
  ninja -C build-test
else
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSITREP_BUILD_TESTS=OFF \
        -DSITREP_BUILD_BENCH=OFF >/dev/null
  ninja -C build sitrep
fi
