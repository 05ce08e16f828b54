// Chapter "path-stripping": the course's server so far (etag-vs-last-modified: a strong ETag and
// Last-Modified, RFC 9110's order between them) with the safe path resolver in place of the old
// one. It reads the request target as the client sent it (server/request-target.ts), so the
// raw "..\", "%2e%2e" and "%00" that the seed gets wrong reach this stage too, and are refused
// here, by rules the chapter shows (server/http/safe-path/). Every answer says nosniff.
import { safeFileFinder } from '../files/safe-disk';
import type { FileStore } from '../files/store';
import { contentTypeFor } from '../http/content-type';
import { errorPage, NOSNIFF, preconditionFailed } from '../http/error-page';
import { formatHttpDate } from '../http/http-date';
import { lastModifiedTime } from '../http/last-modified';
import { refuseUnlessReadMethod } from '../http/methods';
import { evaluatePreconditions } from '../http/preconditions';
import { respond } from '../http/respond';
import { locateSafeFile } from './locate-safe-file';
import type { Stage } from './stage';

// #region path-stripping-stage
export function pathStrippingStage(files: FileStore): Stage {
  const find = safeFileFinder(files);
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;

    const file = await locateSafeFile(find, request); // the safe resolver: the only change
    if (file instanceof Response) return file;

    const lastModified = lastModifiedTime(file.mtimeMs);
    const tag = await files.contentTag(file); // null: removed since it was found
    if (!tag) return errorPage(404, 'The file went away while it was being read.');
    const { etag } = tag;
    const validators = { ETag: etag, 'Last-Modified': formatHttpDate(lastModified) };

    const outcome = evaluatePreconditions(request, { etag, lastModified });
    if (outcome.status === 304) return respond(304, { ...validators, ...NOSNIFF });
    if (outcome.status === 412) return preconditionFailed(outcome.by);

    const headers = {
      ...validators,
      'Content-Type': contentTypeFor(file.name),
      'Content-Length': String(file.size),
      ...NOSNIFF,
    };
    return respond(200, headers, request.method === 'HEAD' ? null : files.body(file));
  };
}
// #endregion
