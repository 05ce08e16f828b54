// Chapter 2's "try this" checks, against hand-made exchanges: each passes on the exchange it
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

describe('chapter 2: last-modified', () => {
  const first = exchange({ id: 10, responseHeaders: [['Last-Modified', LM]] });

  it('echo-304: a 304 for the exact Last-Modified of an earlier 200', () => {
    const echo = exchange({ id: 11, status: 304, bodyBytes: 0, requestHeaders: [['If-Modified-Since', LM]] });
    expect(check('echo-304')([first, echo], [])).toBe(true);
    expect(check('echo-304')([echo], [])).toBe(false); // nothing to echo
    expect(check('echo-304')([{ ...first, id: 12 }, echo], [])).toBe(false); // the 200 came later
    expect(check('echo-304')([first, { ...echo, requestHeaders: [['If-Modified-Since', 'Wed, 25 Nov 2026 10:00:00 GMT']] }], [])).toBe(false);
    expect(check('echo-304')([], [first, echo])).toBe(false); // the seed's do not count
  });

  it('earlier-date-200: a 200 for a date before Last-Modified', () => {
    const earlier = exchange({
      requestHeaders: [['If-Modified-Since', 'Tue, 24 Nov 2026 09:00:00 GMT']],
      responseHeaders: [['Last-Modified', LM]],
    });
    expect(check('earlier-date-200')([earlier], [])).toBe(true);
    expect(check('earlier-date-200')([{ ...earlier, requestHeaders: [['If-Modified-Since', LM]] }], [])).toBe(false);
    expect(check('earlier-date-200')([{ ...earlier, status: 304 }], [])).toBe(false);
  });

  it('invalid-date-ignored: garbage in If-Modified-Since, 200 out', () => {
    const garbage = exchange({ requestHeaders: [['If-Modified-Since', 'garbage']] });
    expect(check('invalid-date-ignored')([garbage], [])).toBe(true);
    expect(check('invalid-date-ignored')([{ ...garbage, requestHeaders: [['If-Modified-Since', LM]] }], [])).toBe(false);
    expect(check('invalid-date-ignored')([{ ...garbage, status: 304 }], [])).toBe(false);
  });
});
