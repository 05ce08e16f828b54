// If-Modified-Since (RFC 9110, section 13.1.3): "send me the file only if it changed after this".
import { fieldValue, type Condition, type ConditionalRequest, type Current } from './condition';
import { parseHttpDate } from './http-date';

// #region check-if-modified-since
/**
 *  - ignored ('none') when absent, for methods other than GET and HEAD, when the resource has no
 *    modification date, and when the value is not a valid HTTP-date (the full response is sent);
 *  - otherwise false ("not modified": 304) when Last-Modified is earlier than or equal to the
 *    date sent, true when the file changed since.
 * (When If-None-Match is present this check is not made at all: evaluatePreconditions.)
 */
export function checkIfModifiedSince(request: ConditionalRequest, current: Current): Condition {
  if (request.method !== 'GET' && request.method !== 'HEAD') return 'none';
  const value = fieldValue(request, 'If-Modified-Since');
  if (value === null) return 'none';
  const lastModified = current?.lastModified;
  if (lastModified === undefined) return 'none';
  const since = parseHttpDate(value);
  if (since === null) return 'none';
  return lastModified > since;
}
// #endregion
