// "Try this" for chapter 1. `exchanges` are the no-cache stage's, `compared` the seed's (the
// chapter's `stage` and `compare`).
import { requestHeader, responseHeader, type Task } from '../../client/task-helpers';

export const tasks: Task[] = [
  {
    id: 'get-full-200',
    text: 'Send a GET for a file and get a 200 with the full body.',
    hint: 'Pick monitor.css in the path box, leave the method on GET and press Send.',
    check: (exchanges) =>
      exchanges.some((ex) => {
        if (ex.method !== 'GET' || ex.status !== 200 || ex.bodyBytes === 0) return false;
        const length = responseHeader(ex, 'content-length');
        return length === undefined || Number(length) === ex.bodyBytes;
      }),
  },
  {
    id: 'head',
    text: 'Send a HEAD request: the same headers as a GET, and no body.',
    hint: 'Switch the method to HEAD. Compare Content-Length with the body size you received.',
    check: (exchanges) => exchanges.some((ex) => ex.method === 'HEAD' && ex.status === 200),
  },
  {
    id: 'ims-ignored',
    text: 'Send If-Modified-Since to this stage and see it ignored: still a 200 with the whole file.',
    hint: 'Add the preset "If-Modified-Since: now". This server knows nothing about validators yet.',
    check: (exchanges) =>
      exchanges.some(
        (ex) => ex.method === 'GET' && ex.status === 200 && ex.bodyBytes > 0 && requestHeader(ex, 'if-modified-since') !== undefined,
      ),
  },
  {
    id: 'seed-any-etag',
    text: 'Switch to the seed stage and get a 304 for an If-None-Match tag it never sent.',
    hint: 'Choose the "seed" stage, add the preset If-None-Match: "anything", and send a GET for monitor.css.',
    check: (_, seed) => seed.some((ex) => ex.status === 304 && requestHeader(ex, 'if-none-match') !== undefined),
  },
];
