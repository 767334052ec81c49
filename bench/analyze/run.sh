#!/usr/bin/env bash
# End-to-end throughput of `sitrep analyze` on a synthetic corpus generated
# from the bundled samples (no downloaded text), under /usr/bin/time -v.
#
#   bench/analyze/run.sh [BUILD_DIR]        (default /work/main/build)
#
# Builds nothing: BUILD_DIR must already hold sitrep and
# bench/analyze/sitrep_make_corpus (ninja -C BUILD_DIR sitrep sitrep_make_corpus).
# Environment:
#   MB=200      corpus size in MB (10^6 bytes); the requirement is >= 200
#   JOBS="1 2"  worker counts to run
#   SEED=1      corpus seed
#   TXT=1       also run on a folder of .txt files of the same size (slower
#               to generate: one file per article)
#   KEEP=1      keep the temp folder (corpus and outputs) for inspection
# Prints one table row per run: input MB, wall seconds, MB/s, MB/s per core
# (MB/s / jobs), articles/s per core, MB per CPU second (user+sys), and peak
# RSS, plus the phase timings from manifest.json.
set -euo pipefail

BUILD=${1:-/work/main/build}
MB=${MB:-200}
JOBS=${JOBS:-"1 2"}
SEED=${SEED:-1}
SITREP=$BUILD/sitrep
GEN=$BUILD/bench/analyze/sitrep_make_corpus

for f in "$SITREP" "$GEN"; do
  if [[ ! -x $f ]]; then
    echo "run.sh: $f not found; build it first: ninja -C $BUILD sitrep sitrep_make_corpus" >&2
    exit 1
  fi
done
if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time missing; installing the 'time' package" >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y time >&2; else sudo apt-get install -y time >&2; fi
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench-analyze.XXXXXX")
if [[ -z ${KEEP:-} ]]; then trap 'rm -rf "$TMP"' EXIT; else echo "run.sh: keeping $TMP" >&2; fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "sitrep: $("$SITREP" version 2>/dev/null | head -1 || echo "?")"

# field NAME FILE: a number after "NAME": in a one-line JSON file.
field() { grep -o "\"$1\":[0-9.]*" "$2" | head -1 | cut -d: -f2; }

ROWS=()
run_one() {  # LABEL INPUT JOBS [EXTRA FLAGS...]
  local label=$1 input=$2 jobs=$3
  shift 3
  rm -rf "$TMP/out"
  /usr/bin/time -v -o "$TMP/time.txt" \
    "$SITREP" analyze "$input" --out "$TMP/out" --jobs "$jobs" --quiet --force "$@" 2>"$TMP/stderr.txt" || {
    echo "run.sh: sitrep analyze failed:" >&2
    cat "$TMP/stderr.txt" "$TMP/time.txt" >&2
    exit 1
  }
  local manifest=$TMP/out/manifest.json
  local bytes articles wall user sys rss
  bytes=$(field input_bytes "$manifest")
  articles=$(field articles "$manifest")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$TMP/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$TMP/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$TMP/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time.txt")
  local phases
  phases=$(grep -o '"[a-z]*_seconds":[0-9.]*' "$manifest" | sed 's/"//g; s/_seconds//' | tr '\n' ' ')
  ROWS+=("$(awk -v l="$label" -v j="$jobs" -v b="$bytes" -v a="$articles" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { mb=b/1e6; printf "%-22s %4d %9.1f %9d %8.2f %8.1f %10.1f %11.0f %9.1f %8.0f", l, j, mb, a, w, mb/w, mb/w/j, a/w/j, mb/(u+s), r/1024 }') | $phases")
}

echo
echo "generating a ${MB} MB JSON Lines corpus (seed $SEED) ..."
"$GEN" --mb "$MB" --format jsonl --seed "$SEED" --out "$TMP/corpus.jsonl"
for j in $JOBS; do
  run_one "jsonl" "$TMP/corpus.jsonl" "$j"
  run_one "jsonl --no-db" "$TMP/corpus.jsonl" "$j" --no-db
done
rm -f "$TMP/corpus.jsonl"

if [[ -n ${TXT:-} ]]; then
  echo "generating a ${MB} MB folder of .txt files (seed $SEED) ..."
  "$GEN" --mb "$MB" --format txt --seed "$SEED" --out "$TMP/corpus-txt"
  for j in $JOBS; do
    run_one "txt --no-db" "$TMP/corpus-txt" "$j" --no-db
  done
  rm -rf "$TMP/corpus-txt"
fi
rm -rf "$TMP/out"

echo
printf "%-22s %4s %9s %9s %8s %8s %10s %11s %9s %8s | %s\n" \
  "run" "jobs" "input MB" "articles" "seconds" "MB/s" "MB/s/core" "articles/s/core" "MB/CPU-s" "peak MB" "phases (s)"
for r in "${ROWS[@]}"; do echo "$r"; done
