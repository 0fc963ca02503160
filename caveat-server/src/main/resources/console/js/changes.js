// Change requests: list, open one (its YAML against the published version, its impact on the
// logged decisions, its history with who did what and when), submit a new one, approve or
// reject it as a second person (four-eyes), publish it.

import {getJson, postJson, request, describe} from './api.js';
import {byId, clear, el, field, select} from './dom.js';
import {state} from './state.js';
import {applyRoles, canApprove} from './auth.js';
import {lineDiff} from './linediff.js';

export function renderChanges() {
  const grant = select('cr-grant', state.grants.map(g => g.grant), state.grant);
  const yaml = el('textarea', {id: 'cr-yaml', rows: 8, spellcheck: false, required: true,
    placeholder: 'grant: us-ua\nversion: "2026-01-01"\n…'});
  const form = el('form', {class: 'cr-form', 'data-role': 'analyst'}, el('h3', {text: 'Submit a change request'}),
    field('Grant', grant), field('Version YAML', yaml, 'Validated by the server against the published versions.'),
    el('button', {type: 'button', class: 'secondary', text: 'Start from the version in force', on: {click: () => prefill(grant.value, yaml)}}),
    el('button', {type: 'submit', id: 'cr-submit', text: 'Submit'}),
    el('div', {id: 'cr-submit-result', 'aria-live': 'polite'}));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const out = byId('cr-submit-result');
    try {
      const cr = await postJson('/v1/change-requests', {grant: grant.value, yaml: yaml.value});
      clear(out, el('p', {text: `Submitted ${cr.id} (${cr.grant} ${cr.version}).`}));
      await list();
      open(cr.id);
    } catch (err) {
      clear(out, el('div', {class: 'error', role: 'alert'}, el('p', {text: 'Not submitted:'}),
        el('ul', {}, ...describe(err).split('\n').map(t => el('li', {text: t})))));
    }
  });
  clear(byId('view-changes'), el('h2', {text: 'Change requests'}),
    el('button', {type: 'button', class: 'secondary', text: 'Refresh', on: {click: list}}),
    el('ul', {id: 'cr-list', class: 'cr-list'}), el('div', {id: 'cr-detail', 'aria-live': 'polite'}), form);
  applyRoles(byId('view-changes'));
  list();
}

async function prefill(grant, textarea) {
  const g = state.grants.find(x => x.grant === grant);
  const v = await getJson(`/v1/grants/${encodeURIComponent(grant)}/versions/${encodeURIComponent(grant === state.grant && state.version ? state.version : g.latest)}`);
  textarea.value = v.yaml;
}

async function list() {
  const ul = byId('cr-list');
  try {
    const all = (await getJson('/v1/change-requests')).change_requests;
    clear(ul, ...(all.length ? all.map(cr => el('li', {testid: 'change-request', 'data-id': cr.id},
      el('button', {type: 'button', class: 'linklike', text: `${cr.id}: ${cr.grant} ${cr.version}`, on: {click: () => open(cr.id)}}),
      el('span', {class: `badge state-${cr.state}`, text: cr.state}), ` by ${cr.author}`)) : [el('li', {text: 'None yet.'})]));
  } catch (e) {
    clear(ul, el('li', {class: 'error', text: describe(e)}));
  }
}

async function open(id) {
  const box = byId('cr-detail');
  try {
    const cr = await getJson(`/v1/change-requests/${encodeURIComponent(id)}`);
    const grant = state.grants.find(g => g.grant === cr.grant);
    const base = await published(cr);
    const who = state.user.name;
    const reviewable = cr.state === 'SUBMITTED';
    const actions = el('div', {class: 'actions'});
    if (reviewable && grant && canApprove(grant.grantor)) {
      if (cr.author === who) {
        actions.append(el('p', {class: 'hint', text: `You (${who}) submitted this request: another approver must review it (four-eyes).`}));
      } else {
        actions.append(
          el('button', {type: 'button', testid: 'approve', text: 'Approve', on: {click: () => act(cr.id, 'approve')}}),
          el('button', {type: 'button', testid: 'reject', class: 'danger', text: 'Reject', on: {click: () => act(cr.id, 'reject')}}));
      }
    }
    if (cr.state === 'APPROVED' && grant && canApprove(grant.grantor)) {
      actions.append(el('button', {type: 'button', text: 'Publish', on: {click: () => act(cr.id, 'publish')}}));
    }
    clear(box, el('h3', {text: `${cr.id}: ${cr.grant} ${cr.version} (in force ${cr.in_force.slice(0, 10)})`}),
      el('p', {}, el('span', {class: `badge state-${cr.state}`, text: cr.state}), ` content ${cr.content_hash}`),
      history(cr), impact(cr.impact),
      el('p', {class: 'hint', text: 'Validation: the server validated this version against the published ones when it was '
        + 'submitted (a request with problems is refused with every problem listed) and validates it again on publish.'}),
      diffBlock(base, cr.yaml), actions, el('div', {id: 'cr-action-result', 'aria-live': 'polite'}));
  } catch (e) {
    clear(box, el('p', {class: 'error', text: describe(e)}));
  }
}

