// Where Cedar's time goes per call: a V8 CPU profile (node:inspector) of statefulIsAuthorized
// over the generated requests, self time grouped into Cedar's own wasm code, the JS glue that
// wasm-bindgen generates (converting the JS request into Rust values and the answer back, one
// boundary crossing per field), and the rest. Usage: node profile-cedar.mjs WORK_DIR [SECONDS=5]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import * as cedar from './cedar.mjs';

const work = process.argv[2], seconds = Number(process.argv[3] || 5);
const policies = cedar.loadPolicies(new URL('./policy.cedar', import.meta.url).pathname,
  new URL('./policy.cedarschema', import.meta.url).pathname);
cedar.preparse('bench', policies);
const calls = cedar.calls(JSON.parse(readFileSync(join(work, 'requests.cedar.json'), 'utf8')), 'bench');
for (const c of calls) cedar.authorize(c);   // warm-up

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
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
console.log(`${n} calls in ${seconds} s: ${(total / n).toFixed(1)} µs sampled per call`);
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${(100 * t / total).toFixed(1).padStart(5)} %  ${g}`);
console.log('top self time:');
for (const [f, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(100 * t / total).toFixed(1).padStart(5)} %  ${f}`);
