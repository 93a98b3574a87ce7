/* The page of coauthor serve.  Every view is a URL of its own (#/author/ID,
 * #/path?from=ID&to=ID), so it can be bookmarked and the back button works.
 * Every string from the data reaches the document through textContent or a
 * canvas label, never as markup: author names come from untrusted files. */
'use strict';

const $ = (id) => document.getElementById(id);
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7',
                 '#9c755f', '#bab0ac', '#1f77b4', '#8c564b'];
const state = { ego: null, chain: null, renderId: 0 };
window.coauthor = state; /* for the browser test */

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch (e) { body = { error: 'the server sent no JSON (' + r.status + ')' }; }
  if (!r.ok) {
    const err = new Error(body && body.error ? body.error : 'HTTP ' + r.status);
    err.status = r.status;
    err.candidates = body && body.candidates ? body.candidates : [];
    throw err;
  }
  return body;
}

function showError(err) {
  const box = $('error');
  box.replaceChildren(el('span', { text: err.message }));
  if (err.candidates && err.candidates.length) {
    box.append(' Did you mean ');
    err.candidates.forEach((c, i) => {
      if (i) box.append(', ');
      box.append(el('a', { href: '#/author/' + c.id, text: c.name }));
    });
    box.append('?');
  }
  box.hidden = false;
}

function clearError() { $('error').hidden = true; }

function authorLink(id, name) { return el('a', { href: '#/author/' + id, text: name }); }

/* ---- suggestions as you type ---- */

function attachSuggest(input, list, onPick) {
  let timer = null, items = [], active = -1, seq = 0;
  const close = () => { list.hidden = true; list.replaceChildren(); items = []; active = -1; };
  const mark = () => [...list.children].forEach((li, i) => li.setAttribute('aria-selected', i === active));
  const pick = (i) => { const a = items[i]; close(); if (a) onPick(a, input); };
  input.addEventListener('input', () => {
    delete input.dataset.id;
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { close(); return; }
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const r = await api('/api/authors?limit=8&q=' + encodeURIComponent(q));
        if (mine !== seq) return;
        items = r.authors;
        active = items.length ? 0 : -1;
        list.replaceChildren(...items.map((a, i) => el('li', { role: 'option', 'data-id': a.id,
          onmousedown: (ev) => { ev.preventDefault(); pick(i); } },
          el('span', { class: 'name', text: a.name }),
          el('span', { class: 'muted', text: a.papers + (a.papers === 1 ? ' paper' : ' papers') }))));
        if (!items.length) list.append(el('li', { class: 'muted', text: 'no author matches' }));
        list.hidden = false;
        mark();
      } catch (e) { close(); }
    }, 120);
  });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden || !items.length) return;
    if (ev.key === 'ArrowDown') { active = (active + 1) % items.length; mark(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { active = (active + items.length - 1) % items.length; mark(); ev.preventDefault(); }
    else if (ev.key === 'Enter') { ev.preventDefault(); pick(active < 0 ? 0 : active); }
    else if (ev.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

/* ---- graphs ---- */

/* Hides the labels that would overlap a more important one (more papers,
 * or the ego and the chain first), at the current zoom: labels keep one
 * size on screen, so zooming in shows more of them. */
function placeLabels(cy) {
  const zoom = cy.zoom();
  cy.batch(() => {
    cy.nodes().style('font-size', 12 / zoom);
    cy.nodes().removeClass('nolabel above');
  });
  const taken = [];
  const order = cy.nodes().sort((a, b) => (b.data('must') - a.data('must')) || (b.data('papers') - a.data('papers')));
  const free = (bb) => !taken.some((t) => bb.x1 < t.x2 && t.x1 < bb.x2 && bb.y1 < t.y2 && t.y1 < bb.y2);
  const box = (n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
  /* below the node, else above it, else no label */
  order.forEach((n) => {
    n.removeClass('above');
    let bb = box(n);
    if (!free(bb)) {
      n.addClass('above');
      bb = box(n);
    }
    if (free(bb)) taken.push(bb);
    else { n.removeClass('above'); n.addClass('nolabel'); }
  });
}

function makeGraph(container, nodes, edges, opts) {
  const maxPapers = Math.max(1, ...nodes.map((n) => n.papers));
  const maxJoint = Math.max(1, ...edges.map((e) => e.joint_papers));
  const elements = [];
  for (const n of nodes) {
    elements.push({ group: 'nodes', data: { id: String(n.id), label: n.name, papers: n.papers,
      must: opts.must && opts.must.has(n.id) ? 1 : 0,
      colour: opts.colour(n), size: 10 + 30 * Math.sqrt(n.papers / maxPapers) },
      position: { x: n.x, y: n.y }, classes: opts.classes ? opts.classes(n) : '' });
  }
  edges.forEach((e, i) => elements.push({ group: 'edges', data: { id: 'e' + i, source: String(e.source),
    target: String(e.target), joint: e.joint_papers, width: 0.6 + 4 * e.joint_papers / maxJoint },
    classes: opts.edgeClasses ? opts.edgeClasses(e) : '' }));
  const cy = cytoscape({
    container, elements, layout: { name: 'preset' }, minZoom: 0.05, maxZoom: 8, wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)',
        label: 'data(label)', 'font-family': 'Helvetica, Arial, sans-serif', color: '#222',
        'text-valign': 'bottom', 'text-margin-y': 2, 'text-background-color': '#fff',
        'text-background-opacity': 0.7, 'text-background-padding': 1, 'border-width': 0.5,
        'border-color': '#555' } },
      { selector: 'node.nolabel', style: { label: '' } },
      { selector: 'node.above', style: { 'text-valign': 'top', 'text-margin-y': -2 } },
      { selector: 'node.ego', style: { 'border-width': 4, 'border-color': '#111' } },
      { selector: 'node.onchain', style: { 'border-width': 4, 'border-color': '#d62728' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ff7f0e' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#999', opacity: 0.55,
        'curve-style': 'haystack' } },
      { selector: 'edge.onchain', style: { 'line-color': '#d62728', opacity: 1, width: 4, 'z-index': 9 } },
    ],
  });
  cy.fit(undefined, 30);
  if (cy.zoom() > 2.5) { cy.zoom(2.5); cy.center(); } /* a chain of three authors stays at a readable size */
  placeLabels(cy);
  let t = null;
  cy.on('zoom', () => { clearTimeout(t); t = setTimeout(() => placeLabels(cy), 80); });
  cy.on('tap', 'node', (ev) => { location.hash = '#/author/' + ev.target.id(); });
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  return cy;
}

