// Where Cedar's time goes per call. First the median cost of calls that do less and less: a bare
// wasm call (getCedarVersion), statefulIsAuthorized with an empty policy set and an empty context
// (the request's entity ids in, the answer out), with the full context, and with the policies.
// Then a V8 CPU profile (node:inspector) of the real calls, self time grouped into Cedar's wasm
// code (names are stripped in the package, so not split further), the JS glue wasm-bindgen
// generates, and the rest. Usage: node profile-cedar.mjs WORK_DIR [SECONDS=5]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import * as cedar from './cedar.mjs';

const work = process.argv[2], seconds = Number(process.argv[3] || 5);
const policies = cedar.loadPolicies(new URL('./policy.cedar', import.meta.url).pathname,
  new URL('./policy.cedarschema', import.meta.url).pathname);
cedar.preparse('bench', policies);
cedar.preparse('empty', {});
const requests = JSON.parse(readFileSync(join(work, 'requests.cedar.json'), 'utf8'));
const calls = cedar.calls(requests, 'bench');
const steps = {
  'a bare wasm call (getCedarVersion)': requests.map(() => () => cedar.cedarVersion()),
  'empty policy set, empty context': cedar.calls(requests.map((r) => ({ ...r, context: {} })), 'empty').map((c) => () => cedar.authorize(c)),
  'empty policy set, full context': cedar.calls(requests, 'empty').map((c) => () => cedar.authorize(c)),
  'the policies, full context': calls.map((c) => () => cedar.authorize(c)),
};
for (const round of [1, 2]) {   // the first round warms up
  for (const [name, fns] of Object.entries(steps)) {
    const each = fns.map((f) => { const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t); });
    each.sort((a, b) => a - b);
    if (round === 2) console.log(`p50 ${(each[each.length >> 1] / 1000).toFixed(2).padStart(7)} µs  ${name}`);
  }
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const end = Date.now() + seconds * 1000;
let n = 0;
while (Date.now() < end) for (const c of calls) { cedar.authorize(c); n++; }
const { profile } = await session.post('Profiler.stop');

const self = new Map(), groups = new Map();
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i] || 0)));
let total = 0;
for (const node of profile.nodes) {
  const t = dt.get(node.id) || 0;
  if (!t) continue;
  const { functionName, url } = node.callFrame;
  const group = url.startsWith('wasm://') ? 'Cedar (wasm)'
    : url.includes('cedar_wasm') ? 'wasm-bindgen JS glue (request in, answer out)'
    : functionName === '(garbage collector)' ? 'garbage collector'
    : url.includes('profile-cedar') ? 'the loop' : `other (${functionName || '(anonymous)'})`;
  groups.set(group, (groups.get(group) || 0) + t);
  const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}`;
  self.set(key, (self.get(key) || 0) + t);
  total += t;
}
console.log(`CPU profile: ${n} calls in ${seconds} s under the profiler, ${profile.samples.length} samples; self time:`);
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${(100 * t / total).toFixed(1).padStart(5)} %  ${g}`);
console.log('top self time:');
for (const [f, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(100 * t / total).toFixed(1).padStart(5)} %  ${f}`);
