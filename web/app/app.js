// The sitrep web app: a single page over the JSON API of `sitrep serve`.
// Every value from an article reaches the page as a text node (el() below
// never parses markup); the only markup taken from the server is a search
// snippet, which the server escapes before adding its <mark> tags.

const main = document.getElementById('main');
let cameo = {};

// el('a', {href: '#/x', class: 'y'}, 'text', child, ...) -> element.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path, params) {
  const url = new URL('api/' + path, document.baseURI);
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v != null) url.searchParams.set(k, v);
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

const link = (href, text, cls) => el('a', { href, class: cls }, text);
const storyLink = (s) => link('#/story/' + encodeURIComponent(s.id), s.title || s.id);
const entityLink = (id, name) => (id ? link('#/entity/' + encodeURIComponent(id), name || id) : el('span', {}, name || '—'));
const articleLink = (id, text) => link('#/article/' + encodeURIComponent(id), text || id);

function gsClass(g) { return g < 0 ? 'neg' : g > 0 ? 'pos' : 'zero'; }
function gsColor(g) {
  if (g == null) return '#7f8c8d';
  const t = Math.max(-10, Math.min(10, g)) / 10;
  return t < 0 ? `rgb(${190 + Math.round(-t * 20)},${Math.round(90 - t * -40)},${Math.round(80 - t * -30)})`
               : t > 0 ? `rgb(${Math.round(60 - t * 30)},${Math.round(140 + t * 20)},${Math.round(80 - t * 10)})` : '#7f8c8d';
}
function cameoName(code) { return (cameo[code] && cameo[code].name) || ''; }
function actorName(a) { return a ? (a.name || a.actor_code || '—') : '—'; }
function eventLabel(e) {
  return `${actorName(e.source)} ${e.negated ? 'did not: ' : '→ '}${cameoName(e.cameo) || e.cameo}${e.target ? ' → ' + actorName(e.target) : ''}`;
}

function pager(page, go) {
  const from = page.total ? page.offset + 1 : 0, to = page.offset + page.items.length;
  return el('div', { class: 'pager' },
    el('span', { class: 'muted' }, `${from}–${to} of ${page.total}`),
    page.offset > 0 ? el('button', { class: 'button secondary', onclick: () => go(Math.max(0, page.offset - page.limit)) }, 'Previous') : null,
    to < page.total ? el('button', { class: 'button secondary', onclick: () => go(page.offset + page.limit) }, 'Next') : null);
}

function setHash(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) q.set(k, v);
  const s = q.toString();
  location.hash = path + (s ? '?' + s : '');
}

// ---- pages ---------------------------------------------------------------

async function storiesPage() {
  const [sum, page] = await Promise.all([api('summary'), api('stories', { limit: 200 })]);
  const stats = [['articles', 'articles'], ['outlets', 'outlets'], ['stories', 'stories'], ['entities', 'actors'],
                 ['quotes', 'quotes'], ['events', 'events']];
  return [
    el('h1', {}, 'Stories'),
    el('p', { class: 'muted' }, sum.first_published ? `Articles published ${sum.first_published} to ${sum.last_published}` : ''),
    el('div', { class: 'stats' }, stats.map(([k, label]) => el('div', { class: 'stat' }, el('b', {}, sum[k]), label))),
    el('div', { class: 'cards', id: 'story-list' }, page.items.map((s) => el('div', { class: 'card story-card' },
      el('h3', {}, storyLink(s)),
      el('div', { class: 'muted' }, `${s.first_seen || '?'} – ${s.last_seen || '?'} · ${s.num_articles} articles · ${s.num_events} events`),
      el('div', {}, (s.outlets || []).map((o) => el('span', { class: 'tag' }, o))),
      s.num_disagreements ? el('div', { class: 'muted' }, `${s.num_disagreements} points where outlets differ`) : null))),
  ];
}

