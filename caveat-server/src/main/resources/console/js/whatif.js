// What-ifs of the explain form: one labelled control per named assumption of the version in
// force at the form's time (from GET /v1/grants/{grant}/versions/{version}, field
// "assumptions"), prefilled with the pack's value: a number input with its unit, a checkbox for
// a boolean, a text input for a string. Only the controls changed from the pack's value become
// ?assume=NAME=VALUE, so an untouched form asks exactly what the API would decide.

import {getJson} from './api.js';
import {byId, clear, el} from './dom.js';
import {state} from './state.js';

const cache = new Map();   // "grant@version" → the version's assumptions
let seq = 0;
let pending = null;   // the latest fill of the fieldset

/** The empty fieldset; loadAssumptions() fills it. */
export function renderAssumptions() {
  return el('fieldset', {id: 'explain-whatif', class: 'whatif-fields'}, el('legend', {text: 'What if (assumptions)'}),
    el('p', {class: 'hint wide', text: 'Loading the assumptions…'}));
}

/** The version of the selected grant in force at the form's time (the last in_force ≤ it). */
function versionInForce() {
  const t = byId('explain-time');
  if (!state.timeline || !t) return null;
  let time = t.value.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(time)) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(time)) time += 'T00:00:00Z';
  let found = null;
  for (const v of state.timeline.versions) if (v.in_force <= time) found = v.version;
  return found;
}

/**
 * Fills the fieldset for the version in force at the form's time; does nothing when it already
 * shows that version (so values typed into it stay), and waits for a load under way.
 */
export function loadAssumptions() {
  const fs = byId('explain-whatif');
  if (!fs) return Promise.resolve();
  const version = versionInForce();
  const key = version ? `${state.grant}@${version}` : '';
  if (fs.dataset.version === key && pending) return pending;
  fs.dataset.version = key;
  fs.dataset.loaded = 'false';
  const mine = ++seq;
  pending = fill(fs, version, key, mine);
  return pending;
}

async function fill(fs, version, key, mine) {
  let list = [];
  let failure = null;
  if (version) {
    try {
      if (!cache.has(key)) {
        const v = await getJson(`/v1/grants/${encodeURIComponent(state.grant)}/versions/${encodeURIComponent(version)}`);
        cache.set(key, Array.isArray(v.assumptions) ? v.assumptions : []);
      }
      list = cache.get(key);
    } catch (e) {
      failure = e;
    }
  }
  if (mine !== seq || !fs.isConnected) return; // a later load (another time or grant) owns the fieldset
  const legend = el('legend', {text: version ? `What if (assumptions of ${state.grant} ${version})` : 'What if (assumptions)'});
  let hint = null;
  if (failure) hint = `The assumptions of ${key} could not be read; the pack's values apply.`;
  else if (!version) hint = `No ${state.grant || ''} version is in force at this time, so there is nothing to vary.`;
  else if (!list.length) hint = `${key} names no assumptions.`;
  clear(fs, legend, hint ? el('p', {class: 'hint wide', text: hint}) : null, ...list.map(control));
  fs.dataset.loaded = 'true';
}

function control(a) {
  const id = `assume-${a.name}`;
  const noteId = `${id}-note`;
  const common = {id, testid: 'assumption-input', 'data-name': a.name, 'data-type': a.type,
    'data-default': String(a.value), 'aria-describedby': noteId, class: 'assume'};
  let input;
  if (a.type === 'boolean') input = el('input', {...common, type: 'checkbox', checked: a.value === true});
  else if (a.type === 'number') input = el('input', {...common, type: 'number', step: 'any', value: String(a.value)});
  else input = el('input', {...common, type: 'text', value: String(a.value), spellcheck: false});
  const unit = a.unit ? ` (${a.unit})` : '';
  const label = el('label', {for: id, text: `${a.name}${unit}, pack value ${a.value}${a.unit ? ` ${a.unit}` : ''}`
    + (a.confidence ? `, ${a.confidence} confidence` : '')});
  const note = el('span', {id: noteId, class: 'hint', text: a.note || ''});
  return el('div', {class: `field wide${a.type === 'boolean' ? ' check' : ''}`}, label, input, note);
}

/** NAME=VALUE for every control whose value differs from the pack's. */
export function overrides() {
  const out = [];
  for (const input of document.querySelectorAll('#explain-whatif input.assume')) {
    const name = input.dataset.name;
    const before = input.dataset.default;
    if (input.dataset.type === 'boolean') {
      if (String(input.checked) !== before) out.push(`${name}=${input.checked}`);
    } else if (input.dataset.type === 'number') {
      if (input.value.trim() !== '' && Number(input.value) !== Number(before)) out.push(`${name}=${input.value.trim()}`);
    } else if (input.value !== before) {
      out.push(`${name}=${input.value}`);
    }
  }
  return out;
}
