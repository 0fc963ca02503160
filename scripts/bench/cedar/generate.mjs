// Writes the comparison's requests once: N Caveat requests (NDJSON) and the same N as Cedar calls
// (one JSON array), into OUT_DIR. Usage: node generate.mjs OUT_DIR N SEED
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, loadPoints, toCedar } from './requests.mjs';

const [outDir, n, seed] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const points = loadPoints(new URL('./points.json', import.meta.url));
const requests = generate(n, seed, points);
writeFileSync(join(outDir, 'requests.caveat.ndjson'), requests.map((r) => JSON.stringify(r)).join('\n') + '\n');
writeFileSync(join(outDir, 'requests.cedar.json'), JSON.stringify(requests.map((r) => toCedar(r, points))) + '\n');
console.log(`${n} requests (seed ${seed}) written to ${outDir}`);
