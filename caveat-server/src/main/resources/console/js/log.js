// The decision log: the signed head, and "verify" for any decision: the browser fetches the
// entry and its inclusion proof, recomputes the leaf hash and the root with SubtleCrypto
// (merkle.js) and says whether they match the head.

import {getJson, request, describe} from './api.js';
import {byId, clear, el, field} from './dom.js';
import {on} from './state.js';
import {leafHash, compactLeafHash, rootFromPath, hex, unhex, rawMember} from './merkle.js';

const SCAN_LIMIT = 2000; // entries searched backwards for a decision id when its index is unknown
const session = [];      // decisions made in this tab, newest first

export function renderLog() {
  const idx = el('input', {id: 'log-index', type: 'number', min: 0, step: 1, required: true});
  const form = el('form', {class: 'inline'}, field('Entry index', idx), el('button', {type: 'submit', text: 'Verify entry'}));
  const result = el('p', {id: 'log-index-result', 'aria-live': 'polite'});
  form.addEventListener('submit', e => {
    e.preventDefault();
    verifyInto({index: Number(idx.value)}, result);
  });
  clear(byId('view-log'), el('h2', {text: 'Decision log'}),
    el('div', {id: 'log-head'}),
    el('button', {type: 'button', class: 'secondary', text: 'Refresh the head', on: {click: loadHead}}),
    el('p', {class: 'hint', text: 'Every decision is appended to a tamper-evident Merkle tree (RFC 6962) before it is '
      + 'answered. "Verify" recomputes, in this browser, the entry\'s leaf hash and the root from its inclusion proof.'}),
    form, result,
    el('h3', {text: 'Decisions made in this tab'}), el('ol', {id: 'log-session', class: 'log-session'}));
  loadHead();
  renderSession();
}

async function loadHead() {
  const box = byId('log-head');
  try {
    const h = await getJson('/v1/log/head');
    const extra = Object.entries(h).filter(([k]) => !['size', 'root', 'time'].includes(k));
    clear(box, el('dl', {class: 'head'},
      el('dt', {text: 'size'}), el('dd', {text: String(h.size)}),
      el('dt', {text: 'root'}), el('dd', {class: 'hash', text: h.root}),
      el('dt', {text: 'time'}), el('dd', {text: h.time || '–'}),
      ...extra.flatMap(([k, v]) => [el('dt', {text: k}), el('dd', {class: 'hash', text: typeof v === 'string' ? v : JSON.stringify(v)})])));
  } catch (e) {
    clear(box, el('p', {class: 'error', text: describe(e)}));
  }
}

function renderSession() {
  const list = byId('log-session');
  if (!list) return;
  clear(list, ...session.map(d => el('li', {}, el('code', {text: d.id}), ` ${d.answer.decision} `, verifyButton(d))));
}

/** A "Verify in the log" button with its result line (data-testid="log-verify-result"). */
export function verifyButton(decision) {
  const result = el('span', {testid: 'log-verify-result', class: 'verify-result', 'aria-live': 'polite'});
  const button = el('button', {type: 'button', class: 'secondary', text: 'Verify in the log',
    on: {click: () => verifyInto(decision, result)}});
  return el('div', {class: 'verify'}, button, ' ', result);
}

async function verifyInto(decision, out) {
  out.className = 'verify-result';
  out.textContent = 'Verifying…';
  try {
    const r = await verify(decision);
    out.classList.add(r.ok ? 'ok' : 'bad');
    out.textContent = r.text;
  } catch (e) {
    out.classList.add('bad');
    out.textContent = `Cannot verify: ${describe(e)}`;
  }
}

/**
 * decision: {index?, id?, answerText?}. Checks (1) the entry's leaf hash recomputed from its
 * texts, (2) the root from the audit path against the head, (3) the logged answer against the
 * one this tab received, when known.
 */
export async function verify(decision) {
  const head = await getJson('/v1/log/head');
  const index = decision.index ?? await findIndex(decision.id, head.size);
  const entryText = await (await request(`/v1/log/entries/${index}`)).text();
  const entry = JSON.parse(entryText);
  // A compact entry (format 3) stores no answer: the log rebuilds it by deciding again, and the
  // leaf covers the request with the logged verdict; a rebuild that disagrees is reported below.
  const leaf = entry.format === 3
    ? await compactLeafHash(index, entry, rawMember(entryText, 'request'))
    : await leafHash(index, entry.id, entry.time, rawMember(entryText, 'request'), rawMember(entryText, 'answer'),
      entry.version_hashes);
  const proof = await getJson(`/v1/log/proof/${index}?tree_size=${head.size}`);
  const root = hex(await rootFromPath(index, head.size, leaf, proof.path.map(unhex)));
  const problems = [];
  if (hex(leaf) !== entry.leaf_hash) problems.push(`the leaf hash recomputed here (${hex(leaf).slice(0, 12)}…) differs from the stored one (${entry.leaf_hash.slice(0, 12)}…)`);
  if (entry.rebuild_problem) problems.push(`deciding the logged request again does not give the logged decision (${entry.rebuild_problem})`);
  if (root !== head.root) problems.push(`the root from the audit path (${root.slice(0, 12)}…) differs from the head's (${head.root.slice(0, 12)}…)`);
  if (decision.answerText !== undefined && rawMember(entryText, 'answer') !== decision.answerText) {
    problems.push('the logged answer differs from the answer this page received');
  }
  if (problems.length) return {ok: false, text: `Does not match: ${problems.join('; ')}.`};
  return {ok: true, text: `✓ matches: entry ${index} (${entry.id}) hashes into the head's root ${head.root.slice(0, 16)}… `
    + `(tree of ${head.size}, audit path of ${proof.path.length} hashes), recomputed in this browser.`};
}

/** The log index of a decision id, searched backwards from the head (bounded). */
async function findIndex(id, size) {
  for (let i = size - 1; i >= Math.max(0, size - SCAN_LIMIT); i--) {
    const e = await getJson(`/v1/log/entries/${i}`);
    if (e.id === id) return i;
  }
  throw new Error(`decision ${id} is not among the last ${SCAN_LIMIT} log entries`);
}

on('decided', d => {
  session.unshift(d);
  renderSession();
});
