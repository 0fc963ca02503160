// Click to explain: a request form (filled from a map click or typed), decided by
// POST /v1/decisions?quotes=true, shown with the rules, quotes, closest failure and facts.
// The named assumptions of the version in force at the form's time are one control each,
// prefilled with the pack's value; the changed ones go to the same engine as ?assume=NAME=VALUE
// and such what-ifs are logged like any decision.

import {request, query, describe} from './api.js';
import {byId, clear, el, field, select} from './dom.js';
import {state, on, emit, currentGrant, can} from './state.js';
import {showPick} from './map.js';
import {asOfTime} from './timeline.js';
import {renderAssumptions, loadAssumptions, overrides} from './whatif.js';
import {renderAnswer} from './answer.js';
import {verifyButton} from './log.js';
import {showTab} from './tabs.js';

let seq = 0;

export function renderExplain() {
  const v = state.vocab;
  const g = currentGrant();
  const p = state.profile;
  const num = (id, testid, label, attrs = {}) => field(label, el('input', {id, testid, type: 'number', step: 'any', required: true, ...attrs}));
  const form = el('form', {id: 'explain-form', class: 'explain-form', 'aria-describedby': 'explain-note'},
    el('fieldset', {}, el('legend', {text: 'Where and when'}),
      num('explain-lat', 'explain-lat', 'Latitude (°N)', {min: -90, max: 90}),
      num('explain-lon', 'explain-lon', 'Longitude (°E)', {min: -180, max: 180}),
      wide(field('Time (ISO 8601, UTC)', el('input', {id: 'explain-time', type: 'text', value: asOfTime(), required: true,
        pattern: '\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z)?', spellcheck: false,
        on: {change: loadAssumptions}})))),
    el('fieldset', {}, el('legend', {text: 'Weapon'}),
      field('Origin (supplier state)', el('input', {id: 'explain-origin', type: 'text', value: g ? g.grantor : 'US',
        list: 'explain-origins', required: true, spellcheck: false})),
      el('datalist', {id: 'explain-origins'}, ...state.grants.map(x => el('option', {value: x.grantor}))),
      field('Class', select('explain-class', v['weapon.class'], p.weapon_class)),
      field('System (optional)', el('input', {id: 'explain-system', type: 'text'})),
      field('Range km (optional)', el('input', {id: 'explain-range', type: 'number', step: 'any', min: 0}))),
    el('fieldset', {}, el('legend', {text: 'Target and use'}),
      field('Category', select('explain-category', v['target.category'], p.target_category)),
      field('Activity', select('explain-activity', v['target.activity'], p.target_activity)),
      field('Used in the invasion', select('explain-invasion', [['true', 'yes'], ['false', 'no'], ['', 'not said (omitted)']],
        p.used_in_invasion === 'unknown' ? '' : p.used_in_invasion)),
      field('Purpose', select('explain-purpose', [['', 'not said (omitted)'], ...v.purpose], 'counter_fire')),
      field('User (state using it)', el('input', {id: 'explain-user', type: 'text', value: 'UA', required: true}))),
    renderAssumptions(),
    el('p', {id: 'explain-note', class: 'hint', text: 'Every decision asked here, what-ifs included, is decided by the '
      + 'same engine as the API and written to the decision log.'}),
    el('button', {type: 'submit', testid: 'explain-submit', id: 'explain-submit', text: 'Explain', 'data-role': 'analyst'}),
    can('analyst') ? null : el('p', {class: 'hint', text: 'Deciding needs the analyst role; this token can only read.'}));
  form.addEventListener('submit', e => {
    e.preventDefault();
    decide();
  });
  clear(byId('view-explain'), el('h2', {text: 'Explain a use'}),
    el('p', {class: 'hint', text: 'Click the map (or focus it and press Enter for its centre), or type coordinates.'}),
    form, el('div', {id: 'explain-result', 'aria-live': 'polite'}));
  loadAssumptions();
}

function wide(node) {
  node.classList.add('wide');
  return node;
}

