// "Try this" for chapter 5. `exchanges` are the etag-vs-last-modified stage's; `compared` those
// of its replica (the compare stage).
import { httpDateMs, requestHeader, responseHeader, type Exchange, type Task } from '../../client/task-helpers';

/** An earlier exchange for the same file whose response carried `etag`. */
function earlierWithTag(exchanges: Exchange[], ex: Exchange, etag: string): Exchange | undefined {
  return exchanges.find((earlier) => earlier.id < ex.id && earlier.path === ex.path && responseHeader(earlier, 'etag') === etag);
}

export const tasks: Task[] = [
  {
    id: 'tag-beats-stale-date',
    text: 'Send the file’s ETag in If-None-Match with a date older than its Last-Modified in If-Modified-Since, and get a 304: the tag wins.',
    hint: 'Send a GET, press "Use validators from the last response", then replace the If-Modified-Since value with the preset "If-Modified-Since: 1 Jan 2000".',
    check: (exchanges) =>
      exchanges.some((ex) => {
        const since = httpDateMs(requestHeader(ex, 'if-modified-since'));
        const modified = httpDateMs(responseHeader(ex, 'last-modified'));
        const tag = responseHeader(ex, 'etag');
        return ex.status === 304 && tag !== undefined && requestHeader(ex, 'if-none-match') === tag && since !== undefined && modified !== undefined && since < modified;
      }),
  },
  {
    id: 'mismatch-beats-fresh-date',
    text: 'Send a tag the file does not have with a date that is not older than its Last-Modified, and get a 200: the date is not even looked at.',
    hint: 'The presets "If-None-Match: \\"anything\\"" and "If-Modified-Since: now" together.',
    check: (exchanges) =>
      exchanges.some((ex) => {
        const since = httpDateMs(requestHeader(ex, 'if-modified-since'));
        const modified = httpDateMs(responseHeader(ex, 'last-modified'));
        const sent = requestHeader(ex, 'if-none-match');
        const tag = responseHeader(ex, 'etag');
        return ex.status === 200 && sent !== undefined && tag !== undefined && !sent.includes(tag) && since !== undefined && modified !== undefined && since >= modified;
      }),
  },
  {
    id: 'rewrite-caught-by-tag',
    text: 'Rewrite a file with the same size and mtime, then revalidate with the old tag: a 200 with a new ETag and the same Last-Modified.',
    hint: 'GET /monitor.css, then "Rewrite, same size, same mtime" on monitor.css below the demo frame, then send the old ETag in If-None-Match.',
    check: (exchanges) =>
      exchanges.some((ex) => {
        const sent = requestHeader(ex, 'if-none-match');
        const earlier = sent === undefined ? undefined : earlierWithTag(exchanges, ex, sent);
        return (
          ex.status === 200 &&
          earlier !== undefined &&
          responseHeader(ex, 'etag') !== sent &&
          responseHeader(ex, 'last-modified') !== undefined &&
          responseHeader(ex, 'last-modified') === responseHeader(earlier, 'last-modified')
        );
      }),
  },
  {
    id: 'touch-keeps-tag',
    text: 'Touch a file, then revalidate with its tag: a 304, though Last-Modified is now later.',
    hint: 'GET /monitor.css, press "Touch a file" with monitor.css chosen, then send the ETag back in If-None-Match.',
    check: (exchanges) =>
      exchanges.some((ex) => {
        const sent = requestHeader(ex, 'if-none-match');
        const earlier = sent === undefined ? undefined : earlierWithTag(exchanges, ex, sent);
        const before = httpDateMs(responseHeader(earlier ?? ex, 'last-modified'));
        const now = httpDateMs(responseHeader(ex, 'last-modified'));
        return ex.status === 304 && earlier !== undefined && before !== undefined && now !== undefined && now > before;
      }),
  },
  {
    id: 'replica-validators-disagree',
    text: 'Ask both servers for the same file: the same ETag, two different Last-Modified dates.',
    hint: 'Send a GET here, then switch the playground to the replica stage and send it again.',
    check: (exchanges, compared) =>
      exchanges.some((ex) =>
        compared.some(
          (other) =>
            other.path === ex.path &&
            responseHeader(ex, 'etag') !== undefined &&
            responseHeader(other, 'etag') === responseHeader(ex, 'etag') &&
            responseHeader(ex, 'last-modified') !== undefined &&
            responseHeader(other, 'last-modified') !== undefined &&
            responseHeader(other, 'last-modified') !== responseHeader(ex, 'last-modified'),
        ),
      ),
  },
];
