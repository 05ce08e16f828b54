// Chapter "no-cache": the baseline. Every request gets the whole file, every time.
import type { FileStore } from '../files/store';
import { contentTypeFor } from '../http/content-type';
import { NOSNIFF, preconditionFailed } from '../http/error-page';
import { refuseUnlessReadMethod } from '../http/methods';
import { evaluatePreconditions } from '../http/preconditions';
import { respond } from '../http/respond';
import { locateFile } from './locate-file';
import type { Stage } from './stage';

// #region no-cache-stage
export function noCacheStage(files: FileStore): Stage {
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;

    const file = await locateFile(files.find, request);
    if (file instanceof Response) return file;

    // No validators, so no copy a client holds can be revalidated: If-Modified-Since is ignored
    // and no entity tag matches. Yet an origin server evaluates every precondition it receives
    // (RFC 9110, 13.2.1), and the file exists: `If-None-Match: *` is false, a 304, and
    // `If-Match: "x"` is false, a 412 (13.1.2, 13.1.1). Browsers never send these on their own.
    const outcome = evaluatePreconditions(request, {});
    if (outcome.status === 304) return respond(304, { ...NOSNIFF });
    if (outcome.status === 412) return preconditionFailed(outcome.by);

    const headers = {
      'Content-Type': contentTypeFor(file.name),
      'Content-Length': String(file.size),
      ...NOSNIFF,
    };
    // HEAD: the same headers as GET, no body (RFC 9110, section 9.3.2).
    const body = request.method === 'HEAD' ? null : files.body(file);
    return respond(200, headers, body);
  };
}
// #endregion
