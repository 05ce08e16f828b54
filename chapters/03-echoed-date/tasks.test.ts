// Chapter 3's "try this" checks, against hand-made exchanges: each passes on the exchange it
// describes and not on near misses.
import { describe, expect, it } from 'vitest';
import { exchange } from '../../client/testing/exchanges';
import { tasks } from './tasks';

function check(id: string) {
  const found = tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found.check;
}

const LM = 'Tue, 24 Nov 2026 10:00:00 GMT';
const LATER = 'Tue, 24 Nov 2026 11:00:00 GMT';

describe('chapter 3: echoed-date', () => {
  it('browser-echo: only for the browser’s own requests, and only a byte-for-byte echo answered 304', () => {
    expect(tasks.find((t) => t.id === 'browser-echo')!.accepts).toBe('browser');
    const echo = exchange({ status: 304, requestHeaders: [['If-Modified-Since', LM]], responseHeaders: [['Last-Modified', LM]] });
    expect(check('browser-echo')([echo], [])).toBe(true);
    expect(check('browser-echo')([{ ...echo, status: 200 }], [])).toBe(false);
    expect(check('browser-echo')([{ ...echo, requestHeaders: [['If-Modified-Since', LATER]] }], [])).toBe(false);
    expect(check('browser-echo')([{ ...echo, requestHeaders: [['If-Modified-Since', LM.toLowerCase()]] }], [])).toBe(false);
    expect(check('browser-echo')([{ ...echo, requestHeaders: [] }], [])).toBe(false);
    expect(check('browser-echo')([], [echo])).toBe(false);
  });

  it('later-date-exact-200: the same valid date, 304 from the parsed stage and 200 from the exact one', () => {
    const parsed = exchange({ status: 304, requestHeaders: [['If-Modified-Since', LATER]] });
    const exact = exchange({ status: 200, requestHeaders: [['If-Modified-Since', LATER]] });
    expect(check('later-date-exact-200')([parsed], [exact])).toBe(true);
    expect(check('later-date-exact-200')([parsed], [])).toBe(false);
    expect(check('later-date-exact-200')([parsed], [{ ...exact, status: 304 }])).toBe(false);
    expect(check('later-date-exact-200')([parsed], [{ ...exact, requestHeaders: [['If-Modified-Since', LM]] }])).toBe(false);
    expect(check('later-date-exact-200')([exact], [parsed])).toBe(false); // the stages the other way round
    const garbage = [['If-Modified-Since', 'garbage']] as [string, string][];
    expect(check('later-date-exact-200')([{ ...parsed, requestHeaders: garbage }], [{ ...exact, requestHeaders: garbage }])).toBe(false);
  });

  it('obsolete-form-304: a 304 for an RFC 850 or asctime date, not for IMF-fixdate', () => {
    const with850 = exchange({ status: 304, requestHeaders: [['If-Modified-Since', 'Tuesday, 24-Nov-26 10:00:00 GMT']] });
    const withAsctime = exchange({ status: 304, requestHeaders: [['If-Modified-Since', 'Tue Nov 24 10:00:00 2026']] });
    expect(check('obsolete-form-304')([with850], [])).toBe(true);
    expect(check('obsolete-form-304')([withAsctime], [])).toBe(true);
    expect(check('obsolete-form-304')([{ ...with850, status: 200 }], [])).toBe(false);
    expect(check('obsolete-form-304')([exchange({ status: 304, requestHeaders: [['If-Modified-Since', LM]] })], [])).toBe(false);
    expect(check('obsolete-form-304')([exchange({ status: 304, requestHeaders: [['If-Modified-Since', 'garbage']] })], [])).toBe(false);
    expect(check('obsolete-form-304')([], [with850])).toBe(false);
  });

  it('length-suffix-ignored: a 200 for a date with "; length=N"', () => {
    const suffixed = exchange({ status: 200, requestHeaders: [['If-Modified-Since', `${LM}; length=615`]] });
    expect(check('length-suffix-ignored')([suffixed], [])).toBe(true);
    expect(check('length-suffix-ignored')([{ ...suffixed, status: 304 }], [])).toBe(false);
    expect(check('length-suffix-ignored')([exchange({ status: 200, requestHeaders: [['If-Modified-Since', LM]] })], [])).toBe(false);
    expect(check('length-suffix-ignored')([], [suffixed])).toBe(false);
  });
});
