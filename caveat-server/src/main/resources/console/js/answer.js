// Renders one decision answer (the engine's JSON) for people: the verdict in words and shape,
// each grant's version and basis, the determining rules with their text and the exact quotes
// of their sources, the closest failing permit, missing attributes, the facts.

import {el, link} from './dom.js';

export const VERDICT_MARK = {PERMIT: '●', DENY: '■', INDETERMINATE: '◆', NOT_APPLICABLE: '▲'};

/** "PERMIT", or "DENY (forbidden)" / "DENY (not permitted)" from the denying grants' bases. */
export function verdictText(answer) {
  if (answer.decision !== 'DENY') return answer.decision;
  const bases = [...new Set(answer.grants.filter(g => g.decision === 'DENY').map(g => g.basis.replace('_', ' ')))];
  return bases.length ? `DENY (${bases.join(', ')})` : 'DENY';
}

export function renderAnswer(answer, opts = {}) {
  const sources = answer.sources || {};
  return el('article', {class: 'answer', 'aria-label': `Decision ${answer.id || ''}`},
    el('p', {class: `verdict v-${answer.decision}`},
      el('span', {class: 'mark', 'aria-hidden': 'true', text: VERDICT_MARK[answer.decision] || '?'}),
      el('span', {testid: 'verdict', text: verdictText(answer)})),
    answer.explanation ? el('p', {class: 'explanation', text: answer.explanation}) : null,
    ...(answer.grants || []).map(g => grantBlock(g, sources, answer.facts)),
    facts(answer.facts),
    opts.footer || null);
}

function grantBlock(g, sources, facts) {
  return el('section', {class: 'grant'},
    el('h4', {}, `${g.grant} ${g.version || '(no version in force)'}`,
      g.reliability ? el('span', {class: `badge rel-${g.reliability}`, text: g.reliability}) : null,
      ` — ${g.decision}, ${g.basis.replaceAll('_', ' ')}`),
    g.hash ? el('p', {class: 'hash', text: g.hash}) : null,
    g.reasons.length ? el('ol', {class: 'rules'}, ...g.reasons.map(r => ruleItem(r, sources))) : null,
    closest(g, facts),
    g.missing.length ? el('p', {class: 'missing'}, 'Missing attributes (the verdict could change with them): ',
      ...g.missing.map((m, i) => [i ? ', ' : '', el('code', {text: m})])) : null,
    g.skipped && g.skipped.length ? el('p', {class: 'hint', text: `Skipped versions: ${g.skipped.map(s => `${s.version} (${s.reliability})`).join(', ')}`}) : null);
}

function ruleItem(r, sources) {
  return el('li', {testid: 'rule', 'data-rule': r.rule, class: `rule effect-${r.effect}`},
    el('p', {}, el('code', {text: r.rule}), ` (${r.effect}) ${r.text}`),
    ...r.sources.map(id => quote(id, sources[id])));
}

function quote(id, s) {
  if (!s) return el('p', {class: 'hint', text: `source ${id}`});
  return el('figure', {class: 'quote'},
    el('blockquote', {testid: 'source-quote', text: s.quote}),
    el('figcaption', {}, `— ${s.outlet}, ${s.date}`, s.attribution ? `; ${s.attribution}` : '',
      ` (${s.reliability})`, s.url ? ' ' : '', s.url ? link(s.url, 'source') : null));
}

/**
 * The closest failure: for "not permitted", the engine's closest permit rule and by how much it
 * fails; for "forbidden", the forbidding rules, since a matching forbid overrides every permit.
 */
function closest(g, facts) {
  if (g.closest) {
    const c = g.closest;
    return el('div', {class: 'closest', testid: 'closest-failure'},
      el('p', {}, 'Closest permit: ', el('code', {text: c.rule}), ` fails on ${c.text}`,
        c.margin !== undefined ? ` (by ${c.margin} km)` : ''),
      el('p', {class: 'hint'}, 'failed condition: ', el('code', {text: c.failed})));
  }
  if (g.basis === 'forbidden') {
    const ids = g.determining.join(', ');
    const dist = facts && facts.distance_to_border_km !== undefined ? ` The point is ${facts.distance_to_border_km} km from the border.` : '';
    return el('div', {class: 'closest', testid: 'closest-failure'},
      el('p', {text: `Forbidden by ${ids}: a matching forbid rule overrides every permit, so no permit can apply here.${dist}`}));
  }
  return null;
}

function facts(f) {
  if (!f) return null;
  const rows = Object.entries(f).map(([k, v]) => [el('dt', {text: k.replaceAll('_', ' ')}),
    el('dd', {text: typeof v === 'number' && k.endsWith('_km') ? `${v} km` : String(v)})]);
  return el('section', {class: 'facts'}, el('h4', {text: 'Facts'}), el('dl', {}, ...rows));
}