/** The published text the request is compared with: the same version if it exists, else the latest before it. */
async function published(cr) {
  try {
    const versions = (await getJson(`/v1/grants/${encodeURIComponent(cr.grant)}/versions`)).versions;
    const same = versions.find(v => v.version === cr.version);
    const before = versions.filter(v => v.in_force <= cr.in_force && v.version !== cr.version);
    const pick = same || before[before.length - 1] || versions[versions.length - 1];
    if (!pick) return null;
    const v = await getJson(`/v1/grants/${encodeURIComponent(cr.grant)}/versions/${encodeURIComponent(pick.version)}`);
    return {version: v.version, yaml: v.yaml};
  } catch {
    return null; // a new grant: nothing published yet
  }
}

function history(cr) {
  return el('table', {class: 'history'}, el('caption', {text: 'Four-eyes: who did what, when'}),
    el('thead', {}, el('tr', {}, ...['action', 'who', 'when', 'comment'].map(h => el('th', {scope: 'col', text: h})))),
    el('tbody', {}, ...cr.history.map(s => el('tr', {}, el('td', {text: s.action}), el('td', {text: s.principal}),
      el('td', {text: s.at}), el('td', {text: s.comment || ''})))));
}

function impact(imp) {
  if (!imp) return el('p', {text: 'Impact: not computed.'});
  const transitions = (imp.transitions || []).map(t => `${t.from} → ${t.to}: ${t.count}`);
  return el('section', {}, el('h4', {text: `Impact on the ${imp.evaluated} logged decisions: ${imp.flipped} would change`}),
    transitions.length ? el('ul', {}, ...transitions.map(t => el('li', {text: t}))) : null,
    imp.flips && imp.flips.length ? el('ul', {class: 'flips'}, ...imp.flips.map(f => el('li', {},
      el('code', {text: f.id}), `: ${f.before} → ${f.after}`))) : null,
    imp.truncated ? el('p', {class: 'hint', text: 'Only the first flips are listed.'}) : null);
}

function diffBlock(base, yaml) {
  if (!base) return el('section', {}, el('h4', {text: 'YAML (no published version to compare with)'}), el('pre', {text: yaml}));
  const lines = lineDiff(base.yaml, yaml);
  const changed = lines.filter(l => l.op !== ' ').length;
  return el('section', {}, el('h4', {text: `YAML against published ${base.version}: ${changed} lines differ`}),
    el('pre', {class: 'diff'}, ...hunks(lines)));
}

/** Changed lines with 3 lines of context; longer unchanged runs collapse into one line. */
function hunks(lines) {
  const near = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.op === ' ') return;
    for (let k = Math.max(0, i - 3); k <= Math.min(lines.length - 1, i + 3); k++) near[k] = true;
  });
  const out = [];
  let skipped = 0;
  lines.forEach((l, i) => {
    if (!near[i]) {
      skipped++;
      return;
    }
    if (skipped) out.push(el('span', {class: 'dskip', text: `… ${skipped} unchanged lines\n`}));
    skipped = 0;
    out.push(el('span', {class: `d${l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'ctx'}`, text: `${l.op} ${l.text}\n`}));
  });
  if (skipped) out.push(el('span', {class: 'dskip', text: `… ${skipped} unchanged lines\n`}));
  return out;
}

async function act(id, action) {
  const out = byId('cr-action-result');
  try {
    await request(`/v1/change-requests/${encodeURIComponent(id)}/${action}`, {method: 'POST'});
    await list();
    await open(id);
    clear(byId('cr-action-result'), el('p', {text: `${action === 'approve' ? 'Approved' : action === 'reject' ? 'Rejected' : 'Published'} by ${state.user.name}.`}));
    byId('cr-detail').scrollIntoView({block: 'start'});
  } catch (e) {
    clear(out, el('p', {class: 'error', role: 'alert', text: describe(e)}));
  }
}

