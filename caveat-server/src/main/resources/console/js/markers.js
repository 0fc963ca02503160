// Event markers on the map. Up to SVG_LIMIT markers are SVG paths (each an element with
// data-testid="event-marker", a tooltip and its own click); above that, one canvas redrawn on
// every move, with hit-testing on a click, so 100,000 markers stay interactive.

import {STYLE, VERDICTS, trace, svgPath} from './shapes.js';

const L = window.L;
export const SVG_LIMIT = 3000;
const R = 5;

/** An SVG marker whose path is a verdict shape instead of a circle. */
const ShapeMarker = L.CircleMarker.extend({
  _updatePath() {
    const p = this._point;
    this._renderer._setPath(this, svgPath(this.options.shape, p.x, p.y, this._radius));
  },
});

/**
 * events: {lat, lon, verdict (index into VERDICTS)}-like columns; indexes: the filtered rows;
 * onPick(row) is called when a marker is clicked.
 */
export function markerLayer(map, events, indexes, onPick, label) {
  return indexes.length <= SVG_LIMIT ? svgLayer(map, events, indexes, onPick, label) : new PointsLayer(events, indexes, onPick);
}

function svgLayer(map, events, indexes, onPick, label) {
  const renderer = L.svg({pane: 'events'});
  const group = L.featureGroup();
  for (const i of indexes) {
    const st = STYLE[VERDICTS[events.verdict[i]]];
    const m = new ShapeMarker([events.lat[i], events.lon[i]], {renderer, pane: 'events', radius: R, shape: st.shape,
      color: st.stroke, weight: 1, fillColor: st.fill, fillOpacity: 0.9, bubblingMouseEvents: false});
    m.on('click', () => onPick(i));
    m.bindTooltip(() => { // an element, not a string: Leaflet would read a string as HTML
      const span = document.createElement('span');
      span.textContent = label(i);
      return span;
    });
    m.on('add', () => {
      const el = m.getElement();
      el.setAttribute('data-testid', 'event-marker');
      el.setAttribute('data-verdict', VERDICTS[events.verdict[i]]);
    });
    group.addLayer(m);
  }
  group.pickAt = () => -1; // SVG markers take their own clicks
  return group;
}

const PointsLayer = L.Layer.extend({
  initialize(events, indexes, onPick) {
    this._events = events;
    this._indexes = indexes;
    this._onPick = onPick;
  },

  onAdd(map) {
    this._map = map;
    this._canvas = L.DomUtil.create('canvas', 'events-canvas leaflet-zoom-hide');
    this._canvas.setAttribute('aria-hidden', 'true');
    map.getPane('events').appendChild(this._canvas);
    map.on('moveend zoomend resize viewreset', this._redraw, this);
    this._redraw();
  },

  onRemove(map) {
    map.off('moveend zoomend resize viewreset', this._redraw, this);
    this._canvas.remove();
  },

  _redraw() {
    const started = performance.now();
    const map = this._map;
    const size = map.getSize();
    const dpr = window.devicePixelRatio || 1;
    const c = this._canvas;
    L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    c.width = size.x * dpr;
    c.height = size.y * dpr;
    c.style.width = `${size.x}px`;
    c.style.height = `${size.y}px`;
    const ctx = c.getContext('2d');
    ctx.scale(dpr, dpr);
    const ev = this._events;
    const n = this._indexes.length;
    // Projected once per redraw, kept for hit-testing; off-screen points get NaN.
    this._xs = new Float32Array(n);
    this._ys = new Float32Array(n);
    const buckets = VERDICTS.map(() => []);
    for (let k = 0; k < n; k++) {
      const i = this._indexes[k];
      const p = map.latLngToContainerPoint([ev.lat[i], ev.lon[i]]);
      if (p.x < -R || p.y < -R || p.x > size.x + R || p.y > size.y + R) {
        this._xs[k] = NaN;
        continue;
      }
      this._xs[k] = p.x;
      this._ys[k] = p.y;
      buckets[ev.verdict[i]].push(k);
    }
    ctx.lineWidth = 1;
    VERDICTS.forEach((v, b) => {
      const st = STYLE[v];
      ctx.beginPath();
      for (const k of buckets[b]) trace(ctx, st.shape, this._xs[k], this._ys[k], R);
      ctx.fillStyle = st.fill;
      ctx.globalAlpha = 0.85;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.strokeStyle = st.stroke;
      ctx.stroke();
    });
    performance.measure('caveat-markers-redraw', {start: started, end: performance.now()});
  },

  /** The row under a container point (nearest within 8 px), or -1. */
  pickAt(point) {
    const started = performance.now();
    let best = -1;
    let bestD = 64;
    for (let k = 0; k < this._indexes.length; k++) {
      const dx = this._xs[k] - point.x;
      if (!(Math.abs(dx) < 8)) continue;
      const dy = this._ys[k] - point.y;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = this._indexes[k];
      }
    }
    if (best >= 0) this._onPick(best);
    performance.measure('caveat-markers-pick', {start: started, end: performance.now()});
    return best;
  },
});
