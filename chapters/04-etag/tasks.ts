// "Try this" for chapter 4. `exchanges`: the etag stage's; `compared`: the seed's.
import { parseEntityTags, strongMatch, weakMatch } from '../../server/http/entity-tag';
import { requestHeader, responseHeader, type Exchange, type Task } from '../../client/task-helpers';

/** The entity tags of a request's If-None-Match (none for `*`, absent or malformed). */
function sentTags(ex: Exchange): string[] {
  const value = requestHeader(ex, 'if-none-match');
  if (value === undefined) return [];
  const tags = parseEntityTags(value);
  return tags === '*' ? [] : tags;
}

/** The ETags of the 200s for the same path before `ex`. */
function earlierTags(exchanges: Exchange[], ex: Exchange): string[] {
  return exchanges
    .filter((e) => e.id < ex.id && e.status === 200 && e.path === ex.path)
    .map((e) => responseHeader(e, 'etag'))
    .filter((t): t is string => t !== undefined);
}

export const tasks: Task[] = [
  {
    id: 'etag-304',
    text: 'Get a 304 by sending back the ETag in If-None-Match.',
    hint: 'Send a GET, press "Use validators from the last response" and send again.',
    check: (exchanges) =>
      exchanges.some((ex) => ex.status === 304 && sentTags(ex).some((tag) => earlierTags(exchanges, ex).includes(tag))),
  },
  {
    id: 'weak-comparison',
    text: 'Put W/ before the tag and still get a 304: If-None-Match compares weakly.',
    hint: 'Edit the If-None-Match value: "abc…" becomes W/"abc…". A strong comparison would say no match; the weak one ignores W/.',
    check: (exchanges) =>
      exchanges.some(
        (ex) =>
          ex.status === 304 &&
          sentTags(ex).some((tag) => earlierTags(exchanges, ex).some((etag) => weakMatch(tag, etag) && !strongMatch(tag, etag))),
      ),
  },
  {
    id: 'seed-confirms-unknown-tag',
    text: 'Switch the stage to seed and get a 304 for a tag it never sent.',
    hint: 'The preset If-None-Match: "never-sent-by-this-server" does it. The etag stage answers the same request with 200.',
    check: (_, compared) =>
      compared.some((ex) => {
        if (ex.status !== 304) return false;
        const value = requestHeader(ex, 'if-none-match');
        if (value === undefined || value.trim() === '*') return false; // * is a fair 304 for a file that exists
        const issued = compared.map((e) => responseHeader(e, 'etag')).filter((t): t is string => t !== undefined);
        return !sentTags(ex).some((tag) => issued.some((etag) => weakMatch(tag, etag)));
      }),
  },
  {
    id: 'edited-200',
    text: 'Edit the file, then send the old tag: a 200 with the new content and a new ETag.',
    hint: 'Send a GET and use the validators; then "Edit" the same file under the demo below, and send again.',
    check: (exchanges) =>
      exchanges.some((ex) => {
        const etag = responseHeader(ex, 'etag');
        if (ex.status !== 200 || etag === undefined) return false;
        const earlier = earlierTags(exchanges, ex);
        return sentTags(ex).some((tag) => earlier.includes(tag) && tag !== etag);
      }),
  },
];
