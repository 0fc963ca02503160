// Compare two versions of the selected grant: area gained and lost for the target profile
// (shaded and measured), rules added / removed / changed side by side, assumptions changed.

import {getJson, query, describe} from './api.js';
import {byId, clear, el, field, km2, select} from './dom.js';
import {state, on} from './state.js';
import {setCompare} from './map.js';
import {profileQuery, hideArea} from './area.js';

export function renderCompare() {
  const versions = state.timeline.versions.map(v => [v.version, `${v.version} — ${v.title}`]);
  const cur = state.timeline.versions.findIndex(v => v.version === state.version);
  const to = cur > 0 ? cur : versions.length - 1;
  const from = select('compare-from', versions, versions[Math.max(0, to - 1)][0]);
  const toSel = select('compare-to', versions, versions[to][0]);
  const form = el('form', {class: 'compare-form'}, field('From version', from), field('To version', toSel),
    el('button', {type: 'submit', id: 'compare-submit', text: 'Compare'}),
    el('button', {type: 'button', class: 'secondary', text: 'Clear shading', on: {click: () => setCompare(null)}}));
  form.addEventListener('submit', e => {
    e.preventDefault();
    run(from.value, toSel.value);
  });
  clear(byId('view-compare'), el('h2', {text: `Compare two versions of ${state.grant}`}),
    el('p', {class: 'hint', text: 'Area gained and lost is for the target profile of the Area view.'}),
    form, el('div', {id: 'compare-result', 'aria-live': 'polite'}));
}

async function run(from, to) {
  const out = byId('compare-result');
  clear(out, el('p', {class: 'busy', text: 'Comparing…'}));
  try {
    const d = await getJson(`/v1/grants/${encodeURIComponent(state.grant)}/compare${query({from, to, ...profileQuery()})}`);
    setCompare(d.area.geojson);
    hideArea(); // one shading at a time: the comparison's gained and lost

    clear(out, areaBlock(d), rulesBlock(d.rules), assumptionsBlock(d.assumptions), zonesBlock(d.zones));
  } catch (e) {
    clear(out, el('p', {class: 'error', role: 'alert', text: `Cannot compare: ${describe(e)}`}));
  }
}

function areaBlock(d) {
  return el('section', {},
    el('h3', {text: `${d.from.version} → ${d.to.version}: permitted area`}),
    el('dl', {class: 'areas'},
      el('dt', {}, el('span', {class: 'swatch sw-gained', 'aria-hidden': 'true'}), 'Gained (permitted in the second only)'),
      el('dd', {}, '+', el('span', {testid: 'compare-gained-km2', text: km2(d.area.gained_km2)}), ' km²'),
      el('dt', {}, el('span', {class: 'swatch sw-lost', 'aria-hidden': 'true'}), 'Lost (dashed; permitted in the first only)'),
      el('dd', {}, '−', el('span', {testid: 'compare-lost-km2', text: km2(d.area.lost_km2)}), ' km²')));
}

/** Removed rules on the left, added on the right, changed across both columns. */
function rulesBlock(r) {
  const rows = [];
  for (const x of r.removed) rows.push(el('tr', {class: 'removed'}, el('td', {}, rule(x)), el('td', {text: '(removed)'})));
  for (const x of r.added) rows.push(el('tr', {class: 'added'}, el('td', {text: '(added)'}), el('td', {}, rule(x))));
  for (const x of r.changed) {
    rows.push(el('tr', {class: 'changed'},
      el('td', {}, el('code', {text: x.id}), ' ', x.text ? x.text.from : '', conds(x.condition, 'removed')),
      el('td', {}, el('code', {text: x.id}), ' ', x.text ? x.text.to : '(text unchanged)', conds(x.condition, 'added'))));
  }
  for (const x of r.renamed || []) {
    rows.push(el('tr', {class: 'changed'}, el('td', {}, el('code', {text: x.from || x.id || ''})),
      el('td', {}, el('code', {text: x.to || ''}), ' (renamed?)')));
  }
  return el('section', {},
    el('h3', {text: `Rules: ${r.added.length} added, ${r.removed.length} removed, ${r.changed.length} changed`}),
    el('table', {class: 'side-by-side'},
      el('thead', {}, el('tr', {}, el('th', {scope: 'col', text: 'From'}), el('th', {scope: 'col', text: 'To'}))),
      el('tbody', {}, ...rows)));
}

function rule(x) {
  return el('div', {}, el('code', {text: x.id}), ` ${x.effect}: ${x.text || ''}`,
    el('ul', {class: 'conds'}, ...(x.condition || []).map(c => el('li', {}, el('code', {text: c})))));
}

function conds(c, side) {
  if (!c || !c[side] || c[side].length === 0) return null;
  const sign = side === 'added' ? '+ ' : '− ';
  return el('ul', {class: `conds ${side}`}, ...c[side].map(x => el('li', {}, sign, el('code', {text: x}))));
}

function assumptionsBlock(a) {
  const items = [
    ...a.added.map(x => `+ ${x.name} = ${x.to} ${x.unit || ''}`),
    ...a.removed.map(x => `− ${x.name} = ${x.from} ${x.unit || ''}`),
    ...a.changed.map(x => `${x.name}: ${x.from} → ${x.to} ${x.unit || ''}`),
  ];
  return el('section', {}, el('h3', {text: 'Assumptions changed'}),
    items.length ? el('ul', {}, ...items.map(t => el('li', {text: t}))) : el('p', {text: 'None.'}));
}

function zonesBlock(zones) {
  if (!zones || zones.length === 0) return null;
  return el('section', {}, el('h3', {text: 'Zones'}), el('ul', {}, ...zones.map(z => el('li', {text: z.kind === 'line'
    ? `${z.zone} (line): ${z.from_km ?? 'absent'} → ${z.to_km ?? 'absent'} km`
    : `${z.zone} (area${z.approximate ? ', approximate' : ''}): +${km2(z.gained_km2)} km², −${km2(z.lost_km2)} km²`}))));
}

on('grant', () => setCompare(null));

/** Follows "as of": the version in force and the one before it, until the user compares. */
on('version', ({version}) => {
  const from = byId('compare-from');
  if (!from || !version || byId('compare-result').childElementCount) return;
  const ids = state.timeline.versions.map(v => v.version);
  const i = ids.indexOf(version);
  from.value = ids[Math.max(0, i - 1)];
  byId('compare-to').value = version;
});
