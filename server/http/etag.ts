// The ETag a server sends (RFC 9110, section 8.8.3): an opaque, always quoted string that names
// one version of a representation. Two ways to make one, with opposite trade-offs (chapter "etag"):
//
//   strongEtag(sha256 of the bytes)   "<digest>"      changes exactly when the bytes change;
//                                                     costs reading the whole file
//   weakEtag(size, mtime)             W/"<size>-<t>"  costs one stat; misses a same-size edit in
//                                                     the same mtime tick, and changes on a touch
//
// Reading tags back (If-None-Match, If-Match) is entity-tag.ts.
// SHA-256 from @noble/hashes, not node:crypto: the stages also run in the browser (the static
// build), where Web Crypto only hashes asynchronously.
import { sha256 } from '@noble/hashes/sha2.js';

// #region make-etags
/**
 * A strong tag from the content itself: the first 128 bits of its SHA-256, in base64url (the
 * characters are all valid `etagc`, so no escaping is ever needed). Equal bytes give equal tags
 * on every server, so tags agree behind a load balancer.
 */
export function strongEtag(content: Uint8Array): string {
  return strongEtagFromDigest(sha256(content));
}

/** The same tag from a SHA-256 digest computed elsewhere (e.g. while streaming a large file). */
export function strongEtagFromDigest(sha256: Uint8Array): string {
  return `"${base64url(sha256.subarray(0, 16))}"`;
}

/**
 * A weak tag from what a stat gives, in the style of nginx and Apache: size and modification
 * time (in ms, hex). `W/` says "equivalent, not byte-identical" (RFC 9110, 8.8.1): such a tag is
 * fit for If-None-Match (weak comparison) but never matches in If-Match (strong comparison).
 */
export function weakEtag(size: number, mtimeMs: number): string {
  return `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
}
// #endregion

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding (RFC 4648, section 5), as Buffer's 'base64url' writes it. */
function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += BASE64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}