/* ---- views ---- */

function show(view) {
  for (const v of ['home', 'author', 'path']) $('view-' + v).hidden = v !== view;
}

async function renderHome() {
  show('home');
  document.title = 'coauthor';
  try {
    const s = await api('/api/stats');
    const rows = [['papers', s.papers_read], ['authors', s.authors], ['coauthor pairs', s.coauthor_edges]];
    if (s.first_year) rows.push(['years', s.first_year + '–' + s.last_year]);
    if (s.network) {
      rows.push(['largest component', s.network.largest_component_authors + ' authors']);
      rows.push(['mean distance', s.network.mean_distance.toFixed(2) + (s.network.estimated ? ' (estimated)' : '')]);
    }
    $('stats').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { text: k }),
      el('dd', { text: typeof v === 'number' ? v.toLocaleString('en') : v })]));
  } catch (e) { showError(e); }
}

function params(query) { return new URLSearchParams(query || ''); }

async function renderAuthor(id, query) {
  show('author');
  const p = params(query);
  const radius = p.get('radius') === '2' ? 2 : 1;
  const minWeight = Math.max(1, Math.min(10, parseInt(p.get('min_weight') || '1', 10) || 1));
  $('radius').value = String(radius);
  $('min-weight').value = String(minWeight);
  $('mw-value').textContent = String(minWeight);
  const mine = ++state.renderId;
  const sameAuthor = $('view-author').dataset.id === id;
  if (!sameAuthor) {
    $('view-author').dataset.id = id;
    $('a-name').textContent = '…';
    $('a-meta').textContent = '';
    $('a-identity').replaceChildren();
    $('coauthors').tBodies[0].replaceChildren();
    $('joint').replaceChildren();
    loadAuthorTable(id, mine);
  }
  const ego = '/api/ego/' + encodeURIComponent(id);
  const q = '?radius=' + radius + '&min_weight=' + minWeight;
  $('svg-link').href = ego + '.svg' + q;
  $('png-link').href = ego + '.png' + q;
  $('chain-from').href = '#/path?from=' + encodeURIComponent(id);
  $('ego-info').textContent = 'laying out the network…';
  try {
    const g = await api(ego + q);
    if (mine !== state.renderId) return;
    if (state.ego) state.ego.destroy();
    state.egoData = g;
    state.ego = makeGraph($('ego'), g.nodes, g.edges, {
      colour: (n) => n.community >= 0 && n.community < PALETTE.length ? PALETTE[n.community] : '#bbbbbb',
      classes: (n) => (n.id === g.ego ? 'ego' : ''), must: new Set([g.ego]),
    });
    $('ego-info').textContent = (g.left_out > 0 ? 'the ' + g.authors + ' most tied of ' + g.in_network : g.authors) +
      ' authors, ' + g.links + ' links within ' + g.radius +
      (g.radius === 1 ? ' hop' : ' hops') + (g.min_weight > 1 ? ', pairs with at least ' + g.min_weight +
      ' joint papers' : '') + '; laid out by Graphviz ' + g.engine + ' as coauthor draw does; colour: community' +
      (g.modularity !== undefined ? ' (modularity ' + g.modularity.toFixed(2) + ')' : '') +
      '. Click an author to open them.';
  } catch (e) {
    if (mine !== state.renderId) return;
    if (state.ego) { state.ego.destroy(); state.ego = null; }
    $('ego').dataset.nodes = '0';
    $('ego-info').textContent = e.message;
  }
}

