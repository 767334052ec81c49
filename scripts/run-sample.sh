#!/usr/bin/env bash
# Sets up, builds, and runs sitrep on the bundled sample corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
out=out/sample
build/sitrep analyze samples/articles --out "$out" --force
echo
echo "Output written to $(pwd)/$out:"
ls -l "$out"
