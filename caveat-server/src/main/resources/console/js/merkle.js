// RFC 6962 hashing of the decision log with SubtleCrypto, as documented in caveat-store/README.md:
// leaf hash = SHA-256(0x00 ‖ leaf), node = SHA-256(0x01 ‖ left ‖ right), where a decision's leaf is
// format 1: "caveat-log-leaf/1" str(id) str(time) str(request) str(answer) u32(n) str(hash)×n u64(index)
// format 3: "caveat-log-leaf/3" str(id) u64(epoch second) u32(nanosecond) str(request)
//           u32(n) str(hash)×n u32(m) (str(name) str(value))×m u8(quotes) str(decision)
//           u32(g) (str(grant) str(decision) u32(r) str(rule)×r)×g u64(index)
// and str(s) is the big-endian u32 byte length of UTF-8 s followed by those bytes.

const utf8 = new TextEncoder();

async function sha256(...parts) {
  const len = parts.reduce((n, p) => n + p.length, 0);
  const buf = new Uint8Array(len);
  let at = 0;
  for (const p of parts) {
    buf.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
}

function u32(n) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

function str(s) {
  const bytes = utf8.encode(s);
  return [u32(bytes.length), bytes];
}

/** The leaf hash of a log entry from its stored texts (request and answer exactly as stored). */
export async function leafHash(index, id, time, request, answer, versionHashes) {
  const parts = [new Uint8Array([0]), utf8.encode('caveat-log-leaf/1'), ...str(id), ...str(time), ...str(request),
    ...str(answer), u32(versionHashes.length)];
  for (const h of versionHashes) parts.push(...str(h));
  parts.push(u64(index));
  return sha256(...parts);
}

/**
 * The leaf hash of a compact (format 3) decision entry from the fields the log serves: the
 * request exactly as stored, and the verdict, rules and overrides as logged (not as decided again).
 */
export async function compactLeafHash(index, entry, request) {
  const parts = [new Uint8Array([0]), utf8.encode('caveat-log-leaf/3'), ...str(entry.id), ...instant(entry.time),
    ...str(request), u32(entry.version_hashes.length)];
  for (const h of entry.version_hashes) parts.push(...str(h));
  const assumed = Object.entries(entry.assumed);
  parts.push(u32(assumed.length));
  for (const [name, value] of assumed) parts.push(...str(name), ...str(value));
  parts.push(new Uint8Array([entry.quotes ? 1 : 0]), ...str(entry.decision), u32(entry.grants.length));
  for (const g of entry.grants) {
    parts.push(...str(g.grant), ...str(g.decision), u32(g.determining.length));
    for (const rule of g.determining) parts.push(...str(rule));
  }
  parts.push(u64(index));
  return sha256(...parts);
}

/** An ISO-8601 instant as u64(epoch second) u32(nanosecond), nanoseconds from the text (Date has ms only). */
function instant(text) {
  const m = /^(.*?)(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) throw new Error(`not an instant: ${text}`);
  const seconds = Date.parse(`${m[1]}Z`) / 1000;
  return [u64(seconds), u32(Number((m[2] ?? '').padEnd(9, '0')))];
}

function u64(n) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return b;
}

/**
 * The root reached from a leaf hash and its audit path in a tree of `size` leaves
 * (RFC 9162 §2.1.3.2: fn = index, sn = size - 1; a right child or fn == sn takes the sibling on
 * the left). Throws when the path is too long or too short for the tree.
 */
export async function rootFromPath(index, size, leaf, path) {
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) throw new Error('the audit path is longer than the tree');
    if ((fn & 1) === 1 || fn === sn) {
      r = await sha256(new Uint8Array([1]), p, r);
      while ((fn & 1) === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(new Uint8Array([1]), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new Error('the audit path is shorter than the tree');
  return r;
}

export function hex(bytes) {
  return [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
}

export function unhex(s) {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.substr(i * 2, 2), 16);
  return out;
}

/**
 * The exact text of a top-level member's value in a JSON object text (the log serves the stored
 * request and answer verbatim, and the leaf hash is over those bytes, so they must not be
 * re-serialised). Returns null when the member is absent.
 */
export function rawMember(text, name) {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 1) {
        const key = JSON.parse(text.slice(i, end));
        let j = end;
        while (/\s/.test(text[j])) j++;
        if (text[j] === ':') {
          j++;
          while (/\s/.test(text[j])) j++;
          const valueEnd = skipValue(text, j);
          if (key === name) return text.slice(j, valueEnd);
          i = valueEnd;
          continue;
        }
      }
      i = end;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    i++;
  }
  return null;
}

function stringEnd(text, i) {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

function skipValue(text, i) {
  if (text[i] === '"') return stringEnd(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    let j = i;
    while (j < text.length && !/[,}\]\s]/.test(text[j])) j++;
    return j;
  }
  let depth = 0;
  let j = i;
  do {
    const c = text[j];
    if (c === '"') {
      j = stringEnd(text, j);
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    j++;
  } while (depth > 0 && j < text.length);
  return j;
}
