// The console's entry point: sign-in first; then the map, the vocabularies and the grants, and
// every view. Modules talk through state.js's events (see there).

import {initAuth} from './auth.js';
import {getJson, getJsonOnce, prefetch, describe} from './api.js';
import {byId} from './dom.js';
import {state, on} from './state.js';
import {createMap, loadBase, setZones} from './map.js';
import {initTabs} from './tabs.js';
import {initTimeline} from './timeline.js';
import {renderArea} from './area.js';
import {renderExplain} from './explain.js';
import {renderCompare} from './compare.js';
import {renderEvents} from './events.js';
import {renderChanges} from './changes.js';
import {renderLog} from './log.js';

function status(text) {
  byId('status').textContent = text;
}

on('signing-in', () => prefetch('/v1/geography', '/v1/geography/places', '/v1/vocabularies', '/v1/grants'));

on('signed-in', async () => {
  try {
    createMap(byId('map'));
    initTabs();
    const base = loadBase().catch(e => status(`The base map could not be loaded: ${describe(e)}`));
    const vocab = getJsonOnce('/v1/vocabularies');
    await initTimeline(); // emits 'grant' and 'version': the zones follow
    state.vocab = await vocab;
    renderArea();
    renderExplain();
    renderCompare();
    renderEvents();
    renderChanges();
    renderLog();
    await base;
    await zonesDrawn;
    document.body.dataset.ready = 'true'; // the first usable map: base, zones and views in place
    performance.mark('caveat-ready');
  } catch (e) {
    status(`The console could not start: ${describe(e)}`);
  }
});

let zonesFor = null;
let zonesDrawn = Promise.resolve();
on('version', ({grant, version}) => {
  zonesDrawn = drawZones(grant, version);
});

async function drawZones(grant, version) {
  const key = `${grant}@${version}`;
  if (key === zonesFor) return;
  zonesFor = key;
  try {
    const fc = version
      ? await getJson(`/v1/grants/${encodeURIComponent(grant)}/versions/${encodeURIComponent(version)}/zones`)
      : {type: 'FeatureCollection', features: []};
    if (zonesFor !== key) return; // a later version was chosen meanwhile
    setZones(fc);
    byId('map').dataset.zonesVersion = version || '';
  } catch (e) {
    status(`Zones of ${key} could not be loaded: ${describe(e)}`);
  }
}

on('grant', () => {
  if (byId('view-compare').childElementCount) renderCompare();
});

initAuth();