function timelineChart(canvas, events) {
  const dayOf = (d) => {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(d || '');
    return m ? Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 15) / 864e5 : null;
  };
  const points = events.map((e) => ({ x: dayOf(e.date), y: e.goldstein, e })).filter((p) => p.x !== null);
  // eslint-disable-next-line no-undef
  return new Chart(canvas, {
    type: 'scatter',
    data: { datasets: [{ data: points, pointRadius: (c) => 4 + Math.min(6, (c.raw && c.raw.e.num_articles) || 1) * 1.5,
      pointBackgroundColor: points.map((p) => gsColor(p.y)) }] },
    options: {
      maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false },
        tooltip: { callbacks: { label: (c) => `${c.raw.e.date}: ${eventLabel(c.raw.e)} (Goldstein ${c.raw.e.goldstein})` } } },
      scales: {
        x: { ticks: { stepSize: 1, callback: (v) => new Date(v * 864e5).toISOString().slice(0, 10) }, title: { display: true, text: 'date' } },
        y: { min: -10, max: 10, title: { display: true, text: 'Goldstein score' } },
      },
    },
  });
}

function actorNetwork(container, events) {
  const nodes = new Map(), edges = new Map();
  const key = (a) => a.entity || 'name:' + (a.name || a.actor_code);
  for (const e of events) {
    if (!e.source || !e.target) continue;
    const s = key(e.source), t = key(e.target);
    if (s === t) continue;
    nodes.set(s, actorName(e.source));
    nodes.set(t, actorName(e.target));
    const k = s + '\u0000' + t;
    const prev = edges.get(k) || { source: s, target: t, n: 0, g: 0, labels: [] };
    prev.n += 1; prev.g += e.goldstein || 0; prev.labels.push(cameoName(e.cameo) || e.cameo);
    edges.set(k, prev);
  }
  if (!nodes.size) { container.append(el('p', { class: 'muted', style: 'padding:1rem' }, 'No event with both a source and a target.')); return null; }
  const elements = [...nodes].map(([id, label]) => ({ data: { id, label } }))
    .concat([...edges.values()].map((x, i) => ({ data: { id: 'e' + i, source: x.source, target: x.target,
      color: gsColor(x.g / x.n), width: 1 + Math.min(5, x.n), label: [...new Set(x.labels)].join(', ') } })));
  // eslint-disable-next-line no-undef
  return cytoscape({
    container, elements, wheelSensitivity: 0.3,
    layout: { name: nodes.size > 6 ? 'cose' : 'circle', randomize: false, animate: false },
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#34495e', width: 14, height: 14, color: '#1d2330', 'text-valign': 'top' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#5d6677', 'text-rotation': 'autorotate' } },
    ],
  });
}

