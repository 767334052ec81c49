// Builds the web app into web/dist: the app's own files from web/app and, from
// the npm packages pinned in package-lock.json, the two libraries it uses with
// their licences. `sitrep serve` serves web/dist. No bundler is needed: the app
// is plain modules and the libraries ship ready-made browser builds.
import { cpSync, mkdirSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = dirname(fileURLToPath(import.meta.url));
const dist = join(web, 'dist');
const modules = join(web, 'node_modules');

const vendor = [
  ['chart.js/dist/chart.umd.min.js', 'chart.umd.min.js'],
  ['chart.js/LICENSE.md', 'chart.js.LICENSE.md'],
  ['cytoscape/dist/cytoscape.min.js', 'cytoscape.min.js'],
  ['cytoscape/LICENSE', 'cytoscape.LICENSE'],
];

for (const [from] of vendor) {
  if (!existsSync(join(modules, from))) {
    console.error(`web/build.mjs: ${join(modules, from)} is missing; run "npm ci" in web/ (scripts/setup.sh does)`);
    process.exit(1);
  }
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'vendor'), { recursive: true });
cpSync(join(web, 'app'), dist, { recursive: true });
for (const [from, to] of vendor) copyFileSync(join(modules, from), join(dist, 'vendor', to));
