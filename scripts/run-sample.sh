#!/usr/bin/env bash
# Sets up, builds, and runs sitrep on the bundled sample corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
out=out/sample
build/sitrep analyze samples/articles --out "$out" --force
build/sitrep report --in "$out" --out "$out/report.html"
echo
echo "Output written to $(pwd)/$out:"
ls -l "$out"
echo
echo "Read the situation report: $(pwd)/$out/report.html"
echo "Explore it in the web app:  build/sitrep serve --in $out   (then open http://127.0.0.1:8080/)"
