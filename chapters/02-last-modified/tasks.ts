// "Try this" for chapter 2. Each check looks only at `exchanges`: the last-modified stage's.
import { parseHttpDate } from '../../server/http/http-date';
import { httpDateMs, requestHeader, responseHeader, type Task } from '../../client/task-helpers';

export const tasks: Task[] = [
  {
    id: 'echo-304',
    text: 'Get a 304 by sending back the Last-Modified date in If-Modified-Since.',
    hint: 'Send a GET, then press "Use validators from the last response" and send again.',
    check: (exchanges) =>
      // A 304 whose If-Modified-Since is exactly a Last-Modified this stage sent earlier in a 200.
      exchanges.some((ex) => {
        const since = requestHeader(ex, 'if-modified-since');
        if (ex.status !== 304 || since === undefined) return false;
        return exchanges.some(
          (earlier) => earlier.id < ex.id && earlier.status === 200 && responseHeader(earlier, 'last-modified') === since,
        );
      }),
  },
  {
    id: 'earlier-date-200',
    text: 'Send a date earlier than Last-Modified and get a 200: the file changed since then.',
    hint: 'Try the preset "If-Modified-Since: 1 hour ago" after touching the file, or edit the date by hand.',
    check: (exchanges) =>
      exchanges.some((ex) => {
        const since = httpDateMs(requestHeader(ex, 'if-modified-since'));
        const modified = httpDateMs(responseHeader(ex, 'last-modified'));
        return ex.status === 200 && since !== undefined && modified !== undefined && since < modified;
      }),
  },
  {
    id: 'invalid-date-ignored',
    text: 'Send an invalid date in If-Modified-Since and see it ignored (a 200).',
    hint: 'The preset "If-Modified-Since: garbage" does it. RFC 9110 says to ignore a date that does not parse.',
    check: (exchanges) =>
      exchanges.some((ex) => {
        const since = requestHeader(ex, 'if-modified-since');
        return ex.status === 200 && since !== undefined && parseHttpDate(since) === null;
      }),
  },
];
