// If-Unmodified-Since (RFC 9110, section 13.1.4): "do this only if it has not changed since
// this date". If-Match's older, coarser cousin; when false the answer is 412.
import { fieldValue, type Condition, type ConditionalRequest, type Current } from './condition';
import { parseHttpDate } from './http-date';

// #region check-if-unmodified-since
/**
 *  - ignored ('none') when absent, when the resource has no modification date, and when the
 *    value is not a valid HTTP-date (a list of dates included);
 *  - otherwise true when Last-Modified is earlier than or equal to the date sent.
 */
export function checkIfUnmodifiedSince(request: ConditionalRequest, current: Current): Condition {
  const value = fieldValue(request, 'If-Unmodified-Since');
  if (value === null) return 'none';
  const lastModified = current?.lastModified;
  if (lastModified === undefined) return 'none';
  const since = parseHttpDate(value);
  if (since === null) return 'none';
  return lastModified <= since;
}
// #endregion
