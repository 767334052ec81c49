// Browser check of a `sitrep report` page in Debian's headless Chromium.
//
//   node tests/web/report.test.mjs REPORT.html ARTEFACT_DIR
//
// Opens the report from file://, fails (exit 1) on any console error, page
// error or request, checks that story titles and SVG charts are visible,
// then saves ARTEFACT_DIR/report.png (full page) and ARTEFACT_DIR/report.pdf
// (print layout) and checks the PDF is not empty. Prints one line.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let chromium;
try {
  const require = createRequire(path.join(here, '..', '..', 'web', 'package.json'));
  ({ chromium } = require('playwright-core'));
} catch {
  console.log('report.test: SKIP: playwright-core is not installed in web/node_modules (scripts/setup.sh --test installs it)');
  process.exit(77);
}
if (!fs.existsSync(process.env.CHROMIUM || '/usr/bin/chromium')) {
  console.log('report.test: SKIP: no Chromium (scripts/setup.sh --test installs it)');
  process.exit(77);
}

function fail(message) {
  console.error(`report.test: FAIL: ${message}`);
  process.exit(1);
}

const [reportArg, artefactArg] = process.argv.slice(2);
if (!reportArg || !artefactArg) fail('usage: node tests/web/report.test.mjs REPORT.html ARTEFACT_DIR');
const report = path.resolve(reportArg);
if (!fs.existsSync(report)) fail(`no such report: ${report}`);
const artefacts = path.resolve(artefactArg);
fs.mkdirSync(artefacts, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const problems = [];
let summary = '';
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const url = pathToFileURL(report).href;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  // The report is one file: any request but the page itself is a leak.
  page.on('request', (r) => { if (r.url() !== url) problems.push(`unexpected request: ${r.url()}`); });
  page.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); d.dismiss(); });

  const response = await page.goto(url, { waitUntil: 'load' });
  if (response && !response.ok()) problems.push(`loading the report: status ${response.status()}`);

  const titles = page.locator('article.story > h2');
  const storyCount = await titles.count();
  if (storyCount === 0) problems.push('no story title on the page');
  for (let i = 0; i < storyCount; ++i) {
    const t = titles.nth(i);
    if (!(await t.isVisible()) || !(await t.innerText()).trim()) problems.push(`story title ${i + 1} is not visible`);
  }
  const charts = page.locator('svg.chart');
  const chartCount = await charts.count();
  if (chartCount === 0) problems.push('no SVG chart on the page');
  for (let i = 0; i < chartCount; ++i) {
    const box = await charts.nth(i).boundingBox();
    if (!box || box.width < 100 || box.height < 50) problems.push(`SVG chart ${i + 1} is not visible (${JSON.stringify(box)})`);
  }
  // Nothing may come out wider than a laptop screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) problems.push(`page is ${overflow}px wider than the window`);

  const png = path.join(artefacts, 'report.png');
  await page.screenshot({ path: png, fullPage: true });
  const pdf = path.join(artefacts, 'report.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pdfBytes = fs.existsSync(pdf) ? fs.statSync(pdf).size : 0;
  if (pdfBytes < 1000) problems.push(`PDF is empty (${pdfBytes} bytes)`);
  const head = fs.readFileSync(pdf).subarray(0, 5).toString('latin1');
  if (head !== '%PDF-') problems.push('PDF does not start with %PDF-');

  summary = `${storyCount} stories, ${chartCount} charts, no console errors; ` +
            `screenshot ${png}, PDF ${pdf} (${pdfBytes} bytes)`;
} catch (e) {
  problems.push(`browser: ${e.message}`);
} finally {
  await browser.close();
}
if (problems.length) fail(problems.join('; '));
console.log(`report.test: OK: ${summary}`);
