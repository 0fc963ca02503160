// The comparison: agreement of Cedar and Caveat on the fixtures and on every generated request
// (verdict, basis and determining rules, 100 % or exit 1), then both engines measured interleaved
// in one run. Usage: node compare.mjs BENCH_JAR WORK_DIR ROUNDS SECONDS_PER_ROUND
// WORK_DIR holds requests.caveat.ndjson and requests.cedar.json (generate.mjs); results.md is
// written there.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as cedar from './cedar.mjs';
import { loadPoints, toCedar } from './requests.mjs';

const [jar, work, rounds, seconds] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const here = (name) => new URL(name, import.meta.url).pathname;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };

const policies = cedar.loadPolicies(here('policy.cedar'), here('policy.cedarschema'));
const order = Object.keys(policies);
cedar.preparse('bench', policies);
cedar.preparse('empty', {});

// 1. The agreement fixtures (CedarAgreementFixturesTest checks the same file against Caveat).
const points = loadPoints(here('points.json'));
for (const f of JSON.parse(readFileSync(here('fixtures.json'), 'utf8')).cases) {
  const expected = `${f.expect.decision}\t${f.expect.basis}\t${f.expect.determining.join(',')}`;
  const call = cedar.calls([toCedar(f.request, points)], 'bench')[0];
  const got = cedar.verdict(cedar.authorize(call), order);
  if (got !== expected) fail(`fixture "${f.name}": Cedar says ${got}, expected ${expected}`);
}

// 2. Every generated request, Caveat's verdicts from the Java side.
const cedarRequests = JSON.parse(readFileSync(join(work, 'requests.cedar.json'), 'utf8'));
const benchCalls = cedar.calls(cedarRequests, 'bench');
const emptyCalls = cedar.calls(cedarRequests, 'empty');
const java = spawn('java', [...(process.env.JAVA_OPTS || '').split(' ').filter(Boolean), '-cp', jar,
  'org.caveat.bench.CedarSideBySide', here('pack'), join(work, 'requests.caveat.ndjson'), join(work, 'verdicts.caveat.tsv')],
  { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: java.stdout })[Symbol.asyncIterator]();
const next = async () => { const l = await lines.next(); if (l.done) fail('the Java side ended early'); return l.value; };
const ready = await next();
const caveatVerdicts = readFileSync(join(work, 'verdicts.caveat.tsv'), 'utf8').trimEnd().split('\n');
if (caveatVerdicts.length !== benchCalls.length) fail(`Caveat decided ${caveatVerdicts.length} of ${benchCalls.length} requests`);
const tally = new Map();
let disagreements = 0;
benchCalls.forEach((call, i) => {
  const ours = cedar.verdict(cedar.authorize(call), order);
  const theirs = caveatVerdicts[i].slice(caveatVerdicts[i].indexOf('\t') + 1);
  if (ours !== theirs && disagreements++ < 5) console.error(`${cedarRequests[i].resource.id}: Cedar ${ours} | Caveat ${theirs}`);
  tally.set(ours, (tally.get(ours) || 0) + 1);
});
if (disagreements > 0) fail(`${disagreements} of ${benchCalls.length} verdicts differ`);
console.log(`agreement: ${benchCalls.length}/${benchCalls.length} (100 %) on verdict, basis and determining rules; fixtures agree`);
for (const [v, n] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${v.replace(/\t/g, ' ')}`);

// 3. Interleaved rounds: the engine not being measured is idle (Java waits on stdin).
function cedarRound(calls, budgetSeconds) {
  let ops = 0, sink = 0;
  const start = process.hrtime.bigint(), budget = BigInt(Math.round(budgetSeconds * 1e9));
  let elapsed;
  do {
    for (const c of calls) sink += cedar.authorize(c).type.length;
    ops += calls.length;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < budget);
  const each = calls.map((c) => {
    const t = process.hrtime.bigint();
    sink += cedar.authorize(c).type.length;
    return Number(process.hrtime.bigint() - t);
  }).sort((a, b) => a - b);
  return { ops, nanos: Number(elapsed), p50: each[each.length >> 1], sink };
}
async function caveatRound(mode, budgetSeconds) {
  java.stdin.write(`${mode} ${budgetSeconds}\n`);
  const fields = Object.fromEntries((await next()).split(' ').slice(1).map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
  return fields;
}
const engines = {
  'Caveat.decide': () => caveatRound('decide', seconds),
  'Caveat.answer': () => caveatRound('answer', seconds),
  'Cedar statefulIsAuthorized': () => cedarRound(benchCalls, seconds),
  'Cedar, empty policy set': () => cedarRound(emptyCalls, seconds),
};
const loadStart = loadavg();
console.log(`load average at start: ${loadStart}; Java side: ${ready}`);
for (let w = 0; w < 2; w++) { await engines['Caveat.decide'](); await engines['Caveat.answer'](); }
cedarRound(benchCalls, seconds); cedarRound(emptyCalls, seconds);   // warm-up, not reported
const results = Object.fromEntries(Object.keys(engines).map((k) => [k, []]));
for (let r = 1; r <= rounds; r++) {
  const names = r % 2 ? Object.keys(engines) : Object.keys(engines).reverse();
  for (const name of names) {
    const m = await engines[name]();
    const rate = m.ops / (m.nanos / 1e9);
    results[name].push({ rate, p50: m.p50 });
    console.log(`round ${r}  ${name.padEnd(28)} ${Math.round(rate).toLocaleString('en-US').padStart(11)} /s  p50 ${(m.p50 / 1000).toFixed(2)} µs  load ${loadavg().split(' ')[0]}`);
  }
}
java.stdin.write('quit\n');
const loadEnd = loadavg();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const fmt = (x) => x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e4 ? `${(x / 1e3).toFixed(1)} k` : Math.round(x).toLocaleString('en-US');
const cedarMedian = median(results['Cedar statefulIsAuthorized'].map((x) => x.rate));
const table = ['| engine | min /s | median /s | max /s | p50 latency (median of rounds) | median vs Cedar |', '| --- | --- | --- | --- | --- | --- |'];
for (const [name, rs] of Object.entries(results)) {
  const rates = rs.map((x) => x.rate);
  const p50 = median(rs.map((x) => x.p50)) / 1000;
  table.push(`| ${name} | ${fmt(Math.min(...rates))} | ${fmt(median(rates))} | ${fmt(Math.max(...rates))} | ${p50 < 10 ? p50.toFixed(2) : p50.toFixed(1)} µs | ${(median(rates) / cedarMedian).toFixed(median(rates) / cedarMedian < 10 ? 2 : 0)}× |`);
}
const summary = [`${benchCalls.length} requests, ${rounds} rounds of ${seconds} s per engine, interleaved; Cedar ${cedar.version}, Node ${process.version}; Java side ${ready}`,
  `load average at start ${loadStart}, at end ${loadEnd}`, '', ...table].join('\n');
writeFileSync(join(work, 'results.md'), summary + '\n');
console.log(`\n${summary}`);
