// Small DOM helpers. Everything the console shows from the server goes through textContent or
// attributes, never innerHTML, so no server text can become markup.

/**
 * el('p', {class: 'x', testid: 'verdict', text: 'PERMIT'}, child, …): an element with attributes
 * (class, text, testid → data-testid, on: {click: fn}, anything else → setAttribute) and children
 * (nodes or strings; null and false are skipped).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'testid') node.dataset.testid = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else if (k === 'hidden') node.hidden = Boolean(v);
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else node.append(c instanceof Node ? c : String(c));
  }
}

export function byId(id) {
  return document.getElementById(id);
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A labelled control: <div class=field><label for=id>text</label>control</div>. */
export function field(label, control, hint) {
  return el('div', {class: 'field'}, el('label', {for: control.id, text: label}), control,
    hint ? el('span', {class: 'hint', text: hint}) : null);
}

/** A <select> with the given options (strings or [value, label]). */
export function select(id, options, value, attrs = {}) {
  const s = el('select', {id, ...attrs});
  for (const o of options) {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    s.append(el('option', {value: v, text: label}));
  }
  if (value !== undefined && value !== null) s.value = value;
  return s;
}

/** 262946.4 → "262,946.4". */
export function km2(n) {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return Number(n).toLocaleString('en-GB', {maximumFractionDigits: 1});
}

export function link(url, text) {
  return el('a', {href: url, text: text || url, target: '_blank', rel: 'noopener noreferrer'});
}
