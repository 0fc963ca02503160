// Sign-in with a bearer token. The token lives in sessionStorage only (never in the URL or
// localStorage), so it is gone when the tab closes. Controls marked data-role="ROLE" are hidden
// unless the token holds that role (see state.can).

import {getJson, setToken, whenUnauthorized, describe, dropPrefetched} from './api.js';
import {byId, clear, el} from './dom.js';
import {state, can, emit} from './state.js';

const KEY = 'caveat.token';

export function initAuth() {
  byId('signin-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    await signIn(byId('signin-token').value.trim());
  });
  byId('signout').addEventListener('click', () => signOut(''));
  whenUnauthorized(() => {
    if (state.user) signOut('The server no longer accepts this token; sign in again.');
  });
  const reason = signOutReason();
  if (reason) byId('signin-error').textContent = reason;
  const saved = sessionStorage.getItem(KEY);
  if (saved) signIn(saved);
  else byId('signin-token').focus();
}

async function signIn(token) {
  const error = byId('signin-error');
  error.textContent = '';
  if (!token) {
    error.textContent = 'Enter a token.';
    return;
  }
  setToken(token);
  byId('signin-submit').disabled = true;
  emit('signing-in'); // the map's data is fetched while the token is checked
  try {
    state.user = await getJson('/v1/whoami');
  } catch (e) {
    setToken(null);
    dropPrefetched();
    sessionStorage.removeItem(KEY);
    error.textContent = e.status === 401 ? 'This token is not known to the server.' : describe(e);
    return;
  } finally {
    byId('signin-submit').disabled = false;
  }
  sessionStorage.setItem(KEY, token);
  byId('signin-token').value = '';
  byId('signin').hidden = true;
  byId('app').hidden = false;
  byId('who-name').textContent = state.user.name;
  clear(byId('who-roles'), ...state.user.roles.map(r => el('span', {class: 'role', text: r})));
  applyRoles();
  emit('signed-in', state.user);
}

/** Hides every control the token may not use; called again when views render new controls. */
export function applyRoles(root = document) {
  for (const node of root.querySelectorAll('[data-role]')) {
    const role = node.dataset.role;
    node.hidden = !(role.startsWith('approver:') ? canApprove(role.slice(9)) : can(role));
  }
}

/** approver:<grantor> or admin. */
export function canApprove(grantor) {
  const roles = state.user ? state.user.roles : [];
  return roles.includes('admin') || roles.includes(`approver:${grantor}`);
}

function signOut(message) {
  sessionStorage.removeItem(KEY);
  setToken(null);
  state.user = null;
  // A full reload drops every view's state and layer; the sign-in form shows the reason.
  if (message) sessionStorage.setItem('caveat.signout-reason', message);
  location.reload();
}

function signOutReason() {
  const m = sessionStorage.getItem('caveat.signout-reason');
  sessionStorage.removeItem('caveat.signout-reason');
  return m;
}
