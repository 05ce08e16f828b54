// Chapter "last-modified": the no-cache server plus one idea, a validator. The file's
// modification time goes out as Last-Modified; a client that sends it back in
// If-Modified-Since gets 304 Not Modified, with no body, while the file is unchanged.
import type { FileStore } from '../files/store';
import { contentTypeFor } from '../http/content-type';
import { NOSNIFF, preconditionFailed } from '../http/error-page';
import { formatHttpDate } from '../http/http-date';
import { lastModifiedTime } from '../http/last-modified';
import { refuseUnlessReadMethod } from '../http/methods';
import { notModifiedHeaders } from '../http/not-modified-headers';
import { evaluatePreconditions } from '../http/preconditions';
import { respond, type HeaderPairs } from '../http/respond';
import { locateFile } from './locate-file';
import type { Stage } from './stage';

// #region last-modified-stage
export function lastModifiedStage(files: FileStore): Stage {
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;

    // Conditions are checked only once the file is found: a 404 stays a 404 (RFC 9110, 13.2.1).
    const file = await locateFile(files.find, request);
    if (file instanceof Response) return file;

    const lastModified = lastModifiedTime(file.mtimeMs);
    const headers: HeaderPairs = [
      ['Last-Modified', formatHttpDate(lastModified)],
      ['Content-Type', contentTypeFor(file.name)],
      ['Content-Length', String(file.size)],
      ...Object.entries(NOSNIFF),
    ];

    // The preconditions, in RFC 9110's order (13.2.2). This stage has no ETag yet: a tag in
    // If-None-Match matches nothing, and still means If-Modified-Since is not looked at.
    const outcome = evaluatePreconditions(request, { lastModified });
    if (outcome.status === 304) {
      // 304: no body and no Content-Type or Content-Length. With no ETag, it repeats
      // Last-Modified so a cache can update what it stored (RFC 9110, 15.4.5); node adds Date.
      return respond(304, [...notModifiedHeaders(headers), ...Object.entries(NOSNIFF)]);
    }
    if (outcome.status === 412) return preconditionFailed(outcome.by);

    const body = request.method === 'HEAD' ? null : files.body(file);
    return respond(200, headers, body);
  };
}
// #endregion
