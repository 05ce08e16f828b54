// If-Modified-Since compared the way nginx compares it by default (`if_modified_since exact;`,
// ngx_http_core_module): the date must name the very second of Last-Modified. RFC 9110's rule
// (if-modified-since.ts) answers 304 to any date at or after it.
//
// What nginx does (src/http/modules/ngx_http_not_modified_filter_module.c,
// ngx_http_test_if_modified): it parses the value with ngx_parse_http_time, which reads all three
// HTTP-date forms, and answers 304 when the parsed time EQUALS the Last-Modified time. Otherwise,
// in "exact" mode, the response goes on unchanged: the full 200. It is not a string comparison:
// the same second in the RFC 850 or asctime form is equal too. (nginx's parser is laxer than the
// one used here: it checks neither the day name nor "GMT", and ignores what follows the date,
// "; length=615" included. This rule uses the course's strict parser, RFC 9110's grammar. And
// nginx checks If-Modified-Since even beside If-None-Match, a 304 needing both; the stage that
// uses this rule keeps RFC 9110's order, 13.2.2, where If-None-Match alone decides.)
import { fieldValue, type Condition, type ConditionalRequest, type Current } from './condition';
import { parseHttpDate } from './http-date';

// #region check-if-modified-since-exact
/**
 * The same shape as checkIfModifiedSince: 'none' when absent, not GET or HEAD, without a
 * Last-Modified, or not a valid HTTP-date; false ("not modified": 304) only when the date is
 * exactly Last-Modified, to the second; true (send the file) for any other date, later ones too.
 */
export function checkIfModifiedSinceExact(request: ConditionalRequest, current: Current): Condition {
  if (request.method !== 'GET' && request.method !== 'HEAD') return 'none';
  const value = fieldValue(request, 'If-Modified-Since');
  if (value === null) return 'none';
  const lastModified = current?.lastModified;
  if (lastModified === undefined) return 'none';
  const since = parseHttpDate(value);
  if (since === null) return 'none';
  return since !== lastModified;
}
// #endregion
