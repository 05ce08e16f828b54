// The last-modified stage with its If-Modified-Since comparison taken out as a parameter, so
// chapter "echoed-date" can run the same server with two rules side by side: RFC 9110's (any
// date at or after Last-Modified) and nginx's default (exactly Last-Modified).
import type { FileStore } from '../files/store';
import type { Condition, ConditionalRequest, Current } from '../http/condition';
import { contentTypeFor } from '../http/content-type';
import { NOSNIFF, preconditionFailed } from '../http/error-page';
import { formatHttpDate } from '../http/http-date';
import { checkIfNoneMatch } from '../http/if-none-match';
import { lastModifiedTime } from '../http/last-modified';
import { refuseUnlessReadMethod } from '../http/methods';
import { evaluatePreconditions } from '../http/preconditions';
import { respond } from '../http/respond';
import { locateFile } from './locate-file';
import type { Stage } from './stage';

/** An If-Modified-Since rule: false means "not modified" (304), as in checkIfModifiedSince. */
export type DateRule = (request: ConditionalRequest, current: Current) => Condition;

// #region date-comparing-stage
export function dateComparingStage(files: FileStore, compareDate: DateRule): Stage {
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;
    const file = await locateFile(files.find, request);
    if (file instanceof Response) return file;

    // Cut to the second and never later than now (RFC 9110, 8.8.2.1): Date is stamped after this.
    const current = { lastModified: lastModifiedTime(file.mtimeMs) };
    const validators = { 'Last-Modified': formatHttpDate(current.lastModified) };

    // Steps 1 to 3 of RFC 9110, 13.2.2, as before; step 4, If-Modified-Since, by the rule given,
    // and only when there is no If-None-Match.
    const outcome = evaluatePreconditions(withoutIfModifiedSince(request), current);
    if (outcome.status === 412) return preconditionFailed(outcome.by);
    const notModified =
      outcome.status === 304 || (checkIfNoneMatch(request, current) === 'none' && compareDate(request, current) === false);
    if (notModified) return respond(304, { ...validators, ...NOSNIFF });

    const headers = { ...validators, 'Content-Type': contentTypeFor(file.name), 'Content-Length': String(file.size), ...NOSNIFF };
    return respond(200, headers, request.method === 'HEAD' ? null : files.body(file));
  };
}
// #endregion

function withoutIfModifiedSince(request: ConditionalRequest): ConditionalRequest {
  return {
    method: request.method,
    headers: { get: (name) => (name.toLowerCase() === 'if-modified-since' ? null : request.headers.get(name)) },
  };
}
