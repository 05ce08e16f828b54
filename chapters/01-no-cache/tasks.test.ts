// Chapter 1's "try this" checks, against hand-made exchanges: each passes on the exchange it
// describes and not on near misses. A check gets `(exchanges, compared)`: the exchanges of the
// chapter's stage, then those of its compared stage (client/task-helpers.ts sorts them).
import { describe, expect, it } from 'vitest';
import { exchange } from '../../client/testing/exchanges';
import { tasks } from './tasks';

function check(id: string) {
  const found = tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found.check;
}

const LM = 'Tue, 24 Nov 2026 10:00:00 GMT';

describe('chapter 1: no-cache', () => {
  it('get-full-200: a GET answered 200 with all the bytes of Content-Length', () => {
    const full = exchange({ bodyBytes: 120, responseHeaders: [['Content-Length', '120']] });
    expect(check('get-full-200')([full], [])).toBe(true);
    expect(check('get-full-200')([{ ...full, bodyBytes: 60 }], [])).toBe(false);
    expect(check('get-full-200')([], [full])).toBe(false); // the seed's does not count
    expect(check('get-full-200')([{ ...full, method: 'HEAD', bodyBytes: 0 }], [])).toBe(false);
    expect(check('get-full-200')([{ ...full, status: 404 }], [])).toBe(false);
  });

  it('head: a HEAD answered 200', () => {
    expect(check('head')([exchange({ method: 'HEAD', bodyBytes: 0 })], [])).toBe(true);
    expect(check('head')([exchange({ method: 'GET' })], [])).toBe(false);
  });

  it('ims-ignored: If-Modified-Since sent, full 200 received', () => {
    expect(check('ims-ignored')([exchange({ requestHeaders: [['if-modified-since', LM]] })], [])).toBe(true);
    expect(check('ims-ignored')([exchange({})], [])).toBe(false);
  });

  it('seed-any-etag: the seed answers 304 to an If-None-Match it never issued', () => {
    const tagged = exchange({ status: 304, bodyBytes: 0, requestHeaders: [['If-None-Match', '"anything"']] });
    expect(check('seed-any-etag')([], [tagged])).toBe(true);
    expect(check('seed-any-etag')([tagged], [])).toBe(false); // the no-cache stage's does not count
    expect(check('seed-any-etag')([], [{ ...tagged, requestHeaders: [['If-Modified-Since', LM]] }])).toBe(false);
    expect(check('seed-any-etag')([], [{ ...tagged, status: 200 }])).toBe(false);
  });
});
