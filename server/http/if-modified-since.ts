// If-Modified-Since (RFC 9110, section 13.1.3): "send me the file only if it changed after this".
import { parseHttpDate } from './http-date';

export interface IfModifiedSinceRequest {
  method: string;
  /** The If-Modified-Since field value, or null when absent. */
  ifModifiedSince: string | null;
  /** The If-None-Match field value, or null when absent. */
  ifNoneMatch: string | null;
}

// #region is-not-modified
/**
 * True when the server should answer 304 Not Modified instead of sending the file.
 * `lastModified` is the value sent in Last-Modified (whole seconds, ms since the epoch).
 *
 * The rule, in the RFC's order (13.1.3 and 13.2.2, step 4):
 *  - If-None-Match takes precedence: when present, If-Modified-Since is ignored;
 *  - only GET and HEAD are conditional on it;
 *  - a value that is not a valid HTTP-date is ignored (the full response is sent);
 *  - otherwise the file is "not modified" when its Last-Modified is earlier than or equal to
 *    the date sent.
 */
export function isNotModified(request: IfModifiedSinceRequest, lastModified: number): boolean {
  if (request.ifNoneMatch !== null) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.ifModifiedSince === null) return false;

  const since = parseHttpDate(request.ifModifiedSince.trim());
  if (since === null) return false;

  return lastModified <= since;
}
// #endregion
