// A deliberately small, correct server for the check's own tests: a strong content-hash ETag
// (hashed on every request, so it can never be stale), Last-Modified, Cache-Control, and the
// preconditions in RFC 9110's order, all from the course's rules in server/http/. It proves that
// every case of `npm run check` can pass over real HTTP, Cache-Control repeated in a 304
// included, which no fixed stage sends yet. The course's own stage with these validators,
// `etag-vs-last-modified` (chapter 5), is checked the same way (check/check.test.ts).
import { readFile } from 'node:fs/promises';
import { fileFinder } from '../../server/files/disk';
import { contentTypeFor } from '../../server/http/content-type';
import { strongEtag } from '../../server/http/etag';
import { formatHttpDate } from '../../server/http/http-date';
import { lastModifiedTime } from '../../server/http/last-modified';
import { refuseUnlessReadMethod } from '../../server/http/methods';
import { evaluatePreconditions } from '../../server/http/preconditions';
import { respond } from '../../server/http/respond';
import { locateFile } from '../../server/stages/locate-file';
import type { Stage } from '../../server/stages/stage';

export function referenceStage(root: string): Stage {
  const find = fileFinder(root);
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;
    const file = await locateFile(find, request);
    if (file instanceof Response) return file;
    const bytes = new Uint8Array(await readFile(file.path));
    const etag = strongEtag(bytes);
    const lastModified = lastModifiedTime(file.mtimeMs);
    const repeated = { ETag: etag, 'Last-Modified': formatHttpDate(lastModified), 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    const outcome = evaluatePreconditions(request, { etag, lastModified });
    if (outcome.status === 304) return respond(304, repeated);
    if (outcome.status === 412) return respond(412, repeated);
    const headers = { ...repeated, 'Content-Type': contentTypeFor(file.name), 'Content-Length': String(bytes.length) };
    return respond(200, headers, request.method === 'HEAD' ? null : bytes);
  };
}
