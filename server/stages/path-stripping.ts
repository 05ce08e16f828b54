// Chapter "path-stripping": the course's server so far (etag-vs-last-modified: a strong ETag and
// Last-Modified, RFC 9110's order between them) with the safe path resolver in place of the old
// one. It reads the request target as the client sent it (server/request-target.ts), so the
// raw "..\", "%2e%2e" and "%00" that the seed gets wrong reach this stage too, and are refused
// here, by rules the chapter shows (server/http/safe-path/). Every answer says nosniff.
import { ContentHashCache } from '../files/content-hash';
import { fileBody, isMissing } from '../files/disk';
import { safeFileFinder } from '../files/safe-disk';
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
export function pathStrippingStage(root: string): Stage {
  const find = safeFileFinder(root);
  const hashes = new ContentHashCache();
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;

    const file = await locateSafeFile(find, request); // the safe resolver: the only change
    if (file instanceof Response) return file;

    const lastModified = lastModifiedTime(file.mtimeMs);
    const tag = await hashes.tagFor(file.path).catch((error: unknown) => {
      if (isMissing(error)) return null; // removed since it was found
      throw error;
    });
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
    return respond(200, headers, request.method === 'HEAD' ? null : fileBody(file));
  };
}
// #endregion
