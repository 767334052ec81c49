// Browser test of the web app: `sitrep serve` on an analyze output, driven
// in Debian's headless Chromium by playwright-core.
//
//   node tests/web/app.test.mjs SITREP_BINARY OUTPUT_DIR ARTEFACT_DIR
//
// Opens the story list and a story page (outlets, quotes, timeline, actor
// network shown), searches quotes, opens an entity and an article, runs a
// full-text search, then serves a corpus made of one hostile article and
// checks that its markup shows as text and never runs. Fails (exit 1) on
// any console or page error. Screenshots go to ARTEFACT_DIR. Exits 77
// (skipped) when Chromium or playwright-core is not installed.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

function fail(message) {
  console.error(`app.test: FAIL: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}
function check(cond, message) { if (!cond) fail(message); }

const [sitrep, outDir, artefactArg] = process.argv.slice(2);
if (!sitrep || !outDir || !artefactArg) {
  console.error('usage: node tests/web/app.test.mjs SITREP_BINARY OUTPUT_DIR ARTEFACT_DIR');
  process.exit(1);
}
let chromium;
try {
  const require = createRequire(path.join(root, 'web', 'package.json'));
  ({ chromium } = require('playwright-core'));
} catch {
  console.log('app.test: SKIP: playwright-core is not installed in web/node_modules (scripts/setup.sh --test installs it)');
  process.exit(77);
}
if (!fs.existsSync(chromiumPath)) {
  console.log(`app.test: SKIP: no Chromium at ${chromiumPath} (scripts/setup.sh --test installs it)`);
  process.exit(77);
}
const webRoot = path.join(root, 'web', 'dist');
check(fs.existsSync(path.join(webRoot, 'index.html')), 'web/dist is not built: run node web/build.mjs');
const artefacts = path.resolve(artefactArg);
fs.mkdirSync(artefacts, { recursive: true });

// Starts `sitrep serve` on a free port; resolves to {url, stop}.
function serve(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(sitrep, ['serve', '--in', dir, '--port', '0', '--web', webRoot], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out} ${err}`)), 60000);
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => new Promise((done) => { child.on('exit', done); child.kill('SIGTERM'); }) });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}: ${err}`)); });
  });
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const servers = [];
const problems = [];
const steps = [];
try {
  const server = await serve(outDir);
  servers.push(server);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  const api = async (p) => (await fetch(server.url + 'api/' + p)).json();

  // The story list.
  await page.goto(server.url);
  await page.waitForSelector('.story-card');
  const stories = await api('stories');
  check(await page.locator('.story-card').count() === stories.total, 'story list does not show every story');
  await page.screenshot({ path: path.join(artefacts, 'stories.png'), fullPage: true });
  steps.push(`${stories.total} stories listed`);

  // The story with the most articles: outlets, quotes, timeline, network.
  const big = [...stories.items].sort((a, b) => b.num_articles - a.num_articles)[0];
  await page.click(`.story-card a[href="#/story/${big.id}"]`);
  await page.waitForSelector('#story-title');
  check((await page.textContent('#story-title')).trim() === big.title, 'story page shows another title');
  const outletCards = await page.locator('#outlets .outlet').count();
  check(outletCards === big.outlets.length, `story page shows ${outletCards} outlet cards, want ${big.outlets.length}`);
  check(await page.locator('#outlets .outlet a').count() === big.num_articles, 'an article of the story is missing from the outlet cards');
  check(await page.locator('#outlets .only').count() > 0, 'no outlet shows what only it reports');
  for (const o of big.outlets) check((await page.textContent('#outlets')).includes(o), `outlet ${o} missing`);
  check(await page.locator('#quotes blockquote').count() > 0, 'no quote on the story page');
  // A figure that only grew from day to day is said to be an update.
  const detail = await api('stories/' + encodeURIComponent(big.id));
  const trends = ((detail.story || detail).disagreements || []).filter((c) => c.trend).length;
  check(trends > 0, 'the sample story has no figure that rose over time: the check below would test nothing');
  check(await page.locator('.trend').count() === trends, `story page shows ${await page.locator('.trend').count()} trend notes, want ${trends}`);
  // Days on which outlets still disagreed within such an update are named.
  const disputed = [];
  for (const st of stories.items) {
    const dd = await api('stories/' + encodeURIComponent(st.id));
    for (const c of (dd.story || dd).disagreements || []) if (c.trend && (c.disputed_on || []).length) disputed.push([st.id, c.disputed_on]);
  }
  check(disputed.length > 0, 'no sample story has a day of disputed figures within an update: the check below would test nothing');
  await page.goto(server.url + '#/story/' + disputed[0][0]);
  await page.waitForSelector('#story-title');
  const notes = await page.locator('.disputed').allTextContents();
  check(notes.length === 1 && disputed[0][1].every((day) => notes[0].includes(day)),
    `story ${disputed[0][0]} shows disputed-day notes ${JSON.stringify(notes)}, want one naming ${disputed[0][1]}`);
  await page.goto(server.url + '#/story/' + big.id);
  await page.waitForSelector('#story-title');
  check(await page.locator('#timeline-table tr').count() === big.num_events + 1, 'timeline table does not list every event');
  await page.waitForFunction(() => {
    const c = document.querySelector('#timeline');
    return c && c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0);
  }, null, { timeout: 10000 });
  await page.waitForSelector('#network canvas', { timeout: 10000 });
  await page.screenshot({ path: path.join(artefacts, 'story.png'), fullPage: true });
  steps.push(`story page: ${outletCards} outlets, timeline drawn, network drawn`);

  // Quote search: words of a quote find it.
  const q = (await api('quotes?kind=direct&limit=1')).items[0];
  const words = q.text.split(/\s+/).slice(0, 3).join(' ').replace(/[^\p{L}\p{N} ]/gu, '');
  await page.goto(server.url + '#/quotes');
  await page.waitForSelector('#quote-search');
  await page.fill('#quote-search input[name=q]', words);
  await page.click('#quote-search button[type=submit]');
  await page.waitForFunction((t) => document.querySelector('#quote-results') && document.querySelector('#quote-results').textContent.includes(t), q.text.slice(0, 20), { timeout: 10000 });
  await page.screenshot({ path: path.join(artefacts, 'quotes.png'), fullPage: true });
  steps.push(`quote search for "${words}" found it`);

  // An entity with several spellings: its page lists them.
  const ents = (await api('entities?limit=500')).items.filter((e) => e.aliases.length > 1);
  check(ents.length > 0, 'no entity with two spellings in the sample');
  await page.goto(server.url + '#/entities?q=' + encodeURIComponent(ents[0].aliases[1]));
  await page.waitForSelector(`#entity-table a[href="#/entity/${ents[0].id}"]`);
  await page.click(`#entity-table a[href="#/entity/${ents[0].id}"]`);
  await page.waitForSelector('#entity-name');
  for (const a of ents[0].aliases) check((await page.textContent('#aliases')).includes(a), `alias ${a} not shown`);
  await page.screenshot({ path: path.join(artefacts, 'entity.png'), fullPage: true });
  steps.push(`entity page of ${ents[0].name} shows ${ents[0].aliases.length} spellings`);

  // An article: highlights and the removed boilerplate on demand.
  const art = (await api('articles?limit=1')).items[0];
  await page.goto(server.url + '#/article/' + art.id);
  await page.waitForSelector('#article-text');
  check(await page.locator('#article-text .hl-PERSON, #article-text .hl-ORG, #article-text .hl-LOC').count() > 0, 'no entity highlighted');
  check(await page.locator('#article-text .hl-time').count() > 0, 'no time expression highlighted');
  check(!(await page.isVisible('#removed li')), 'removed lines visible before asked for');
  await page.click('#removed summary');
  check(await page.isVisible('#removed li'), 'removed lines do not open');
  await page.screenshot({ path: path.join(artefacts, 'article.png'), fullPage: true });

  // Events: the filter and the GDELT download link.
  await page.goto(server.url + '#/events?root=04');
  await page.waitForSelector('#gdelt-download');
  const href = await page.getAttribute('#gdelt-download', 'href');
  check(href.includes('format=gdelt') && href.includes('root=04'), 'GDELT link does not carry the filter');
  const tsv = await (await fetch(new URL(href, server.url))).text();
  check(tsv.split('\n').filter(Boolean).every((l) => l.split('\t').length === 61), 'GDELT rows are not 61 columns');

  // Full-text search from the header box.
  const word = big.title.split(/\s+/).find((w) => /^\p{L}{6,}$/u.test(w));
  await page.fill('#search-box', word);
  await page.press('#search-box', 'Enter');
  await page.waitForSelector('#search-results mark');
  steps.push(`search for "${word}" highlighted`);
  await server.stop();
  servers.pop();

  // A hostile article: its markup must show as text and never run.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-xss-'));
  const payload = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">';
  // The clean stage drops well-formed tags that leaked into text (and a
  // script's code); a tag it does not take for one reaches the body, and a
  // browser would still run it.
  const bodyPayload = '<img/src=x onerror="window.__xss = 4">';
  const body = `Officials said the ${payload} talks in Geneva would resume on Monday. ` +
    `"We will not accept ${bodyPayload} terms," the minister said. More talks are planned.`;
  fs.writeFileSync(path.join(tmp, 'in.jsonl'), JSON.stringify({ title: `Talks ${payload} resume`, outlet: `Outlet ${payload}`, url: 'javascript:window.__xss=3', published: '2022-01-12', text: body }) + '\n');
  const r = spawnSync(sitrep, ['analyze', path.join(tmp, 'in.jsonl'), '--out', path.join(tmp, 'out'), '--quiet']);
  check(r.status === 0, `analyze of the hostile article failed: ${r.stderr}`);
  const evil = await serve(path.join(tmp, 'out'));
  servers.push(evil);
  const aid = (await (await fetch(evil.url + 'api/articles')).json()).items[0].id;
  for (const hash of ['#/', '#/articles', `#/article/${aid}`, '#/quotes', '#/search?q=talks', '#/entities']) {
    await page.goto(evil.url + hash);
    await page.waitForSelector('main h1');
    await page.waitForTimeout(200);
    check(await page.evaluate(() => window.__xss === undefined), `script from the article ran on ${hash}`);
    check(await page.locator('main script, main img').count() === 0, `markup from the article was inserted on ${hash}`);
    check(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count() === 0, `a script URL from the article became a link on ${hash}`);
  }
  await page.goto(evil.url + `#/article/${aid}`);
  await page.waitForSelector('#article-text');
  check((await page.textContent('#article-text')).includes(bodyPayload), 'the payload in the text is not shown as text');
  check((await page.textContent('main h1')).includes('<script>window.__xss = 1</script>'), 'the payload in the title is not shown as text');
  await page.screenshot({ path: path.join(artefacts, 'xss.png'), fullPage: true });
  steps.push('hostile article shown as text on 6 pages');
  await evil.stop();
  servers.pop();
  fs.rmSync(tmp, { recursive: true, force: true });
} catch (e) {
  if (!process.exitCode) problems.push(e.stack || String(e));
} finally {
  for (const s of servers) await s.stop();
  await browser.close();
}
if (problems.length) {
  for (const p of problems) console.error(`app.test: ${p}`);
  process.exitCode = 1;
}
if (process.exitCode) {
  console.error('app.test: FAIL');
} else {
  console.log(`app.test: OK: ${steps.join('; ')}; screenshots in ${artefacts}`);
}