async function storyPage(id) {
  const d = await api('stories/' + encodeURIComponent(id));
  const s = d.story, arts = new Map(d.articles.map((a) => [a.id, a]));
  const outletOf = (aid) => (arts.get(aid) || {}).outlet || aid;
  // Quotes grouped by speaker; a quote and its same_as copies count once,
  // listing every outlet that carried it.
  const seen = new Set(), groups = new Map();
  for (const q of d.quotes) {
    if (seen.has(q.id)) continue;
    const copies = [q, ...d.quotes.filter((o) => (q.same_as || []).includes(o.id))];
    copies.forEach((c) => seen.add(c.id));
    const sp = q.speaker || {};
    const who = sp.name || sp.description;
    if (!who) continue;
    const g = groups.get(who) || { entity: sp.entity, quotes: [] };
    g.quotes.push({ q, outlets: [...new Set(copies.map((c) => outletOf(c.article)))] });
    groups.set(who, g);
  }
  const quoteGroups = [...groups].sort((a, b) => b[1].quotes.length - a[1].quotes.length);
  // What each outlet alone reports (the story's unique_by_outlet).
  const entityName = new Map(d.entities.map((e) => [e.id, e.name]));
  const eventById = new Map(d.events.map((e) => [e.id, e]));
  const quoteById = new Map(d.quotes.map((q) => [q.id, q]));
  const only = new Map((s.unique_by_outlet || []).map((u) => [u.outlet, u]));
  const outlets = [...new Set(d.articles.map((a) => a.outlet || 'unknown outlet'))];
  const canvas = el('canvas', { id: 'timeline', 'aria-label': 'Timeline of events' });
  const net = el('div', { id: 'network' });
  const claims = (list, kind) => el('table', { class: kind },
    el('tr', {}, el('th', {}, 'Claim'), el('th', {}, 'Values'), el('th', {}, 'Outlets')),
    list.map((c) => el('tr', {},
      el('td', {}, c.claim, c.kind ? el('span', { class: 'tag' }, c.kind) : null),
      el('td', {}, el('ul', { class: 'diff-values' }, (c.readings || c.values.map((v) => ({ value: v }))).map((r) =>
        el('li', {}, el('b', {}, r.value), r.articles ? el('span', { class: 'muted' }, ' — ' + r.articles.map(outletOf).join(', ')) : null,
          r.first_reported ? el('span', { class: 'muted' }, ' from ' + r.first_reported) : null))),
        // A figure that only grew (or shrank) day by day was updated, not disputed.
        c.trend ? el('div', { class: 'muted trend' }, c.trend === 'rising'
          ? 'Each later report gives a figure at least as high: an update over time.'
          : 'Each later report gives a figure at least as low: a revision over time.') : null,
        // Outlets that gave different figures on one day dispute the count
        // then, whatever the trend says of the days between.
        c.trend && (c.disputed_on || []).length ? el('div', { class: 'muted disputed' },
          'Outlets gave different figures on the same day, a dispute: ' + c.disputed_on.join(', ')) : null,
        // Hedged figures that can all be true ("more than 1,200", "at least 1,500").
        c.compatible ? el('div', { class: 'muted compatible' },
          'Read with their hedges, these figures can all be true: they differ without contradicting each other.') : null),
      el('td', {}, [...new Set(c.articles.map(outletOf))].join(', ')))));

  const page = [
    el('h1', { id: 'story-title' }, s.title || s.id),
    el('p', { class: 'muted' }, `${s.first_seen || '?'} – ${s.last_seen || '?'} · ${d.articles.length} articles from ${s.outlets.length} outlets`),
    el('h2', {}, 'Summary'),
    el('div', { class: 'card', id: 'summary' }, (s.summary || []).map((x) => el('p', {}, x.text, ' ', el('span', { class: 'muted' }, '(' + outletOf(x.article) + ')')))),
    el('h2', {}, 'Timeline'),
    el('div', { class: 'chart-box' }, canvas),
    el('table', { id: 'timeline-table' }, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Event'), el('th', {}, 'Goldstein'), el('th', {}, 'Outlets')),
      d.events.map((e) => el('tr', {}, el('td', {}, e.date || '?', e.date_from === 'published' ? el('span', { class: 'muted', title: 'date of publication, not stated' }, ' *') : null),
        el('td', {}, eventLabel(e), e.location ? el('span', { class: 'muted' }, ' in ' + e.location.name) : null),
        el('td', { class: 'gs ' + gsClass(e.goldstein) }, e.goldstein),
        el('td', {}, [...new Set((e.mentions || []).map((m) => outletOf(m.article)))].join(', '))))),
    el('h2', {}, 'Outlets side by side'),
    el('div', { class: 'cards', id: 'outlets' }, outlets.map((o) => {
      const u = only.get(o) || { entities: [], events: [], quotes: [] };
      const names = u.entities.map((id) => entityName.get(id)).filter(Boolean);
      const evs = u.events.map((id) => eventById.get(id)).filter(Boolean);
      const qs = u.quotes.map((id) => quoteById.get(id)).filter((q) => q && q.kind !== 'indirect');
      return el('div', { class: 'card outlet' },
        el('b', {}, o),
        d.articles.filter((a) => (a.outlet || 'unknown outlet') === o).map((a) => el('div', {},
          articleLink(a.id, a.title || a.id),
          el('div', { class: 'muted' }, `${a.published || 'no date'}${a.translated_from ? ' · translated from ' + a.translated_from : ''} · ${a.num_quotes} quotes · ${a.num_removed} lines removed`))),
        names.length || evs.length || qs.length ? el('div', { class: 'only' }, el('div', { class: 'muted' }, 'Only here:'),
          names.length ? el('div', {}, names.slice(0, 8).map((n) => el('span', { class: 'tag' }, n))) : null,
          evs.slice(0, 4).map((e) => el('div', {}, '• ', eventLabel(e))),
          qs.slice(0, 3).map((q) => el('div', { class: 'muted' }, '“', q.text.length > 90 ? q.text.slice(0, 90) + '…' : q.text, '”'))) : null);
    })),
    el('h2', {}, 'Where the outlets agree'),
    (s.agreements || []).length ? claims(s.agreements, 'agreements') : el('p', { class: 'muted' }, 'Nothing checked in common.'),
    el('h2', {}, 'Where they differ'),
    (s.disagreements || []).length ? claims(s.disagreements, 'disagreements') : el('p', { class: 'muted' }, 'No difference found.'),
    el('h2', {}, 'Key quotes'),
    el('div', { id: 'quotes' }, quoteGroups.slice(0, 12).map(([who, g]) => el('div', { class: 'card' },
      el('b', {}, entityLink(g.entity, who)),
      g.quotes.slice(0, 5).map(({ q, outlets }) => el('div', {}, el('blockquote', {}, q.text),
        el('div', { class: 'quote-outlets' }, `${q.kind} · ${q.cue || ''} · ${outlets.join(', ')}`)))))),
    el('h2', {}, 'Actors'),
    el('table', { id: 'actors' }, el('tr', {}, el('th', {}, 'Actor'), el('th', {}, 'Type'), el('th', {}, 'Roles'), el('th', {}, 'Country'), el('th', {}, 'Code'), el('th', {}, 'Mentions')),
      d.entities.filter((e) => e.type !== 'MISC').slice(0, 40).map((e) => el('tr', {}, el('td', {}, entityLink(e.id, e.name)), el('td', {}, el('span', { class: 'tag ' + e.type }, e.type)),
        el('td', {}, (e.roles || []).join(', ')), el('td', {}, e.country || ''), el('td', {}, e.actor_code || ''), el('td', {}, e.mentions_in_story)))),
    el('h2', {}, 'Who acted on whom'),
    el('p', { class: 'legend muted' }, el('span', { style: 'color:var(--pos)' }, '■ cooperation'), el('span', { style: 'color:var(--neg)' }, '■ conflict'), 'edge colour: mean Goldstein score'),
    net,
  ];
  // After render() has put the page in the document: both libraries measure
  // their container.
  setTimeout(() => { timelineChart(canvas, d.events); actorNetwork(net, d.events); }, 0);
  return page;
}