async function loadAuthorTable(id, mine) {
  try {
    const a = await api('/api/author/' + encodeURIComponent(id) + '?top=500');
    if (mine !== state.renderId && $('view-author').dataset.id !== id) return;
    clearError();
    document.title = a.author + ' · coauthor';
    $('a-name').textContent = a.author;
    $('a-meta').textContent = a.papers + (a.papers === 1 ? ' paper, ' : ' papers, ') + a.coauthors +
      (a.coauthors === 1 ? ' coauthor' : ' coauthors');
    $('a-count').textContent = a.shown < a.coauthors ? '(top ' + a.shown + ' of ' + a.coauthors + ')' :
      '(' + a.coauthors + ')';
    renderIdentity(a);
    const body = $('coauthors').tBodies[0];
    body.replaceChildren(...a.rows.map((r) => {
      const tr = el('tr', { tabindex: '0', 'data-id': r.id },
        el('td', { class: 'num', text: r.rank }), el('td', {}, authorLink(r.id, r.author)),
        el('td', { class: 'num', text: r.joint_papers }), el('td', { class: 'num', text: r.fractional.toFixed(2) }),
        el('td', { class: 'num', text: r.first_year ? (r.first_year === r.last_year ? r.first_year :
          r.first_year + '–' + r.last_year) : '' }));
      const open = (ev) => { if (ev.target.tagName !== 'A') showJoint(a, r, tr); };
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(ev); });
      return tr;
    }));
  } catch (e) {
    $('a-name').textContent = e.status === 404 ? 'No such author' : 'Error';
    showError(e);
  }
}

function renderIdentity(a) {
  const box = $('a-identity');
  const notes = [];
  const id = a.identity;
  if (id.identifier) notes.push(el('li', {}, 'Identifier: ', el('code', { text: id.identifier })));
  if (id.merged.length) {
    const li = el('li', {}, 'Spellings merged into this author: ');
    id.merged.forEach((m, i) => {
      if (i) li.append('; ');
      li.append(el('q', { text: m.name }), ' (' + m.reason + ')');
    });
    notes.push(li);
  }
  if (id.homonym_papers)
    notes.push(el('li', { class: 'warn' }, 'Likely homonym: ' + id.homonym_papers + ' of the papers may be ' +
      'another person\'s of the same name (they share no coauthor with the others, in another field).'));
  box.replaceChildren(...(notes.length ? [el('ul', {}, ...notes)] : []));
}

async function showJoint(a, r, tr) {
  for (const row of tr.parentNode.children) row.classList.toggle('selected', row === tr);
  const box = $('joint');
  box.replaceChildren(el('p', { class: 'muted', text: 'loading…' }));
  try {
    const j = await api('/api/author/' + a.id + '?with=' + r.id);
    const row = j.rows[0];
    const list = el('ol', { class: 'papers' }, ...(row ? row.papers : []).map(paperItem));
    box.replaceChildren(el('h3', {}, 'Joint papers of ', el('span', { text: a.author }), ' and ',
      authorLink(r.id, r.author)), list);
  } catch (e) { box.replaceChildren(el('p', { class: 'error', text: e.message })); }
}

