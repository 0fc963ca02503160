// Events: an event file (ACLED CSV, NDJSON, GeoJSON; ≤ 50 MB) decided by the server
// (POST /v1/events/decide, NDJSON streamed back), or a replay output file read in the browser.
// Markers by verdict (colour and shape), filters (verdict, grant, version, date range), totals
// per verdict that follow the filters, a progress indicator while lines stream in.

import {request, query, describe} from './api.js';
import {byId, clear, el, field, select} from './dom.js';
import {state, can} from './state.js';
import {getMap, setClickInterceptor} from './map.js';
import {VERDICTS, STYLE, legendMark} from './shapes.js';
import {markerLayer} from './markers.js';
import {showAnswer} from './explain.js';
import {applyRoles} from './auth.js';

const MAX_BYTES = 50 * 1024 * 1024;
const LOCAL_MAX_BYTES = 400 * 1024 * 1024;
const TYPES = {acled: 'text/csv', ndjson: 'application/x-ndjson', geojson: 'application/geo+json'};
let ev = empty();
let layer = null;
let loading = null;

/** Columns of the loaded events (grow by doubling). */
function empty() {
  return {n: 0, cap: 0, lat: new Float64Array(0), lon: new Float64Array(0), verdict: new Uint8Array(0),
    day: new Int32Array(0), keys: [], lines: [], ids: [], unplaced: 0, errors: new Map(), keyNames: [], keyIndex: new Map(),
    hasTime: false, summary: null};
}

function grow(e) {
  const cap = Math.max(1024, e.cap * 2);
  for (const [k, T] of [['lat', Float64Array], ['lon', Float64Array], ['verdict', Uint8Array], ['day', Int32Array]]) {
    const a = new T(cap);
    a.set(e[k]);
    e[k] = a;
  }
  e.cap = cap;
}

/** Interns "grant@version" keys; each event keeps the indexes of its grants' keys. */
function keyOf(e, name) {
  let k = e.keyIndex.get(name);
  if (k === undefined) {
    k = e.keyNames.length;
    e.keyNames.push(name);
    e.keyIndex.set(name, k);
  }
  return k;
}

/** Takes one output line; returns false for the summary line. */
function addLine(e, line) {
  const o = JSON.parse(line);
  if (o.summary) {
    e.summary = o.summary;
    return false;
  }
  if (o.error) {
    const code = o.error.code || 'error';
    e.errors.set(code, (e.errors.get(code) || 0) + 1);
    return true;
  }
  if (typeof o.lat !== 'number' || typeof o.lon !== 'number') {
    e.unplaced++;
    return true;
  }
  if (e.n === e.cap) grow(e);
  const i = e.n++;
  e.lat[i] = o.lat;
  e.lon[i] = o.lon;
  e.verdict[i] = Math.max(0, VERDICTS.indexOf(o.decision));
  const t = o.time || (o.request && o.request.time);
  if (t) e.hasTime = true;
  e.day[i] = t ? Math.floor(Date.parse(t) / 86400000) : -1;
  e.keys.push((o.grants || []).map(g => keyOf(e, `${g.grant}@${g.version || '(none in force)'}`)));
  e.lines.push(line);
  e.ids.push(o.id);
  return true;
}

export function renderEvents() {
  const file = el('input', {id: 'events-file', testid: 'events-file', type: 'file',
    accept: '.csv,.ndjson,.jsonl,.json,.geojson,text/csv,application/json,application/geo+json'});
  const format = select('events-format', [['auto', 'detect'], ['acled', 'ACLED CSV'], ['ndjson', 'NDJSON requests'],
    ['geojson', 'GeoJSON'], ['replay', 'replay output (read here, not decided)']], 'auto');
  file.addEventListener('change', () => {
    if (file.files[0]) load(file.files[0], format.value);
  });
  const verdicts = el('fieldset', {class: 'verdict-filter'}, el('legend', {text: 'Verdicts'}),
    ...VERDICTS.map(v => el('label', {class: 'check'},
      el('input', {type: 'checkbox', checked: true, 'data-verdict': v, on: {change: redraw}}), legendMark(v), ` ${v}`)));
  const grant = select('events-grant', [['', 'any grant']], '', {on: {change: () => {
    fillVersions();
    redraw();
  }}});
  const version = select('events-version', [['', 'any version']], '', {on: {change: redraw}});
  const from = el('input', {id: 'events-from', type: 'date', on: {change: redraw}});
  const to = el('input', {id: 'events-to', type: 'date', on: {change: redraw}});
  clear(byId('view-events'), el('h2', {text: 'Events'}),
    el('p', {class: 'hint', text: 'An ACLED CSV export, NDJSON requests or GeoJSON points (up to 50 MB) are decided by the '
      + 'server like caveat replay, and logged; a replay output file (caveat replay --out) is only read here.'}),
    field('Event file', file), field('Format', format),
    el('div', {id: 'events-progress', 'aria-live': 'polite'}),
    el('div', {id: 'events-totals', 'aria-live': 'polite'}),
    el('details', {open: true}, el('summary', {text: 'Filters'}), verdicts, field('Grant', grant), field('Version', version),
      el('div', {class: 'row'}, field('From', from), field('To', to))),
    el('div', {id: 'events-list'}));
  applyRoles(byId('view-events'));
  setClickInterceptor(point => layer !== null && layer.pickAt(point) >= 0);
  if (!can('analyst')) {
    byId('events-progress').textContent = 'Deciding an event file needs the analyst role; replay output files can still be read.';
  }
}

