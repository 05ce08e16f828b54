// Accept-Encoding (RFC 9110, section 12.5.3): which content codings the client can decode, and
// how much it likes each. The server picks one of the codings it has for the resource.
//
//   Accept-Encoding: gzip, br            both fine: the server picks (br, it is smaller)
//   Accept-Encoding: br;q=0.5, gzip      gzip is preferred (q defaults to 1)
//   Accept-Encoding: gzip;q=0            gzip refused; identity (no coding) is still fine
//   Accept-Encoding: *;q=0, identity     only identity
//   Accept-Encoding: identity;q=0        anything but identity
//   Accept-Encoding:                     (empty) no coding wanted: identity

/** The codings this server can send: `identity` means "as stored, no content coding". */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** Below any weight a client can write (q has at most three decimals, so 0.001 is the least). */
const IMPLICIT_IDENTITY = 0.0001;

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The weight of each coding the field names (lower-cased; `x-gzip` read as `gzip`, RFC 9110
 * 8.4.1.3), including `*`. A member that does not follow the grammar (`coding [;q=w]`) is
 * ignored, as if absent; a coding named twice keeps its lowest weight, the safer reading.
 */
export function parseAcceptEncoding(fieldValue: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const member of fieldValue.split(',')) {
    const [rawName = '', ...params] = member.split(';');
    const name = rawName.trim().toLowerCase();
    if (name === '') continue; // empty list elements are allowed (RFC 9110, 5.6.1)
    if (!TOKEN.test(name)) continue;
    let q = 1;
    let valid = params.length <= 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*(\S*)\s*$/i.exec(param);
      if (!m || !QVALUE.test(m[1]!)) valid = false;
      else q = Number(m[1]);
    }
    if (!valid) continue;
    const coding = name === 'x-gzip' ? 'gzip' : name;
    weights.set(coding, Math.min(q, weights.get(coding) ?? 1));
  }
  return weights;
}

/**
 * Picks the coding to send, from `offered` (the codings the server has for this resource, in its
 * own order of preference, e.g. ['br', 'gzip', 'identity']), or null when the client accepts
 * none of them.
 *
 *  - No Accept-Encoding at all: the client states no preference; send identity, which every
 *    client can read (RFC 9110 allows any coding here, but does not promise it will be decoded).
 *  - A coding's weight is its own entry, else the `*` entry, else 0 (not acceptable), except
 *    identity, which stays acceptable unless refused by `identity;q=0` or by `*;q=0` (12.5.3).
 *    Unnamed, it ranks below every coding the client did name.
 *  - q=0 means "not acceptable", never "least preferred".
 *  - The highest weight wins; on a tie, the server's order decides (br before gzip).
 */
export function negotiateEncoding(fieldValue: string | null, offered: readonly ContentCoding[]): ContentCoding | null {
  if (fieldValue === null) return offered.includes('identity') ? 'identity' : (offered[0] ?? null);

  const weights = parseAcceptEncoding(fieldValue);
  const star = weights.get('*');
  const weightOf = (coding: ContentCoding): number => {
    const own = weights.get(coding);
    if (own !== undefined) return own;
    if (star !== undefined) return star;
    return coding === 'identity' ? IMPLICIT_IDENTITY : 0;
  };

  let best: ContentCoding | null = null;
  let bestWeight = 0;
  for (const coding of offered) {
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
