#!/usr/bin/env bash
# Sets up, builds with warnings as errors and sanitizers, and runs the whole
# test suite. Tests that need the gold corpora in ../shared skip with a
# message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
cd build-test
# Leak checking stays on; ICU's and the test framework's one-off
# allocations are not leaks of ours.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --output-on-failure -j "$(nproc)" --timeout 900