async function entityPage(id) {
  const d = await api('entities/' + encodeURIComponent(id));
  const e = d.entity, arts = d.articles;
  const outletOf = (aid) => (arts[aid] || {}).outlet || aid;
  return [
    el('h1', { id: 'entity-name' }, e.name, ' ', el('span', { class: 'tag ' + e.type }, e.type)),
    el('p', { class: 'muted' }, [e.country && `country ${e.country}`, e.actor_code && `CAMEO actor ${e.actor_code}`, `${e.mention_count} mentions in ${e.articles.length} articles`].filter(Boolean).join(' · ')),
    el('h2', {}, 'Names seen'), el('div', { id: 'aliases' }, e.aliases.map((a) => el('span', { class: 'tag' }, a))),
    el('h2', {}, 'Roles'), (e.roles || []).length ? el('div', {}, e.roles.map((r) => el('span', { class: 'tag' }, r))) : el('p', { class: 'muted' }, 'None seen.'),
    el('h2', {}, 'Stories'), el('ul', {}, d.stories.map((s) => el('li', {}, storyLink(s), el('span', { class: 'muted' }, ` ${s.first_seen || ''}`)))),
    el('h2', {}, `Quotes (${d.quotes.length})`),
    el('div', { id: 'entity-quotes' }, d.quotes.map((q) => el('div', {}, el('blockquote', {}, q.text), el('div', { class: 'quote-outlets' }, `${q.kind} · ${q.cue || ''} · `, articleLink(q.article, outletOf(q.article)))))),
    el('h2', {}, `Events (${d.events.length})`), eventTable(d.events, arts),
    el('h2', {}, 'Articles'), el('ul', {}, Object.entries(arts).map(([aid, a]) => el('li', {}, articleLink(aid, a.title || aid), el('span', { class: 'muted' }, ` ${a.outlet || ''} ${a.published || ''}`)))),
  ];
}

function eventTable(events, arts) {
  return el('table', { class: 'events' },
    el('tr', {}, ['Date', 'Source', 'Action', 'Target', 'Where', 'Goldstein', 'Reported by'].map((h) => el('th', {}, h))),
    events.map((e) => el('tr', {},
      el('td', {}, e.date || '?'), el('td', {}, e.source ? entityLink(e.source.entity, actorName(e.source)) : '—'),
      el('td', {}, (e.negated ? 'not: ' : '') + (cameoName(e.cameo) || ''), el('span', { class: 'muted' }, ` ${e.cameo}`)),
      el('td', {}, e.target ? entityLink(e.target.entity, actorName(e.target)) : '—'),
      el('td', {}, e.location ? e.location.name : ''),
      el('td', { class: 'gs ' + gsClass(e.goldstein) }, e.goldstein),
      el('td', {}, [...new Set((e.mentions || []).map((m) => m.article))].map((aid) => articleLink(aid, (arts[aid] || {}).outlet || aid)).flatMap((x, i) => (i ? [', ', x] : [x]))))));
}

