// The map: Leaflet without tiles (nothing leaves the server's origin). Panes from bottom to top:
// base geography (canvas), permitted area and compare shading (canvas), zones (SVG, so each
// zone is an element with data-testid="zone"), events, labels.

import {getJsonOnce} from './api.js';
import {el} from './dom.js';
import {emit} from './state.js';

const L = window.L;
let map = null;
let zones = null;
let area = null;
let compare = null;
let marker = null;
let interceptor = () => false;

const PANES = {base: 200, area: 350, compare: 360, zones: 400, events: 450, pick: 460, labels: 500};

/** fn(containerPoint) → true when it took the click (a canvas event marker was hit). */
export function setClickInterceptor(fn) {
  interceptor = fn;
}

export function getMap() {
  return map;
}

export function createMap(container) {
  map = L.map(container, {center: [50.5, 36.5], zoom: 6, minZoom: 3, maxZoom: 12, zoomSnap: 0.5,
    keyboard: true, worldCopyJump: false, preferCanvas: false});
  for (const [name, z] of Object.entries(PANES)) {
    map.createPane(name).style.zIndex = String(z);
  }
  map.getPane('labels').style.pointerEvents = 'none';
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Borders: Natural Earth (public domain), de jure');
  L.control.scale({imperial: false, maxWidth: 160}).addTo(map);
  map.on('click', e => {
    if (!interceptor(e.containerPoint)) pick(e.latlng.lat, e.latlng.lng);
  });
  // Keyboard: with the map focused, Enter explains the point at the centre.
  map.on('keypress', e => {
    if (e.originalEvent.key === 'Enter') pick(map.getCenter().lat, map.getCenter().lng);
  });
  map.on('zoomend', zoomClasses);
  zoomClasses();
  window.caveat = Object.assign(window.caveat || {}, {map}); // for tests and the browser's devtools
  return map;
}

function zoomClasses() {
  map.getContainer().classList.toggle('labels-regions', map.getZoom() >= 6);
  map.getContainer().classList.toggle('labels-all', map.getZoom() >= 8);
}

function pick(lat, lon) {
  emit('map-click', {lat: round(lat), lon: round(lon)});
}

/** Coordinates to 4 decimals (11 m), as a person would type them. */
function round(x) {
  return Math.round(x * 1e4) / 1e4;
}

/** A cross-hair at the point being explained. */
export function showPick(lat, lon) {
  if (!map) return;
  if (marker) marker.remove();
  marker = L.circleMarker([lat, lon], {pane: 'pick', radius: 7, color: '#000', weight: 2, fill: false,
    interactive: false}).addTo(map);
}

/** Countries and admin-1 regions, and the place labels. */
export async function loadBase() {
  const [geo, places] = await Promise.all([getJsonOnce('/v1/geography'), getJsonOnce('/v1/geography/places')]);
  performance.mark('caveat-base-fetched');
  const renderer = L.canvas({pane: 'base'});
  L.geoJSON(geo, {
    renderer, interactive: false,
    style: f => f.properties.kind === 'country'
      ? {color: '#5b5b5b', weight: 1.4, fillColor: f.properties.country === 'UA' ? '#f3f1e6' : '#e9e9ee', fillOpacity: 1}
      : {color: '#9a9a9a', weight: 0.6, fill: false},
  }).addTo(map);
  // A region named like a city nearby (Kharkiv, Kursk…) is labelled only when zoomed in.
  const cities = new Set(places.filter(p => p.kind === 'city').map(p => p.name));
  for (const p of places) {
    const dup = p.kind !== 'city' && cities.has(p.name) ? ' place-dup' : '';
    const label = el('span', {class: `place place-${p.kind}${dup}`, text: p.name});
    L.marker([p.lat, p.lon], {pane: 'labels', interactive: false, keyboard: false,
      icon: L.divIcon({className: `place-icon place-icon-${p.kind}`, html: label, iconSize: null})}).addTo(map);
  }
  performance.mark('caveat-base-drawn');
}

/** The zones of a version: each an SVG path with data-testid="zone" and data-zone=name. */
export function setZones(fc) {
  if (zones) zones.remove();
  zones = L.geoJSON(fc, {
    pane: 'zones',
    renderer: L.svg({pane: 'zones'}),
    interactive: true,
    style: f => isLine(f)
      ? {color: '#0072B2', weight: 3, opacity: 0.9}
      : {color: '#0072B2', weight: 1.5, dashArray: '6 4', fillColor: '#56B4E9', fillOpacity: 0.12},
    onEachFeature: (f, layer) => {
      const about = f.properties.note || f.properties.description;
      // An element, not a string: Leaflet would read a string as HTML.
      layer.bindTooltip(el('span', {text: `${f.properties.zone}${about ? ` — ${about}` : ''}`}), {sticky: true, className: 'zone-tip'});
    },
  }).addTo(map);
  zones.eachLayer(layer => {
    const path = layer.getElement();
    if (path) {
      path.setAttribute('data-testid', 'zone');
      path.setAttribute('data-zone', layer.feature.properties.zone);
    }
  });
  return zones;
}

function isLine(f) {
  const t = f.geometry && f.geometry.type;
  return t === 'LineString' || t === 'MultiLineString';
}

export const AREA_STYLE = {
  permitted: {color: '#007a5a', weight: 0.5, fillColor: '#009E73', fillOpacity: 0.45},
  forbidden: {color: '#a34400', weight: 0.5, dashArray: '4 3', fillColor: '#D55E00', fillOpacity: 0.35},
  not_permitted: {color: '#777', weight: 0.3, fillColor: '#bbbbbb', fillOpacity: 0.1},
  indeterminate: {color: '#8a5a00', weight: 0.6, dashArray: '1 3', fillColor: '#E69F00', fillOpacity: 0.3},
  not_applicable: {color: '#777', weight: 0.3, fillColor: '#56B4E9', fillOpacity: 0.15},
  gained: {color: '#005a8c', weight: 0.6, fillColor: '#0072B2', fillOpacity: 0.45},
  lost: {color: '#8a5a00', weight: 0.6, dashArray: '4 3', fillColor: '#E69F00', fillOpacity: 0.5},
};

/** The permitted-area classes (property status), or null to clear. */
export function setArea(fc) {
  if (area) area.remove();
  area = fc ? L.geoJSON(fc, {pane: 'area', renderer: L.canvas({pane: 'area'}), interactive: false,
    style: f => AREA_STYLE[f.properties.status] || AREA_STYLE.not_permitted}).addTo(map) : null;
}

/** Gained and lost areas of a comparison (property change), or null to clear. */
export function setCompare(fc) {
  if (compare) compare.remove();
  compare = fc ? L.geoJSON(fc, {pane: 'compare', renderer: L.canvas({pane: 'compare'}), interactive: false,
    style: f => AREA_STYLE[f.properties.change] || AREA_STYLE.not_permitted}).addTo(map) : null;
}

/** Fits the map to a GeoJSON object's bounds, if it has any. */
export function fit(fc) {
  const b = L.geoJSON(fc).getBounds();
  if (b.isValid()) map.fitBounds(b, {padding: [20, 20], maxZoom: 8});
}
