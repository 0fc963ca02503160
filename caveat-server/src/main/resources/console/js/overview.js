// The timeline view's "All grants" overview: every grant's versions, one line each (in-force date,
// title, reliability), from GET /v1/timeline, the document `caveat timeline --format json` prints
// without a grant. Choosing a line hands its grant and date back to timeline.js.

import {getJson} from './api.js';
import {el} from './dom.js';

/**
 * The overview as an element. onPick(grant, inForce) is called when a version is chosen; current
 * ({grant, version}) marks the version shown on the map.
 */
export async function overviewOf(onPick, current) {
  const o = await getJson('/v1/timeline');
  return el('div', {testid: 'timeline-overview'},
    el('h2', {text: `All grants: ${o.grants.length} grants, ${o.versions} versions`}),
    el('p', {class: 'hint', text: 'One line per version, grouped by grant. Choose one to show that grant as of its date.'}),
    ...o.grants.map(g => grantBlock(g, onPick, current)));
}

function grantBlock(g, onPick, current) {
  return el('section', {class: 'tl-overview-grant', testid: 'timeline-overview-grant', 'data-grant': g.grant},
    el('h3', {text: `${g.grant} (${g.grantor} → ${g.grantee}), ${g.versions.length} versions`}),
    g.versions.length === 0 ? el('p', {class: 'hint', text: 'No version of an admitted reliability.'}) : null,
    el('ol', {class: 'timeline'}, ...g.versions.map(v => {
      const shown = current.grant === g.grant && current.version === v.version;
      return el('li', {class: `tl-line${shown ? ' current' : ''}`, testid: 'timeline-overview-version',
        'data-grant': g.grant, 'data-version': v.version},
        el('button', {type: 'button', class: 'linklike', text: `${v.in_force} — ${v.title}`,
          'aria-label': `Show ${g.grant} as of ${v.in_force}: ${v.title}`, on: {click: () => onPick(g.grant, v.in_force)}}),
        el('span', {class: `badge rel-${v.reliability}`, text: v.reliability}));
    })));
}