async function entitiesPage(params) {
  const q = params.get('q') || '', type = params.get('type') || '', offset = +params.get('offset') || 0;
  const page = await api('entities', { q, type, offset, limit: 50 });
  const form = el('form', { class: 'filters', onsubmit: (ev) => { ev.preventDefault(); const f = new FormData(ev.target); setHash('#/entities', { q: f.get('q'), type: f.get('type') }); } },
    el('label', {}, 'Name or spelling', el('input', { name: 'q', value: q })),
    el('label', {}, 'Type', el('select', { name: 'type' }, ['', 'PERSON', 'ORG', 'LOC', 'MISC'].map((t) => el('option', { value: t, selected: t === type }, t || 'any')))),
    el('button', { type: 'submit' }, 'Find'));
  return [el('h1', {}, 'Actors'), form,
    el('table', { id: 'entity-table' }, el('tr', {}, ['Name', 'Type', 'Also written', 'Roles', 'Country', 'Mentions'].map((h) => el('th', {}, h))),
      page.items.map((e) => el('tr', {}, el('td', {}, entityLink(e.id, e.name)), el('td', {}, el('span', { class: 'tag ' + e.type }, e.type)),
        el('td', {}, e.aliases.filter((a) => a !== e.name).join(', ')), el('td', {}, (e.roles || []).join(', ')), el('td', {}, e.country || ''), el('td', {}, e.mention_count)))),
    pager(page, (o) => setHash('#/entities', { q, type, offset: o }))];
}

async function quotesPage(params) {
  const q = params.get('q') || '', speaker = params.get('speaker') || '', kind = params.get('kind') || '', offset = +params.get('offset') || 0;
  const page = await api('quotes', { q, speaker, kind, offset, limit: 50 });
  const form = el('form', { class: 'filters', id: 'quote-search', onsubmit: (ev) => { ev.preventDefault(); const f = new FormData(ev.target); setHash('#/quotes', { q: f.get('q'), speaker: f.get('speaker'), kind: f.get('kind') }); } },
    el('label', {}, 'Words', el('input', { name: 'q', value: q })),
    el('label', {}, 'Speaker', el('input', { name: 'speaker', value: speaker })),
    el('label', {}, 'Kind', el('select', { name: 'kind' }, ['', 'direct', 'mixed', 'indirect'].map((t) => el('option', { value: t, selected: t === kind }, t || 'any')))),
    el('button', { type: 'submit' }, 'Search quotes'));
  return [el('h1', {}, 'Quotes'), form,
    el('div', { id: 'quote-results' }, page.items.map((x) => {
      const sp = x.speaker || {}, a = page.articles[x.article] || {};
      return el('div', { class: 'card quote' }, el('blockquote', {}, x.text),
        el('div', { class: 'quote-outlets' }, entityLink(sp.entity, sp.name || sp.description || 'no speaker'), ` · ${x.kind} · ${x.cue || ''} · `,
          articleLink(x.article, `${a.outlet || ''} ${a.published || ''}`), x.same_as.length ? ` · also in ${x.same_as.length} other articles` : ''));
    })),
    pager(page, (o) => setHash('#/quotes', { q, speaker, kind, offset: o }))];
}

