// The chapters' "try this" checks, against hand-made exchanges: each passes on the exchange it
// describes and not on near misses.
import { describe, expect, it } from 'vitest';
import { tasks as noCache } from '../chapters/01-no-cache/tasks';
import { tasks as lastModified } from '../chapters/02-last-modified/tasks';
import type { Task } from '../client/task-helpers';
import { exchange } from '../client/testing/exchanges';

function task(list: Task[], id: string): Task {
  const found = list.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

const LM = 'Tue, 24 Nov 2026 10:00:00 GMT';

describe('chapter 1: no-cache', () => {
  it('get-full-200: a GET answered 200 with all the bytes of Content-Length', () => {
    const check = task(noCache, 'get-full-200').check;
    const full = exchange({ stage: 'no-cache', bodyBytes: 120, responseHeaders: [['Content-Length', '120']] });
    expect(check([full])).toBe(true);
    expect(check([{ ...full, bodyBytes: 60 }])).toBe(false);
    expect(check([{ ...full, stage: 'seed' }])).toBe(false);
    expect(check([{ ...full, method: 'HEAD', bodyBytes: 0 }])).toBe(false);
    expect(check([{ ...full, status: 404 }])).toBe(false);
  });

  it('head: a HEAD answered 200', () => {
    const check = task(noCache, 'head').check;
    expect(check([exchange({ stage: 'no-cache', method: 'HEAD', bodyBytes: 0 })])).toBe(true);
    expect(check([exchange({ stage: 'no-cache', method: 'GET' })])).toBe(false);
  });

  it('ims-ignored: If-Modified-Since sent, full 200 received', () => {
    const check = task(noCache, 'ims-ignored').check;
    expect(check([exchange({ stage: 'no-cache', requestHeaders: [['if-modified-since', LM]] })])).toBe(true);
    expect(check([exchange({ stage: 'no-cache' })])).toBe(false);
  });

  it('seed-any-etag: the seed answers 304 to an If-None-Match it never issued', () => {
    const check = task(noCache, 'seed-any-etag').check;
    const tagged = exchange({ stage: 'seed', status: 304, bodyBytes: 0, requestHeaders: [['If-None-Match', '"anything"']] });
    expect(check([tagged])).toBe(true);
    expect(check([{ ...tagged, stage: 'no-cache' }])).toBe(false);
    expect(check([{ ...tagged, requestHeaders: [['If-Modified-Since', LM]] }])).toBe(false);
    expect(check([{ ...tagged, status: 200 }])).toBe(false);
  });
});

describe('chapter 2: last-modified', () => {
  const first = exchange({ stage: 'last-modified', id: 10, responseHeaders: [['Last-Modified', LM]] });

  it('echo-304: a 304 for the exact Last-Modified of an earlier 200', () => {
    const check = task(lastModified, 'echo-304').check;
    const echo = exchange({ stage: 'last-modified', id: 11, status: 304, bodyBytes: 0, requestHeaders: [['If-Modified-Since', LM]] });
    expect(check([first, echo])).toBe(true);
    expect(check([echo])).toBe(false); // nothing to echo
    expect(check([{ ...first, id: 12 }, echo])).toBe(false); // the 200 came later
    expect(check([first, { ...echo, requestHeaders: [['If-Modified-Since', 'Wed, 25 Nov 2026 10:00:00 GMT']] }])).toBe(false);
    expect(check([{ ...first, stage: 'seed' }, { ...echo, stage: 'seed' }])).toBe(false);
  });

  it('earlier-date-200: a 200 for a date before Last-Modified', () => {
    const check = task(lastModified, 'earlier-date-200').check;
    const earlier = exchange({
      stage: 'last-modified',
      requestHeaders: [['If-Modified-Since', 'Tue, 24 Nov 2026 09:00:00 GMT']],
      responseHeaders: [['Last-Modified', LM]],
    });
    expect(check([earlier])).toBe(true);
    expect(check([{ ...earlier, requestHeaders: [['If-Modified-Since', LM]] }])).toBe(false);
    expect(check([{ ...earlier, status: 304 }])).toBe(false);
  });

  it('invalid-date-ignored: garbage in If-Modified-Since, 200 out', () => {
    const check = task(lastModified, 'invalid-date-ignored').check;
    const garbage = exchange({ stage: 'last-modified', requestHeaders: [['If-Modified-Since', 'garbage']] });
    expect(check([garbage])).toBe(true);
    expect(check([{ ...garbage, requestHeaders: [['If-Modified-Since', LM]] }])).toBe(false);
    expect(check([{ ...garbage, status: 304 }])).toBe(false);
  });

  it('task ids are unique within each chapter', () => {
    for (const list of [noCache, lastModified]) {
      expect(new Set(list.map((t) => t.id)).size).toBe(list.length);
    }
  });
});
