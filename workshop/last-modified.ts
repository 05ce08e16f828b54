// Workshop exercise "last-modified": write checkIfModifiedSince, the rule of chapter "last-modified".
// npm run workshop -- check last-modified   runs the chapter's tests on this file
// npm run workshop -- solve last-modified   writes the course's solution here
// npm run workshop -- reset last-modified   brings this start back
import { fieldValue, type Condition, type ConditionalRequest, type Current } from '../server/http/condition';
import { parseHttpDate } from '../server/http/http-date';

/**
 *  - ignored ('none') when absent, for methods other than GET and HEAD, when the resource has no
 *    modification date, and when the value is not a valid HTTP-date (the full response is sent);
 *  - otherwise false ("not modified": 304) when Last-Modified is earlier than or equal to the
 *    date sent, true when the file changed since.
 * (When If-None-Match is present this check is not made at all: evaluatePreconditions.)
 */
export function checkIfModifiedSince(request: ConditionalRequest, current: Current): Condition {
  // TODO Return 'none' ("ignore the header") unless the method is GET or HEAD (RFC 9110, 13.1.3).
  // TODO Read the header with fieldValue(request, 'If-Modified-Since'): null means it was not sent.
  // TODO No current.lastModified to compare with: ignore the header too.
  // TODO parseHttpDate(value) gives ms since the epoch, or null for a value that is not an HTTP-date:
  //     a date the server cannot read is ignored, never an error.
  // TODO Otherwise the condition is "modified since": true when lastModified is later than the date sent,
  //     false (a 304) when it is earlier or the same. Both are whole seconds already.
  throw new Error('TODO: write checkIfModifiedSince in workshop/last-modified.ts');
}
