// Requests of the Cedar comparison: generated deterministically (seed), written as Caveat request
// JSON (docs/SEMANTICS.md) and converted to Cedar authorization calls. Every attribute the policy
// reads is present, so Caveat never answers INDETERMINATE: both engines see the same facts.
import { readFileSync } from 'node:fs';

const MILITARY = ['artillery', 'rocket_launcher', 'missile_launcher', 'air_defense_system', 'troops',
  'armored_vehicles', 'command_post', 'ammunition_depot', 'fuel_depot', 'logistics', 'airfield',
  'aircraft', 'missile_in_flight', 'drone_in_flight', 'naval_vessel', 'radar', 'military_other'];
const PROTECTED = ['civilian_object', 'civilian_infrastructure', 'energy_infrastructure', 'dual_use',
  'dangerous_forces', 'cultural_property', 'indispensable_to_survival'];
const ACTIVITIES = ['attacking', 'preparing_attack', 'massing', 'idle'];
// Weighted so that every rule matches often: air defence and missiles more than their share.
const CLASSES = ['rocket_artillery', 'rocket_artillery', 'rocket_artillery', 'tube_artillery',
  'ballistic_missile', 'cruise_missile', 'air_defense', 'air_defense', 'aircraft_munition', 'drone',
  'armor', 'small_arms', 'other'];
const RANGES_KM = [15, 40, 84, 150, 300, 301, 500];

/** mulberry32: a small seeded generator, so the same seed gives the same file everywhere. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadPoints(file) {
  return JSON.parse(readFileSync(file, 'utf8')).points;
}

/** n Caveat requests (plain objects in the request format), the same for the same seed. */
export function generate(n, seed, points) {
  const rnd = generator(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const p = pick(points);
    const category = rnd() < 0.8 ? pick(MILITARY) : pick(PROTECTED);
    out.push({
      id: `cedar-bench-${i}`,
      time: '2024-06-01T12:00:00Z',
      user: 'UA',
      weapon: { origin: 'US', class: pick(CLASSES), range_km: pick(RANGES_KM) },
      target: {
        location: { lat: p.lat, lon: p.lon },
        category,
        activity: pick(ACTIVITIES),
        used_in_invasion: rnd() < 0.8,
      },
    });
  }
  return out;
}

/**
 * The Cedar call for a Caveat request: principal the user, resource the request, the attributes
 * in the context; the target's country is the one its fixed point lies in.
 */
export function toCedar(request, points) {
  const { lat, lon } = request.target.location;
  const point = points.find((p) => p.lat === lat && p.lon === lon);
  if (!point) throw new Error(`${request.id}: (${lat}, ${lon}) is not one of the fixed points`);
  return {
    principal: { type: 'User', id: request.user },
    action: { type: 'Action', id: 'use' },
    resource: { type: 'Target', id: request.id },
    context: {
      weapon: { origin: request.weapon.origin, class: request.weapon.class, range_km: request.weapon.range_km },
      target: {
        country: point.country,
        category: request.target.category,
        activity: request.target.activity,
        used_in_invasion: request.target.used_in_invasion,
      },
    },
    entities: [],
  };
}
