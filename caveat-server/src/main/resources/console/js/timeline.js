// Time: the grant selector, the "as of" slider and date picker, the version label, and the
// timeline view (each version's date, title, reliability, changes and sources, or with "All
// grants" the overview of every grant, overview.js). Moving the slider emits 'version' with the
// version in force at that date.

import {describe, getJson, getJsonOnce} from './api.js';
import {byId, clear, el, link} from './dom.js';
import {overviewOf} from './overview.js';
import {state, emit} from './state.js';

const DAY = 86400000;
let timer = null;
let showAll = false; // the timeline view shows the overview of every grant rather than the selected one

/** 'YYYY-MM-DD' ↔ days since 1970-01-01 (UTC), the slider's unit. */
export function epochDay(date) {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

export function dateOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export async function initTimeline() {
  const grants = (await getJsonOnce('/v1/grants')).grants;
  state.grants = grants;
  const sel = byId('grant-select');
  clear(sel, ...grants.map(g => el('option', {value: g.grant, text: `${g.grant} (${g.grantor} → ${g.grantee})`})));
  sel.value = grants.some(g => g.grant === 'us-ua') ? 'us-ua' : grants[0].grant;
  sel.addEventListener('change', () => selectGrant(sel.value));
  const slider = byId('version-slider');
  const date = byId('asof-date');
  slider.addEventListener('input', () => setAsOf(dateOf(Number(slider.value)), false));
  slider.addEventListener('change', () => setAsOf(dateOf(Number(slider.value)), true));
  date.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date.value)) setAsOf(date.value, true);
  });
  await selectGrant(sel.value);
}

async function selectGrant(grant) {
  state.grant = grant;
  const t = await getJson(`/v1/grants/${encodeURIComponent(grant)}/timeline`);
  state.timeline = t.grants[0];
  const versions = state.timeline.versions;
  const slider = byId('version-slider');
  const today = new Date().toISOString().slice(0, 10);
  // From half a year before the first version (so "before any version" can be shown) to today.
  slider.min = String(epochDay(versions[0].in_force) - 183);
  slider.max = String(Math.max(epochDay(today), epochDay(versions[versions.length - 1].in_force)));
  byId('asof-date').min = dateOf(Number(slider.min));
  byId('asof-date').max = dateOf(Number(slider.max));
  emit('grant', grant);
  renderTimeline();
  setAsOf(state.asOf || dateOf(Number(slider.max)), true);
}

/** The version in force at a date: the last version whose in_force is on or before it. */
export function versionAt(date) {
  let found = null;
  for (const v of state.timeline.versions) if (v.in_force <= date) found = v;
  return found;
}

/**
 * Moves "as of" to a date. The label follows at once; the redraw (zones, area) waits until the
 * slider rests (change event), or 150 ms after the last input while it is dragged.
 */
export function setAsOf(date, settled) {
  const slider = byId('version-slider');
  state.asOf = date;
  slider.value = String(epochDay(date));
  slider.setAttribute('aria-valuetext', date);
  byId('asof-date').value = date;
  const v = versionAt(date);
  byId('version-label').textContent = v
    ? `${state.grant} ${v.version} — ${v.title} (${v.reliability})`
    : `${state.grant}: no version in force on ${date}`;
  byId('version-label').dataset.version = v ? v.version : '';
  for (const row of document.querySelectorAll('.tl-version')) {
    row.classList.toggle('current', Boolean(v) && row.dataset.version === v.version);
  }
  clearTimeout(timer);
  const fire = () => {
    const changed = state.version !== (v ? v.version : null);
    state.version = v ? v.version : null;
    emit('version', {grant: state.grant, version: state.version, asOf: date, changed});
  };
  if (settled) fire();
  else timer = setTimeout(fire, 150);
}

function scopeSwitch() {
  const button = (all, text, testid) => el('button', {type: 'button', testid, text, 'aria-pressed': String(showAll === all),
    on: {click: () => { showAll = all; renderTimeline(); }}});
  return el('div', {class: 'tl-scope', role: 'group', 'aria-label': 'Timeline of'},
    button(false, 'This grant', 'timeline-scope-grant'), button(true, 'All grants', 'timeline-scope-all'));
}

/** From the overview: select that grant and move "as of" to the version's date. */
async function pick(grant, inForce) {
  showAll = false;
  state.asOf = inForce;
  byId('grant-select').value = grant;
  await selectGrant(grant);
}

async function renderTimeline() {
  const view = byId('view-timeline');
  const t = state.timeline;
  if (showAll) {
    clear(view, scopeSwitch(), el('p', {class: 'hint', text: 'Loading the overview…'}));
    try {
      const overview = await overviewOf(pick, {grant: state.grant, version: state.version});
      if (showAll) clear(view, scopeSwitch(), overview);
    } catch (e) {
      clear(view, scopeSwitch(), el('p', {class: 'error', role: 'alert', text: `The overview could not be loaded: ${describe(e)}`}));
    }
    return;
  }
  clear(view, scopeSwitch(),
    el('h2', {text: `${t.grant}: ${t.grantor} → ${t.grantee}, ${t.versions.length} versions`}),
    el('p', {class: 'hint', text: 'Each version is in force from its date until the next. Choose one to move "as of" to it.'}),
    el('ol', {class: 'timeline'}, ...t.versions.map(versionItem)));
}

function versionItem(v) {
  return el('li', {class: 'tl-version', 'data-version': v.version},
    el('button', {type: 'button', class: 'linklike', text: `${v.in_force} — ${v.title}`,
      'aria-label': `Show as of ${v.in_force}: ${v.title}`, on: {click: () => setAsOf(v.in_force, true)}}),
    el('span', {class: `badge rel-${v.reliability}`, text: v.reliability}),
    el('p', {class: 'tl-summary', text: v.changes.summary}),
    el('ul', {class: 'sources'}, ...v.sources.map(s => el('li', {},
      `${s.outlet}, ${s.date}`, s.url ? ' — ' : null, s.url ? link(s.url, 'link') : null))));
}

/** For the explain form: the as-of date as a request time (noon UTC). */
export function asOfTime() {
  return `${state.asOf}T12:00:00Z`;
}