async function eventsPage(params) {
  const f = { actor: params.get('actor') || '', root: params.get('root') || '', from: params.get('from') || '', to: params.get('to') || '' };
  const offset = +params.get('offset') || 0;
  const page = await api('events', { ...f, offset, limit: 100 });
  const roots = Object.entries(cameo).filter(([c]) => c.length === 2);
  const gdelt = new URL('api/events', document.baseURI);
  for (const [k, v] of Object.entries(f)) if (v) gdelt.searchParams.set(k, v);
  gdelt.searchParams.set('format', 'gdelt');
  const form = el('form', { class: 'filters', id: 'event-filters', onsubmit: (ev) => { ev.preventDefault(); const fd = new FormData(ev.target); setHash('#/events', Object.fromEntries(fd)); } },
    el('label', {}, 'Actor', el('input', { name: 'actor', value: f.actor })),
    el('label', {}, 'Action', el('select', { name: 'root' }, el('option', { value: '' }, 'any'), roots.map(([c, v]) => el('option', { value: c, selected: c === f.root }, `${c} ${v.name}`)))),
    el('label', {}, 'From', el('input', { name: 'from', value: f.from, placeholder: 'YYYY-MM-DD' })),
    el('label', {}, 'To', el('input', { name: 'to', value: f.to, placeholder: 'YYYY-MM-DD' })),
    el('button', { type: 'submit' }, 'Filter'),
    el('a', { class: 'button secondary', id: 'gdelt-download', href: gdelt.pathname + gdelt.search, download: 'sitrep-events.export.CSV' }, 'Download as GDELT'));
  return [el('h1', {}, 'Events'), form, eventTable(page.items, page.articles), pager(page, (o) => setHash('#/events', { ...f, offset: o }))];
}

async function articlesPage(params) {
  const offset = +params.get('offset') || 0;
  const page = await api('articles', { offset, limit: 50 });
  return [el('h1', {}, 'Articles'),
    el('table', {}, el('tr', {}, ['Published', 'Outlet', 'Title', 'Status'].map((h) => el('th', {}, h))),
      page.items.map((a) => el('tr', {}, el('td', {}, a.published || ''), el('td', {}, a.outlet || ''), el('td', {}, articleLink(a.id, a.title || a.source)),
        el('td', {}, a.status === 'ok' ? 'ok' : `skipped: ${a.reason || ''}`)))),
    pager(page, (o) => setHash('#/articles', { offset: o }))];
}

