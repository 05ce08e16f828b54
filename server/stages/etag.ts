// Chapter "etag": the last-modified stage plus one idea, an entity tag. Each 200 carries an ETag
// beside Last-Modified; a client that sends it back in If-None-Match gets 304 Not Modified while
// the tag still matches (RFC 9110, 8.8.3 and 13.1.2). Two ways to make the tag, two stages:
//
//   etag        strong, from a hash of the bytes served: the file is read on every request,
//               304s included (the next chapter keeps the hash instead of reading again)
//   etag-weak   weak, W/"size-mtime": from the stat the server makes anyway, nothing read
import type { FileStore, FoundFile } from '../files/store';
import { contentTypeFor } from '../http/content-type';
import { NOSNIFF, preconditionFailed } from '../http/error-page';
import { strongEtag, weakEtag } from '../http/etag';
import { formatHttpDate } from '../http/http-date';
import { lastModifiedTime } from '../http/last-modified';
import { refuseUnlessReadMethod } from '../http/methods';
import { notModifiedHeaders } from '../http/not-modified-headers';
import { evaluatePreconditions } from '../http/preconditions';
import { respond, type HeaderPairs, type WrittenBody } from '../http/respond';
import { locateFile } from './locate-file';
import type { Stage } from './stage';

/** A file with its tag, and the bytes (or the way to send them) that the tag names. */
interface TaggedFile {
  etag: string;
  size: number;
  body: () => WrittenBody;
}

// #region tag-a-file
/**
 * Strong: a hash of the content. The tag must name the bytes that are sent, so the file is read
 * once, hashed, and those same bytes are the body; a file rewritten meanwhile cannot be sent
 * under the old tag.
 */
async function tagByContent(files: FileStore, file: FoundFile): Promise<TaggedFile> {
  const bytes = await files.read(file);
  return { etag: strongEtag(bytes), size: bytes.length, body: () => bytes };
}

/** Weak: what the stat already gave. Nothing is read unless the body is sent. */
async function tagByStat(files: FileStore, file: FoundFile): Promise<TaggedFile> {
  return { etag: weakEtag(file.size, file.mtimeMs), size: file.size, body: () => files.body(file) };
}
// #endregion

// #region etag-stage
function taggingStage(files: FileStore, tag: (files: FileStore, file: FoundFile) => Promise<TaggedFile>): Stage {
  return async (request) => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;

    // Conditions are checked only once the file is found: a 404 stays a 404 (RFC 9110, 13.2.1).
    const file = await locateFile(files.find, request);
    if (file instanceof Response) return file;

    const lastModified = lastModifiedTime(file.mtimeMs);
    const tagged = await tag(files, file);
    const headers: HeaderPairs = [
      ['ETag', tagged.etag],
      ['Last-Modified', formatHttpDate(lastModified)],
      ['Content-Type', contentTypeFor(file.name)],
      ['Content-Length', String(tagged.size)],
      ...Object.entries(NOSNIFF),
    ];

    // RFC 9110's order (13.2.2): If-None-Match, when sent, decides, and If-Modified-Since is
    // then not looked at. A tag matches by the weak comparison (8.8.3.2): W/"x" and "x" match.
    const outcome = evaluatePreconditions(request, { etag: tagged.etag, lastModified });
    if (outcome.status === 304) {
      // What the 200 would have had that a 304 repeats (RFC 9110, 15.4.5); node adds Date.
      return respond(304, [...notModifiedHeaders(headers), ...Object.entries(NOSNIFF)]);
    }
    if (outcome.status === 412) return preconditionFailed(outcome.by);

    return respond(200, headers, request.method === 'HEAD' ? null : tagged.body());
  };
}

export const etagStage = (files: FileStore): Stage => taggingStage(files, tagByContent);
export const etagWeakStage = (files: FileStore): Stage => taggingStage(files, tagByStat);
// #endregion
