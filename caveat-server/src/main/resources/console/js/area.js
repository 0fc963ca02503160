// Permitted area: a target profile (weapon class, target category, activity, used in invasion)
// and, for the version in force at "as of", where that use is permitted, forbidden or not
// permitted, shaded on the map with the areas in km² (computed by the server).

import {getJson, query, describe} from './api.js';
import {byId, clear, el, field, km2, select} from './dom.js';
import {state, on, emit} from './state.js';
import {setArea} from './map.js';

let pending = null;

/** Area classes as the server names them, with the legend's words (the swatch adds a pattern). */
const STATUSES = [['permitted', 'Permitted'], ['forbidden', 'Forbidden (dashed)'],
  ['not_permitted', 'Not permitted (no permit matches)'], ['indeterminate', 'Indeterminate (dotted)'],
  ['not_applicable', 'Not applicable']];

/** The default profile is the CLI's default probe (diff --permitted-area): counter-fire against attacking artillery. */
export function defaultProfile() {
  return {weapon_class: 'rocket_artillery', target_category: 'artillery', target_activity: 'attacking',
    used_in_invasion: 'true'};
}

export function profileQuery() {
  const p = state.profile;
  return {weapon_class: p.weapon_class, target_category: p.target_category, target_activity: p.target_activity,
    used_in_invasion: p.used_in_invasion};
}

export function renderArea() {
  const v = state.vocab;
  state.profile = state.profile || defaultProfile();
  const p = state.profile;
  const cls = select('profile-class', v['weapon.class'], p.weapon_class);
  const cat = select('profile-category', v['target.category'], p.target_category, {'data-testid': 'profile-category'});
  const act = select('profile-activity', v['target.activity'], p.target_activity);
  const inv = select('profile-invasion', [['true', 'yes'], ['false', 'no'], ['unknown', 'unknown']], p.used_in_invasion);
  const show = el('input', {id: 'area-show', type: 'checkbox', checked: true});
  const form = el('form', {class: 'profile'},
    field('Weapon class', cls), field('Target category', cat), field('Target activity', act),
    field('Target used in the invasion', inv),
    el('div', {class: 'check'}, show, el('label', {for: 'area-show', text: 'Shade the permitted area on the map'})));
  form.addEventListener('change', () => {
    state.profile = {weapon_class: cls.value, target_category: cat.value, target_activity: act.value,
      used_in_invasion: inv.value};
    emit('profile', state.profile);
    refresh();
  });
  form.addEventListener('submit', e => e.preventDefault());
  clear(byId('view-area'),
    el('h2', {text: 'Permitted area'}),
    el('p', {class: 'hint', text: 'Where this kind of use is permitted, forbidden or not permitted (no permit rule matches) '
      + 'under the version in force at "as of"; a grid estimate over European Russia next to Ukraine, computed by the server.'}),
    form,
    el('div', {id: 'area-result', 'aria-live': 'polite'}));
  if (state.version !== null) refresh();
}

/** Turns the shading off (the comparison shades the map instead). */
export function hideArea() {
  const box = byId('area-show');
  if (box && box.checked) {
    box.checked = false;
    refresh();
  }
}

/** Recomputes the area for the current profile and version (the previous request is abandoned). */
export async function refresh() {
  const out = byId('area-result');
  if (!out) return;
  if (pending) pending.abort();
  if (!byId('area-show').checked) {
    setArea(null);
    clear(out);
    return;
  }
  if (!state.version) {
    setArea(null);
    clear(out, el('p', {text: `No version of ${state.grant} is in force on ${state.asOf}: nothing is permitted under it.`}));
    return;
  }
  pending = new AbortController();
  // By version (the probe time is its in-force date), so moving "as of" within a version reuses the server's grid.
  const q = query({version: state.version, ...profileQuery()});
  clear(out, el('p', {class: 'busy', text: 'Computing the permitted area…'}));
  try {
    const r = await getJson(`/v1/grants/${encodeURIComponent(state.grant)}/permitted-area${q}`, {signal: pending.signal});
    setArea(r.geojson);
    const a = r.area_km2;
    const rows = STATUSES.filter(([k]) => k === 'permitted' || a[k] > 0).flatMap(([k, label]) => [
      el('dt', {}, el('span', {class: `swatch sw-${k}`, 'aria-hidden': 'true'}), label),
      el('dd', {}, el('span', k === 'permitted' ? {testid: 'permitted-area-km2', text: km2(a[k])} : {text: km2(a[k])}), ' km²')]);
    clear(out,
      el('p', {}, `${r.grant} ${r.version} (in force ${r.in_force.slice(0, 10)}), probe time ${r.probe_time}, `
        + `${km2(a.country)} km² of ${r.country} in the grid window:`),
      el('dl', {class: 'areas'}, ...rows));
  } catch (e) {
    if (e.name === 'AbortError') return;
    setArea(null);
    clear(out, el('p', {class: 'error', role: 'alert', text: `Cannot compute the permitted area: ${describe(e)}`}));
  }
}

on('version', ({changed}) => {
  if (changed) refresh();
});