// The article's text with mentions, quotes and time expressions marked.
// Offsets count code points, so the text is split into code points first.
function highlighted(text, d) {
  const cps = Array.from(text);
  const spans = [];
  for (const m of d.mentions) spans.push({ s: m.start, e: m.end, cls: 'hl-' + m.type, title: `${m.type}${m.entity_name ? ': ' + m.entity_name : ''}`, href: m.entity ? '#/entity/' + m.entity : null });
  for (const t of d.times) spans.push({ s: t.start, e: t.end, cls: 'hl-time', title: `time: ${t.value || 'unresolved'}` });
  for (const q of d.quotes) spans.push({ s: q.start, e: q.end, cls: 'hl-quote', title: `quote (${q.kind})${q.speaker && (q.speaker.name || q.speaker.description) ? ' — ' + (q.speaker.name || q.speaker.description) : ''}` });
  // Boundaries split the text into runs; each run gets the classes of the
  // spans covering it, so overlapping marks (a name inside a quote) nest.
  const cuts = new Set([0, cps.length]);
  for (const x of spans) { cuts.add(Math.max(0, Math.min(cps.length, x.s))); cuts.add(Math.max(0, Math.min(cps.length, x.e))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el('div', { class: 'article-text', id: 'article-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1], run = cps.slice(a, b).join('');
    const cover = spans.filter((x) => x.s <= a && x.e >= b);
    if (!cover.length) { out.append(run); continue; }
    const ent = cover.find((x) => x.href);
    const node = el(ent ? 'a' : 'span', { class: cover.map((x) => x.cls).join(' '), title: cover.map((x) => x.title).join('\n'), href: ent ? ent.href : null }, run);
    out.append(node);
  }
  return out;
}

async function articlePage(id) {
  const d = await api('articles/' + encodeURIComponent(id));
  const a = d.article;
  return [
    el('h1', { id: 'article-title' }, a.title || a.source),
    el('p', { class: 'muted' }, [a.outlet, a.published && `published ${a.published}${a.published_from ? ' (' + a.published_from + ')' : ''}`, a.author, a.language, a.translated_from && `translated from ${a.translated_from}`].filter(Boolean).join(' · '),
      // Only web addresses become links: a javascript: or data: URL from
      // an article's metadata must not be one click from running.
      /^https?:\/\//i.test(a.url || '') ? el('span', {}, ' · ', el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')) : null),
    a.status !== 'ok' ? el('p', { class: 'error' }, `Skipped: ${a.reason || ''}`) : null,
    d.stories.length ? el('p', {}, 'In ', d.stories.map((s) => storyLink(s))) : null,
    d.inconsistencies.length ? el('div', { class: 'error' }, d.inconsistencies.map((x) => el('div', {}, `${x.kind}: “${x.text}” — ${x.detail || ''}`))) : null,
    el('p', { class: 'legend' }, el('span', { class: 'hl-PERSON' }, 'person'), el('span', { class: 'hl-ORG' }, 'organisation'), el('span', { class: 'hl-LOC' }, 'place'),
      el('span', { class: 'hl-MISC' }, 'other name'), el('span', { class: 'hl-quote' }, 'quote'), el('span', { class: 'hl-time' }, 'time')),
    highlighted(a.text, d),
    el('details', { id: 'removed' }, el('summary', {}, `Removed boilerplate (${d.removed.length} lines)`),
      el('ul', { class: 'removed' }, d.removed.map((r) => el('li', {}, r.text, ' ', el('span', { class: 'why' }, '— ' + r.why))))),
    el('h2', {}, `Quotes (${d.quotes.length})`),
    d.quotes.map((q) => el('div', {}, el('blockquote', {}, q.text), el('div', { class: 'quote-outlets' }, entityLink(q.speaker && q.speaker.entity, (q.speaker && (q.speaker.name || q.speaker.description)) || 'no speaker'), ` · ${q.kind} · ${q.cue || ''}`))),
    el('h2', {}, `Events (${d.events.length})`), eventTable(d.events, { [a.id]: a }),
  ];
}

async function searchPage(params) {
  const q = params.get('q') || '', offset = +params.get('offset') || 0;
  document.getElementById('search-box').value = q;
  if (!q) return [el('h1', {}, 'Search'), el('p', { class: 'muted' }, 'Type words in the search box.')];
  const page = await api('search', { q, offset, limit: 20 });
  return [el('h1', {}, `Search: ${q}`),
    el('div', { id: 'search-results' }, page.items.map((r) => {
      // snippet_html is escaped by the server; only its <mark> tags are markup.
      const snip = el('p', { class: 'snippet' });
      snip.innerHTML = r.snippet_html;
      return el('div', { class: 'card' }, el('b', {}, articleLink(r.id, r.title || r.id)), el('span', { class: 'muted' }, ` ${r.outlet || ''} ${r.published || ''}`), snip);
    })),
    page.total ? pager(page, (o) => setHash('#/search', { q, offset: o })) : el('p', { class: 'muted' }, 'No article matches.')];
}

// ---- routing -------------------------------------------------------------

const routes = [
  [/^#?\/?$/, () => storiesPage(), 'stories'],
  [/^#\/story\/([^/?]+)$/, (m) => storyPage(decodeURIComponent(m[1])), 'stories'],
  [/^#\/entity\/([^/?]+)$/, (m) => entityPage(decodeURIComponent(m[1])), 'entities'],
  [/^#\/article\/([^/?]+)$/, (m) => articlePage(decodeURIComponent(m[1])), 'articles'],
  [/^#\/entities$/, (m, p) => entitiesPage(p), 'entities'],
  [/^#\/quotes$/, (m, p) => quotesPage(p), 'quotes'],
  [/^#\/events$/, (m, p) => eventsPage(p), 'events'],
  [/^#\/articles$/, (m, p) => articlesPage(p), 'articles'],
  [/^#\/search$/, (m, p) => searchPage(p), null],
];

async function render() {
  const [path, query] = (location.hash || '#/').split('?');
  const params = new URLSearchParams(query || '');
  for (const [re, page, nav] of routes) {
    const m = re.exec(path);
    if (!m) continue;
    document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === nav));
    main.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
    try {
      const content = await page(m, params);
      main.replaceChildren(...[content].flat(3).filter(Boolean));
      document.title = 'sitrep · ' + (main.querySelector('h1') ? main.querySelector('h1').textContent : '');
      window.scrollTo(0, 0);
    } catch (err) {
      main.replaceChildren(el('div', { class: 'error', id: 'error' }, err.message));
    }
    return;
  }
  main.replaceChildren(el('div', { class: 'error', id: 'error' }, 'No such page.'));
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  setHash('#/search', { q: document.getElementById('search-box').value });
});
window.addEventListener('hashchange', render);
api('cameo').then((c) => { cameo = c; }).catch(() => {}).finally(render);
