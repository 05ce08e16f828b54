// Chapter "no-cache": the baseline. Every request gets the whole file, every time.
import { fileBody, fileFinder } from '../files/disk';
import { contentTypeFor } from '../http/content-type';
import { NOSNIFF } from '../http/error-page';
import { refuseUnlessReadMethod } from '../http/methods';
import { respond } from '../http/respond';
import { locateFile } from './locate-file';
import type { Stage } from './stage';

// #region no-cache-stage
export function noCacheStage(root: string): Stage {
  const find = fileFinder(root);
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;

    const file = await locateFile(find, request);
    if (file instanceof Response) return file;

    const headers = {
      'Content-Type': contentTypeFor(file.name),
      'Content-Length': String(file.size),
      ...NOSNIFF,
    };
    // HEAD: the same headers as GET, no body (RFC 9110, section 9.3.2).
    const body = request.method === 'HEAD' ? null : fileBody(file);
    return respond(200, headers, body);
  };
}
// #endregion