function paperItem(p) {
  const li = el('li', {}, el('span', { class: 'year', text: p.year || '----' }), ' ',
    el('span', { class: 'title', text: p.title || '(untitled)' }));
  if (p.venue) li.append(' ', el('span', { class: 'muted', text: p.venue }));
  /* a DOI written as its resolver's URL is the bare DOI after it; anything
   * else stays under https://doi.org/, so no data makes a link elsewhere */
  const doi = p.doi ? p.doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '') : '';
  if (doi) li.append(' ', el('a', { href: 'https://doi.org/' + encodeURI(doi), rel: 'noopener noreferrer',
    target: '_blank', text: 'doi:' + doi }));
  else if (p.id) li.append(' ', el('span', { class: 'muted', text: '[' + p.id + ']' }));
  const marks = [];
  if (p.inferred) marks.push('inferred');
  if (p.homonym) marks.push('homonym?');
  if (marks.length) li.append(' ', el('span', { class: 'mark', text: '(' + marks.join(', ') + ')' }));
  return li;
}

/* ---- the chain finder ---- */

const avoided = new Map(); /* id -> name */

function renderAvoided() {
  $('p-avoided').replaceChildren(...[...avoided].map(([id, name]) => el('li', {}, el('span', { text: name }), ' ',
    el('button', { type: 'button', 'aria-label': 'do not avoid', text: '×',
      onclick: () => { avoided.delete(id); renderAvoided(); } }))));
}

function pathHash(from, to, chains) {
  let h = '#/path?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
  for (const id of avoided.keys()) h += '&avoid=' + encodeURIComponent(id);
  if (chains > 1) h += '&chains=' + chains;
  return h;
}

async function renderPath(query) {
  show('path');
  document.title = 'Chain finder · coauthor';
  const p = params(query);
  const from = p.get('from'), to = p.get('to');
  const chains = Math.max(1, Math.min(100, parseInt(p.get('chains') || '1', 10) || 1));
  avoided.clear();
  for (const a of p.getAll('avoid')) avoided.set(a, a);
  renderAvoided();
  const result = $('p-result');
  if (from && !$('p-from').dataset.id) { $('p-from').dataset.id = from; }
  if (!from || !to) {
    result.replaceChildren(el('p', { class: 'muted', text: 'Choose two authors: pick each from the suggestions.' }));
    $('p-graph').hidden = true;
    if (from) {
      try { const a = await api('/api/author/' + encodeURIComponent(from) + '?top=1'); $('p-from').value = a.author; }
      catch (e) { /* the field stays empty */ }
    }
    return;
  }
  const mine = ++state.renderId;
  result.replaceChildren(el('p', { class: 'muted', text: 'searching…' }));
  let args = '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) + '&chains=' + chains;
  for (const a of avoided.keys()) args += '&avoid=' + encodeURIComponent(a);
  try {
    const r = await api('/api/path' + args);
    if (mine !== state.renderId) return;
    clearError();
    $('p-from').value = r.from.name; $('p-from').dataset.id = r.from.id;
    $('p-to').value = r.to.name; $('p-to').dataset.id = r.to.id;
    avoided.clear();
    for (const a of r.avoid) avoided.set(String(a.id), a.name);
    renderAvoided();
    renderChains(r, from, to, chains);
  } catch (e) {
    if (mine !== state.renderId) return;
    result.replaceChildren();
    $('p-graph').hidden = true;
    showError(e);
    return;
  }
  renderChainNetwork(args, mine);
}

/* The chains' network, asked for once the chains are shown: its layout
 * takes longer than the search. */
async function renderChainNetwork(args, mine) {
  const g = $('p-graph');
  g.hidden = true;
  let r;
  try {
    r = await api('/api/path/network' + args);
  } catch (e) {
    if (mine === state.renderId) { g.hidden = true; showError(e); }
    return;
  }
  if (mine !== state.renderId) return;
  if (!r.network) { g.hidden = true; return; }
  g.hidden = false;
  const first = r.network.path;
  const onChain = new Set(first);
  const pairs = new Set(first.slice(1).map((id, k) => Math.min(id, first[k]) + '-' + Math.max(id, first[k])));
  if (state.chain) state.chain.destroy();
  state.chain = makeGraph(g, r.network.nodes, r.network.edges, {
    colour: (n) => (onChain.has(n.id) ? '#d62728' : '#9ecae1'),
    classes: (n) => (onChain.has(n.id) ? 'onchain' : ''), must: onChain,
    edgeClasses: (e) => (pairs.has(Math.min(e.source, e.target) + '-' + Math.max(e.source, e.target)) ? 'onchain' : ''),
  });
}

