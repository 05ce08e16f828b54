// Chapter "etag-vs-last-modified": the course's server at the end of the Validators part. Each
// file goes out with two validators: Last-Modified (the mtime, to the second) and a strong ETag
// (a hash of the content, kept in a cache that one stat validates). A client may send back
// either or both; RFC 9110's order (13.2.2) makes the tag win.
import type { FileStore } from '../files/store';
import { contentTypeFor } from '../http/content-type';
import { errorPage, NOSNIFF, preconditionFailed } from '../http/error-page';
import { formatHttpDate } from '../http/http-date';
import { lastModifiedTime } from '../http/last-modified';
import { refuseUnlessReadMethod } from '../http/methods';
import { evaluatePreconditions } from '../http/preconditions';
import { respond } from '../http/respond';
import { locateFile } from './locate-file';
import type { Stage } from './stage';

// #region etag-vs-last-modified-stage
export function etagVsLastModifiedStage(files: FileStore): Stage {
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;

    const file = await locateFile(files.find, request);
    if (file instanceof Response) return file;

    const lastModified = lastModifiedTime(file.mtimeMs);
    // The store keeps the hash, checked by one stat on disk (files/content-hash.ts).
    const tag = await files.contentTag(file); // null: removed since it was found
    if (!tag) return errorPage(404, `There is no file at ${new URL(request.url).pathname}.`);
    const { etag } = tag;
    const validators = { ETag: etag, 'Last-Modified': formatHttpDate(lastModified) };

    // If-None-Match is looked at before If-Modified-Since, and when it is there the date is
    // not looked at at all (RFC 9110, 13.1.3 and 13.2.2).
    const outcome = evaluatePreconditions(request, { etag, lastModified });
    if (outcome.status === 304) return respond(304, { ...validators, ...NOSNIFF }); // 15.4.5
    if (outcome.status === 412) return preconditionFailed(outcome.by);

    const headers = {
      ...validators,
      'Content-Type': contentTypeFor(file.name),
      'Content-Length': String(file.size),
      ...NOSNIFF,
    };
    const body = request.method === 'HEAD' ? null : files.body(file);
    return respond(200, headers, body);
  };
}
// #endregion
