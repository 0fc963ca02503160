// Shared state of the console and a tiny publish/subscribe bus between the modules.
// Events: 'signed-in' (user), 'grant' (grant id), 'version' ({grant, version, asOf}),
// 'profile' (profile), 'map-click' ({lat, lon}), 'explain' (request), 'decided' (decision).

export const state = {
  user: null,          // {name, roles}
  vocab: null,         // /v1/vocabularies
  grants: [],          // /v1/grants .grants
  grant: null,         // selected grant id
  timeline: null,      // the grant's timeline entry (versions…)
  asOf: null,          // 'YYYY-MM-DD'
  version: null,       // version id in force at asOf, or null
  profile: null,       // {weapon_class, target_category, target_activity, used_in_invasion}
};

const listeners = new Map();

export function on(event, fn) {
  if (!listeners.has(event)) listeners.set(event, []);
  listeners.get(event).push(fn);
}

export function emit(event, data) {
  for (const fn of listeners.get(event) || []) {
    try {
      fn(data);
    } catch (e) {
      console.error(e); // one failing view must not stop the others
    }
  }
}

/** The selected grant's record from /v1/grants. */
export function currentGrant() {
  return state.grants.find(g => g.grant === state.grant) || null;
}

/** Whether the signed-in token holds a role (admin holds every role; every role can read). */
export function can(role) {
  const roles = state.user ? state.user.roles : [];
  if (roles.includes('admin') || roles.includes(role)) return true;
  return role === 'reader' && roles.length > 0;
}