function renderChains(r, from, to, chains) {
  const result = $('p-result');
  if (r.length === null) {
    result.replaceChildren(el('p', { class: 'warn', text: r.explanation }));
    $('p-graph').hidden = true;
    return;
  }
  const total = (r.total_saturated ? 'at least ' : '') + r.total_chains.toLocaleString('en');
  const parts = [el('p', { class: 'summary' }, 'Length ' + r.length + (r.length === 1 ? ' hop' : ' hops') + '; ' +
    total + (r.total_chains === 1 ? ' shortest chain' : ' shortest chains') +
    (r.shown < r.total_chains ? ', the first ' + r.shown + ' by name below' : '') + '.')];
  r.chains.forEach((c, i) => {
    const box = el('details', { class: 'chain' });
    if (i === 0) box.open = true;
    const line = el('summary', {}, (r.chains.length > 1 ? (i + 1) + '. ' : ''));
    c.ids.forEach((id, k) => { if (k) line.append(' → '); line.append(authorLink(id, c.authors[k])); });
    box.append(line);
    c.hops.forEach((h, k) => {
      const hop = el('div', { class: 'hop' }, el('strong', { text: c.authors[k] }), ' – ',
        el('strong', { text: c.authors[k + 1] }), ': ' + h.papers.length +
        (h.papers.length === 1 ? ' joint paper' : ' joint papers'));
      if (h.marks.length) hop.append(' ', el('span', { class: 'mark', text: '[' + h.marks.join(', ') + ']' }));
      hop.append(el('ol', { class: 'papers' }, ...h.papers.map(paperItem)));
      box.append(hop);
    });
    parts.push(box);
  });
  if (r.shown < r.total_chains && chains < 100) {
    parts.push(el('button', { type: 'button', id: 'p-more', text: 'Show the next chains',
      onclick: () => { location.hash = pathHash(from, to, Math.min(100, chains + 5)); } }));
  }
  const marks = new Set(r.chains.flatMap((c) => c.hops.flatMap((h) => h.marks)));
  if (marks.has('inferred'))
    parts.push(el('p', { class: 'muted', text: '[inferred]: the hop rests only on inferred authorship (a profile\'s ' +
      'owner hidden behind "et al.").' }));
  if (marks.has('homonym?'))
    parts.push(el('p', { class: 'muted', text: '[homonym?]: every paper of the hop may be another person\'s of the ' +
      'same name.' }));
  result.replaceChildren(...parts);
}

/* ---- routing ---- */

function route() {
  clearError();
  const h = location.hash || '#/';
  const [path, query] = h.slice(1).split('?');
  const m = path.match(/^\/author\/(.+)$/);
  if (m) return renderAuthor(decodeURIComponent(m[1]), query);
  if (path === '/path') return renderPath(query);
  return renderHome();
}

function setup() {
  attachSuggest($('q'), $('q-list'), (a, input) => { input.value = ''; location.hash = '#/author/' + a.id; });
  for (const id of ['p-from', 'p-to', 'p-avoid']) {
    const input = $(id);
    attachSuggest(input, input.closest('.search').querySelector('.suggest'), (a) => {
      if (id === 'p-avoid') { avoided.set(String(a.id), a.name); renderAvoided(); input.value = ''; return; }
      input.value = a.name;
      input.dataset.id = a.id;
    });
  }
  $('path-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const from = $('p-from').dataset.id || $('p-from').value.trim();
    const to = $('p-to').dataset.id || $('p-to').value.trim();
    if (!from || !to) { showError(new Error('choose both authors')); return; }
    location.hash = pathHash(from, to, 1);
  });
  const egoControls = () => {
    const id = $('view-author').dataset.id;
    const h = '#/author/' + encodeURIComponent(id) + '?radius=' + $('radius').value + '&min_weight=' +
      $('min-weight').value;
    history.replaceState(null, '', h);
    route();
  };
  $('radius').addEventListener('change', egoControls);
  $('min-weight').addEventListener('input', () => { $('mw-value').textContent = $('min-weight').value; });
  $('min-weight').addEventListener('change', egoControls);
  window.addEventListener('hashchange', route);
  api('/api/stats').then((s) => {
    $('corpus').textContent = s.inputs + ': ' + s.authors.toLocaleString('en') + ' authors';
  }).catch(() => {});
  route();
}

document.addEventListener('DOMContentLoaded', setup);