async function load(file, format) {
  if (loading) loading.abort();
  loading = new AbortController();
  const signal = loading.signal;
  const progress = byId('events-progress');
  const head = await file.slice(0, 65536).text();
  const kind = format === 'auto' ? detect(file.name, head) : format;
  // The 50 MB limit is the server's, for files it decides; a replay output is only read here
  // (its answers run to about 1 KB a line, so 100,000 events are some 100 MB).
  const limit = kind === 'replay' ? LOCAL_MAX_BYTES : MAX_BYTES;
  if (file.size > limit) {
    clear(progress, el('p', {class: 'error', role: 'alert',
      text: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${limit / 1048576} MB for ${kind === 'replay' ? 'a replay output' : 'an event file'}.`}));
    return;
  }
  ev = empty();
  redraw();
  const bar = el('progress', {max: 1, value: 0, 'aria-label': 'Events read'});
  const text = el('span', {text: ` reading ${file.name}…`});
  clear(progress, bar, text);
  const started = performance.now();
  let drawn = started;
  try {
    let stream;
    let total;
    if (kind === 'replay') {
      stream = file.stream();
      total = {bytes: file.size};
    } else {
      const rows = await countLines(file);
      total = {rows: kind === 'acled' ? rows - 1 : kind === 'ndjson' ? rows : 0};
      const res = await request(`/v1/events/decide${query({format: kind})}`, {method: 'POST', body: file, type: TYPES[kind], signal});
      stream = res.body;
    }
    await readLines(stream, signal, (line, bytes) => {
      addLine(ev, line);
      const done = total.bytes ? bytes / total.bytes : total.rows ? (ev.n + ev.unplaced + errorCount()) / total.rows : null;
      if (done === null) bar.removeAttribute('value');
      else bar.value = Math.min(1, done);
    }, () => {
      text.textContent = ` ${ev.n + ev.unplaced + errorCount()} rows answered…`;
      // Markers follow once a second while the lines stream in (a redraw costs up to ~100 ms at 100,000).
      if (performance.now() - drawn > 1000) {
        redraw();
        drawn = performance.now();
      }
    });
    bar.value = 1;
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    text.textContent = ` ${file.name}: ${ev.n + ev.unplaced + errorCount()} rows in ${secs} s`
      + (kind === 'replay' ? ' (read here, not decided)' : ' (decided by the server and logged)');
  } catch (e) {
    if (e.name === 'AbortError') return;
    clear(progress, el('p', {class: 'error', role: 'alert', text: `Cannot load ${file.name}: ${describe(e)}`}));
  }
  fillGrants();
  redraw();
  performance.measure('caveat-events-loaded', {start: started, end: performance.now()});
}

function errorCount() {
  let n = 0;
  for (const c of ev.errors.values()) n += c;
  return n;
}

/** Replay output if the first line looks like an answer; otherwise by the file's name or content. */
function detect(name, head) {
  const first = head.split('\n').find(l => l.trim());
  if (first && first.trim().startsWith('{')) {
    try {
      const o = JSON.parse(first);
      if ('decision' in o || ('error' in o && 'line' in o)) return 'replay';
      if (o.type === 'FeatureCollection' || o.type === 'Feature') return 'geojson';
      return 'ndjson';
    } catch {
      return /\.(geo)?json$/i.test(name) && head.includes('FeatureCollection') ? 'geojson' : 'ndjson';
    }
  }
  return 'acled';
}

/** Newlines in a file (non-empty last line counted), for the progress bar. */
async function countLines(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  if (bytes.length && bytes[bytes.length - 1] !== 10) n++;
  return n;
}

/** Splits a byte stream into lines; tick() runs at most every 250 ms while it streams. */
async function readLines(stream, signal, onLine, tick) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let bytes = 0;
  let last = performance.now();
  for (;;) {
    if (signal.aborted) {
      reader.cancel();
      throw new DOMException('aborted', 'AbortError');
    }
    const {value, done} = await reader.read();
    if (done) break;
    bytes += value.length;
    const parts = (rest + value).split('\n');
    rest = parts.pop();
    for (const line of parts) if (line.trim()) onLine(line, bytes);
    if (performance.now() - last > 250) {
      tick();
      last = performance.now();
    }
  }
  if (rest.trim()) onLine(rest, bytes);
}

function fillGrants() {
  const grants = [...new Set(ev.keyNames.map(k => k.split('@')[0]))].sort();
  const sel = byId('events-grant');
  clear(sel, el('option', {value: '', text: 'any grant'}), ...grants.map(g => el('option', {value: g, text: g})));
  fillVersions();
  const from = byId('events-from');
  const to = byId('events-to');
  // Lines of POST /v1/events/decide carry each event's time; a replay output file read here does not.
  from.disabled = to.disabled = !ev.hasTime;
  from.title = to.title = ev.hasTime ? '' : 'These results carry no event dates';
  let first = Infinity, last = -Infinity;
  for (let i = 0; i < ev.n; i++) {
    if (ev.day[i] < 0) continue;
    first = Math.min(first, ev.day[i]);
    last = Math.max(last, ev.day[i]);
  }
  const iso = d => new Date(d * 86400000).toISOString().slice(0, 10);
  from.min = to.min = first === Infinity ? '' : iso(first);
  from.max = to.max = last === -Infinity ? '' : iso(last);
}

function fillVersions() {
  const g = byId('events-grant').value;
  const keys = ev.keyNames.filter(k => !g || k.startsWith(`${g}@`)).sort();
  clear(byId('events-version'), el('option', {value: '', text: 'any version'}), ...keys.map(k => el('option', {value: k, text: k})));
}

/** The rows that pass the filters, and the totals per verdict among them. */
export function filtered() {
  const on = new Set([...document.querySelectorAll('.verdict-filter input:checked')].map(i => VERDICTS.indexOf(i.dataset.verdict)));
  const g = byId('events-grant') ? byId('events-grant').value : '';
  const v = byId('events-version') ? byId('events-version').value : '';
  const day = id => (byId(id) && byId(id).value ? Math.floor(Date.parse(byId(id).value) / 86400000) : null);
  const from = ev.hasTime ? day('events-from') : null;
  const to = ev.hasTime ? day('events-to') : null;
  const want = new Set(ev.keyNames.map((k, i) => [k, i]).filter(([k]) => (!g || k.startsWith(`${g}@`)) && (!v || k === v)).map(([, i]) => i));
  const totals = [0, 0, 0, 0];
  const rows = [];
  for (let i = 0; i < ev.n; i++) {
    if ((g || v) && !ev.keys[i].some(k => want.has(k))) continue;
    if (from !== null && (ev.day[i] < 0 || ev.day[i] < from)) continue;
    if (to !== null && (ev.day[i] < 0 || ev.day[i] > to)) continue;
    totals[ev.verdict[i]]++;
    if (on.has(ev.verdict[i])) rows.push(i);
  }
  return {rows: Int32Array.from(rows), totals};
}

function redraw() {
  const map = getMap();
  if (!map || !byId('events-totals')) return;
  if (layer) map.removeLayer(layer);
  layer = null;
  const {rows, totals} = filtered();
  if (rows.length) layer = markerLayer(map, ev, rows, pickRow, i => `${ev.ids[i]}: ${VERDICTS[ev.verdict[i]]}`).addTo(map);
  renderTotals(rows.length, totals);
  renderList(rows);
}

function renderTotals(shown, totals) {
  const extra = [];
  if (ev.unplaced) extra.push(`${ev.unplaced} answered without coordinates (not on the map)`);
  for (const [code, n] of ev.errors) extra.push(`${n} not decided: ${code}`);
  clear(byId('events-totals'),
    el('table', {class: 'totals'}, el('caption', {text: `${shown} markers shown of ${ev.n} decided events`}),
      el('tbody', {}, ...VERDICTS.map((v, i) => el('tr', {},
        el('th', {scope: 'row'}, legendMark(v), ` ${v} (${STYLE[v].label})`), el('td', {'data-verdict': v, text: String(totals[i])}))))),
    extra.length ? el('ul', {class: 'hint'}, ...extra.map(t => el('li', {text: t}))) : null);
}

/** The first 50 filtered events as buttons: the keyboard's way to explain a marker. */
function renderList(rows) {
  const shown = Math.min(rows.length, 50);
  const items = [];
  for (let k = 0; k < shown; k++) {
    const i = rows[k];
    items.push(el('li', {}, el('button', {type: 'button', class: 'linklike', on: {click: () => pickRow(i)}},
      legendMark(VERDICTS[ev.verdict[i]]), ` ${ev.ids[i]} — ${VERDICTS[ev.verdict[i]]}`)));
  }
  clear(byId('events-list'), rows.length ? el('h3', {text: `Events (first ${shown} of ${rows.length})`}) : null,
    el('ul', {class: 'event-list'}, ...items));
}

function pickRow(i) {
  showAnswer(JSON.parse(ev.lines[i]), `Event ${ev.ids[i]} (${ev.lat[i]}, ${ev.lon[i]})`);
}
