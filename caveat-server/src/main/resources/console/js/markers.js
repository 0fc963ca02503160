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
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(c, topLeft);
    c.width = size.x * dpr;
    c.height = size.y * dpr;
    c.style.width = `${size.x}px`;
    c.style.height = `${size.y}px`;
    const ctx = c.getContext('2d');
    ctx.scale(dpr, dpr);
    // Spherical Mercator by hand (Leaflet's CRS, without a LatLng object per point): world
    // coordinates in [0, 1) times the zoom's pixel scale, less the pixel origin and pane offset.
    const {mx, my} = this._mercator();
    const scale = 256 * Math.pow(2, map.getZoom());
    const origin = map.getPixelOrigin();
    const ox = origin.x + topLeft.x;
    const oy = origin.y + topLeft.y;
    const n = this._indexes.length;
    // Kept for hit-testing; off-screen points get NaN.
    this._xs = new Float32Array(n);
    this._ys = new Float32Array(n);
    const buckets = VERDICTS.map(() => []);
    for (let k = 0; k < n; k++) {
      const i = this._indexes[k];
      const x = mx[i] * scale - ox;
      const y = my[i] * scale - oy;
      if (x < -R || y < -R || x > size.x + R || y > size.y + R) {
        this._xs[k] = NaN;
        continue;
      }
      this._xs[k] = x;
      this._ys[k] = y;
      buckets[this._events.verdict[i]].push(k);
    }
    ctx.lineWidth = 1;
    // Drawn last, on top: DENY, then PERMIT, INDETERMINATE, NOT_APPLICABLE.
    [3, 2, 0, 1].forEach(b => {
      const st = STYLE[VERDICTS[b]];
      ctx.fillStyle = st.fill;
      ctx.strokeStyle = st.stroke;
      // Paths of at most 500 shapes: one huge path is far slower to fill than several small ones.
      const ks = buckets[b];
      for (let from = 0; from < ks.length; from += 500) {
        ctx.beginPath();
        for (let j = from; j < Math.min(ks.length, from + 500); j++) trace(ctx, st.shape, this._xs[ks[j]], this._ys[ks[j]], R);
        ctx.globalAlpha = 0.85;
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.stroke();
      }
    });
    performance.measure('caveat-markers-redraw', {start: started, end: performance.now()});
  },

  /** World coordinates in [0, 1) of every event, computed once per event set. */
  _mercator() {
    const ev = this._events;
    if (ev.mercator && ev.mercator.n === ev.n) return ev.mercator;
    const mx = new Float64Array(ev.n);
    const my = new Float64Array(ev.n);
    const max = 85.0511287798;
    for (let i = 0; i < ev.n; i++) {
      const lat = Math.max(-max, Math.min(max, ev.lat[i])) * Math.PI / 180;
      mx[i] = (ev.lon[i] + 180) / 360;
      my[i] = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2;
    }
    ev.mercator = {n: ev.n, mx, my};
    return ev.mercator;
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
