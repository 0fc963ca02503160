// Verdict marks: a colour (Okabe–Ito, colour-blind safe) AND a shape for each verdict, drawn the
// same way as SVG path data and on a canvas.

export const VERDICTS = ['PERMIT', 'DENY', 'INDETERMINATE', 'NOT_APPLICABLE'];

export const STYLE = {
  PERMIT: {shape: 'circle', fill: '#009E73', stroke: '#004d38', label: 'circle'},
  DENY: {shape: 'square', fill: '#D55E00', stroke: '#6b2f00', label: 'square'},
  INDETERMINATE: {shape: 'diamond', fill: '#E69F00', stroke: '#6b4a00', label: 'diamond'},
  NOT_APPLICABLE: {shape: 'triangle', fill: '#56B4E9', stroke: '#1f4f6b', label: 'triangle'},
};

/** Traces a shape of radius r at (x, y) with a pen that has moveTo, lineTo, arc and closePath. */
export function trace(pen, shape, x, y, r) {
  if (shape === 'circle') {
    pen.moveTo(x + r, y);
    pen.arc(x, y, r, 0, 2 * Math.PI);
  } else if (shape === 'square') {
    const s = r * 0.85;
    pen.moveTo(x - s, y - s);
    pen.lineTo(x + s, y - s);
    pen.lineTo(x + s, y + s);
    pen.lineTo(x - s, y + s);
  } else if (shape === 'diamond') {
    const s = r * 1.2;
    pen.moveTo(x, y - s);
    pen.lineTo(x + s, y);
    pen.lineTo(x, y + s);
    pen.lineTo(x - s, y);
  } else {
    const s = r * 1.25;
    pen.moveTo(x, y - s);
    pen.lineTo(x + s, y + s * 0.8);
    pen.lineTo(x - s, y + s * 0.8);
  }
  pen.closePath();
}

/** The SVG path data of a shape. */
export function svgPath(shape, x, y, r) {
  const parts = [];
  const f = n => Math.round(n * 10) / 10;
  trace({
    moveTo: (a, b) => parts.push(`M${f(a)},${f(b)}`),
    lineTo: (a, b) => parts.push(`L${f(a)},${f(b)}`),
    // A full circle as two half arcs (one SVG arc cannot end where it starts).
    arc: (cx, cy, rr) => parts.push(`M${f(cx - rr)},${f(cy)}a${f(rr)},${f(rr)} 0 1,0 ${f(2 * rr)},0a${f(rr)},${f(rr)} 0 1,0 ${f(-2 * rr)},0`),
    closePath: () => parts.push('Z'),
  }, shape, x, y, r);
  return parts.join('');
}

/** A small standalone SVG of a verdict's mark, for legends and totals. */
export function legendMark(verdict) {
  const st = STYLE[verdict];
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('viewBox', '0 0 14 14');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('mark-svg');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', svgPath(st.shape, 7, 7, 5));
  p.setAttribute('fill', st.fill);
  p.setAttribute('stroke', st.stroke);
  svg.append(p);
  return svg;
}
