// Chapter "no-cache": the baseline. Every request gets the whole file, every time.
import { fileBody } from '../files/disk';
import { contentTypeFor } from '../http/content-type';
import { refuseUnlessReadMethod } from '../http/methods';
import { locateFile } from './locate-file';
import type { Stage } from './stage';

// #region no-cache-stage
export function noCacheStage(root: string): Stage {
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;

    const file = await locateFile(root, request);
    if (file instanceof Response) return file;

    const headers = {
      'Content-Type': contentTypeFor(file.name),
      'Content-Length': String(file.size),
    };
    // HEAD: the same headers as GET, no body (RFC 9110, section 9.3.2).
    const body = request.method === 'HEAD' ? null : await fileBody(file);
    return new Response(body, { status: 200, headers });
  };
}
// #endregion
