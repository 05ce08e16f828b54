// What a 304 Not Modified carries (RFC 9110, section 15.4.5). A 304 stands in for the 200 the
// client would otherwise get, so a cache can update the copy it holds (RFC 9111, 4.3.4):
//
//   MUST repeat, when the 200 would have them:  Content-Location, Date, ETag, Vary,
//                                               Cache-Control, Expires
//   SHOULD NOT send other representation metadata (Content-Type, Content-Length, …), "unless
//   said metadata exists for the purpose of guiding cache updates (e.g., Last-Modified might
//   be useful if the response does not have an ETag field)".
import type { HeaderPairs } from './respond';

// #region not-modified-headers
const REPEATED = new Set(['content-location', 'date', 'etag', 'vary', 'cache-control', 'expires']);

/**
 * From the header fields the 200 would have, those its 304 repeats: each field of the list
 * above, in the 200's order and spelling (a field on several lines stays on several lines),
 * and Last-Modified only when there is no ETag, the one validator the cache then has.
 * Never Content-Length or Content-Type: a 304 has no body to describe.
 */
export function notModifiedHeaders(ok: HeaderPairs): HeaderPairs {
  const hasEtag = ok.some(([name]) => name.toLowerCase() === 'etag');
  return ok.filter(([name]) => {
    const lower = name.toLowerCase();
    return REPEATED.has(lower) || (lower === 'last-modified' && !hasEtag);
  });
}
// #endregion