/** The request the form describes (the same JSON a client would POST). */
export function formRequest() {
  const val = id => byId(id).value.trim();
  const r = {id: `console-${Date.now().toString(36)}-${++seq}`, time: val('explain-time'), user: val('explain-user'),
    weapon: {origin: val('explain-origin'), class: val('explain-class')},
    target: {location: {lat: Number(val('explain-lat')), lon: Number(val('explain-lon'))},
      category: val('explain-category'), activity: val('explain-activity')}};
  if (/^\d{4}-\d{2}-\d{2}$/.test(r.time)) r.time += 'T00:00:00Z';
  if (val('explain-system')) r.weapon.system = val('explain-system');
  if (val('explain-range')) r.weapon.range_km = Number(val('explain-range'));
  if (val('explain-invasion')) r.target.used_in_invasion = val('explain-invasion') === 'true';
  if (val('explain-purpose')) r.purpose = val('explain-purpose');
  return r;
}

async function decide() {
  const out = byId('explain-result');
  const req = formRequest();
  await loadAssumptions(); // the controls are those of the version in force at the form's time
  const assume = overrides();
  const body = JSON.stringify(req);
  showPick(req.target.location.lat, req.target.location.lon);
  clear(out, el('p', {class: 'busy', text: 'Deciding…'}));
  const started = performance.now();
  try {
    const res = await request(`/v1/decisions${query({quotes: 'true', assume})}`, {method: 'POST', body, type: 'application/json'});
    const raw = await res.text();
    const ms = performance.now() - started;
    const answer = JSON.parse(raw);
    const index = res.headers.get('Caveat-Log-Index');
    const decision = {id: answer.id, index: index === null ? null : Number(index), answerText: raw.replace(/\n$/, ''), answer};
    show(answer, raw, body, assume, decision, ms);
    // Submit to answer on screen, for the benchmark (ConsoleBenchmark reads these measures).
    performance.measure('caveat-explain', {start: started, end: performance.now()});
    emit('decided', decision);
  } catch (e) {
    clear(out, el('p', {class: 'error', role: 'alert', text: `Not decided: ${describe(e)}`}));
  }
}

function show(answer, raw, body, assume, decision, ms) {
  const footer = el('div', {class: 'answer-footer'},
    assume.length ? el('p', {class: 'whatif', text: `What-if: decided with ${assume.join(', ')} instead of the pack's values, `
      + 'by the same engine, and logged like any decision.'}) : el('p', {class: 'hint', text: 'Logged in the decision log.'}),
    verifyButton(decision),
    el('details', {}, el('summary', {text: 'Request sent'}), el('pre', {id: 'explain-request', text: body})),
    el('details', {}, el('summary', {text: `Answer as received (${Math.round(ms)} ms)`}), el('pre', {id: 'explain-answer', text: raw})));
  clear(byId('explain-result'), renderAnswer(answer, {footer}));
  byId('explain-result').scrollIntoView({block: 'start'});
}

/** Shows an answer that was decided elsewhere (an event marker), with its log verification. */
export function showAnswer(answer, title) {
  showTab('explain');
  clear(byId('explain-result'), el('p', {class: 'hint', text: title}),
    renderAnswer(answer, {footer: el('details', {}, el('summary', {text: 'Answer'}), el('pre', {text: JSON.stringify(answer)}))}));
  byId('explain-result').scrollIntoView({block: 'start'});
}

on('map-click', ({lat, lon}) => {
  if (!byId('explain-lat')) return;
  byId('explain-lat').value = lat;
  byId('explain-lon').value = lon;
  showPick(lat, lon);
  showTab('explain');
  byId('explain-submit').focus({preventScroll: true});
});

on('version', ({asOf}) => {
  const t = byId('explain-time');
  if (t) t.value = `${asOf}T12:00:00Z`;
  loadAssumptions();
});

on('profile', p => {
  if (!byId('explain-class')) return;
  byId('explain-class').value = p.weapon_class;
  byId('explain-category').value = p.target_category;
  byId('explain-activity').value = p.target_activity;
  byId('explain-invasion').value = p.used_in_invasion === 'unknown' ? '' : p.used_in_invasion;
});

on('grant', () => {
  const g = currentGrant();
  if (g && byId('explain-origin')) byId('explain-origin').value = g.grantor;
  loadAssumptions();
});
