// The API client: same-origin fetch with the bearer token, problem+json errors turned into
// ApiError values that say what and where (status, title, detail, each error's field and hint).

let token = null;
let onUnauthorized = () => {};

export function setToken(t) {
  token = t;
}

/** Called once when the server answers 401 (the token was revoked or is unknown). */
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** One line per problem error: "field: message (hint)". */
  lines() {
    const out = [];
    for (const e of this.problem.errors || []) {
      const at = e.field ? `${e.field}${e.line ? ` (line ${e.line}${e.column ? `, column ${e.column}` : ''})` : ''}: ` : '';
      out.push(`${at}${e.message || e.code}${e.hint ? ` — ${e.hint}` : ''}`);
    }
    return out;
  }
}

function headers(extra, type) {
  const h = {...extra};
  if (token) h.Authorization = `Bearer ${token}`;
  if (type) h['Content-Type'] = type;
  return h;
}

/**
 * fetch(path) on this origin. Returns the Response when ok; throws ApiError otherwise.
 * opts: method, body, type (Content-Type), signal, headers.
 */
export async function request(path, opts = {}) {
  let res;
  try {
    res = await fetch(path, {
      method: opts.method || 'GET',
      headers: headers(opts.headers, opts.type),
      body: opts.body,
      signal: opts.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, {title: 'The server cannot be reached', detail: `${path}: ${e.message}`});
  }
  if (res.ok) return res;
  let problem;
  const text = await res.text();
  try {
    problem = JSON.parse(text);
  } catch {
    problem = {title: `HTTP ${res.status}`, detail: text.slice(0, 300)};
  }
  if (res.status === 401) onUnauthorized(problem);
  throw new ApiError(res.status, problem);
}

export async function getJson(path, opts) {
  return (await request(path, opts)).json();
}

export async function postJson(path, value, opts = {}) {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  return (await request(path, {...opts, method: 'POST', body, type: 'application/json'})).json();
}

/** Encodes query parameters, leaving out null/undefined/'' values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach(x => q.append(k, x));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A readable text for any error: the problem's detail and its errors, or the exception. */
export function describe(err) {
  if (err instanceof ApiError) {
    const lines = err.lines();
    return [err.message, ...lines].join('\n');
  }
  return String(err && err.message ? err.message : err);
}

const early = new Map();

/** Starts GET requests now (while the token is being checked) for getJsonOnce to pick up. */
export function prefetch(...paths) {
  for (const path of paths) {
    const p = getJson(path);
    p.catch(() => {}); // a refused prefetch is asked again, and reported, by getJsonOnce
    early.set(path, p);
  }
}

/** A prefetched answer if there is one (used once), else a new GET. */
export function getJsonOnce(path) {
  const p = early.get(path);
  early.delete(path);
  return p ? p.catch(() => getJson(path)) : getJson(path);
}

export function dropPrefetched() {
  early.clear();
}
