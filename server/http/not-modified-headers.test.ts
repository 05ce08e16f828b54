import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notModifiedHeaders } from './not-modified-headers';
import type { HeaderPairs } from './respond';

const MUST = ['Content-Location', 'Date', 'ETag', 'Vary', 'Cache-Control', 'Expires'];

describe('notModifiedHeaders (RFC 9110, 15.4.5)', () => {
  it('keeps each field the RFC lists, in the order of the 200', () => {
    const ok: HeaderPairs = [
      ['Date', 'Wed, 25 Nov 2026 22:00:00 GMT'],
      ['Cache-Control', 'max-age=60'],
      ['Content-Type', 'text/css; charset=utf-8'],
      ['ETag', '"abc"'],
      ['Content-Length', '615'],
      ['Expires', 'Wed, 25 Nov 2026 22:01:00 GMT'],
      ['Vary', 'Accept-Encoding'],
      ['Content-Location', '/monitor.css'],
    ];
    expect(notModifiedHeaders(ok)).toEqual([
      ['Date', 'Wed, 25 Nov 2026 22:00:00 GMT'],
      ['Cache-Control', 'max-age=60'],
      ['ETag', '"abc"'],
      ['Expires', 'Wed, 25 Nov 2026 22:01:00 GMT'],
      ['Vary', 'Accept-Encoding'],
      ['Content-Location', '/monitor.css'],
    ]);
  });

  it.each(MUST)('keeps %s alone, as it is spelled, whatever the case', (name) => {
    for (const spelled of [name, name.toLowerCase(), name.toUpperCase()]) {
      expect(notModifiedHeaders([[spelled, 'v']])).toEqual([[spelled, 'v']]);
    }
  });

  it.each(['Content-Length', 'Content-Type', 'content-type', 'Content-Encoding', 'Content-Language', 'Content-Range', 'Transfer-Encoding', 'X-Content-Type-Options', 'Accept-Ranges', 'Server'])(
    'drops %s',
    (name) => {
      expect(notModifiedHeaders([[name, 'v']])).toEqual([]);
      expect(notModifiedHeaders([['ETag', '"a"'], [name, 'v']])).toEqual([['ETag', '"a"']]);
    },
  );

  it('keeps Last-Modified when there is no ETag, the only validator a cache then has', () => {
    const ok: HeaderPairs = [['Last-Modified', 'Wed, 19 Mar 2008 20:32:00 GMT'], ['Content-Length', '615']];
    expect(notModifiedHeaders(ok)).toEqual([['Last-Modified', 'Wed, 19 Mar 2008 20:32:00 GMT']]);
  });

  it('drops Last-Modified beside an ETag, before or after it, in any case', () => {
    const lm: [string, string] = ['last-modified', 'Wed, 19 Mar 2008 20:32:00 GMT'];
    expect(notModifiedHeaders([lm, ['ETag', 'W/"a"']])).toEqual([['ETag', 'W/"a"']]);
    expect(notModifiedHeaders([['etag', '"a"'], lm])).toEqual([['etag', '"a"']]);
  });

  it('keeps a field sent on several lines on several lines', () => {
    const ok: HeaderPairs = [['Vary', 'Accept-Encoding'], ['Content-Type', 'text/html'], ['Vary', 'Accept-Language']];
    expect(notModifiedHeaders(ok)).toEqual([['Vary', 'Accept-Encoding'], ['Vary', 'Accept-Language']]);
  });

  it('gives nothing for nothing', () => {
    expect(notModifiedHeaders([])).toEqual([]);
  });

  const name = fc.oneof(
    fc.constantFrom(...MUST, 'Last-Modified', 'Content-Length', 'Content-Type', 'Server', 'X-Content-Type-Options'),
    fc.stringMatching(/^[A-Za-z-]{1,12}$/),
  ).chain((n) => fc.constantFrom(n, n.toLowerCase(), n.toUpperCase()));
  const pairs = fc.array(fc.tuple(name, fc.string({ maxLength: 8 })), { maxLength: 12 });

  it('property: the 304 headers are the 200 headers, some left out, in the same order', () => {
    fc.assert(
      fc.property(pairs, (ok) => {
        const kept = notModifiedHeaders(ok);
        let at = 0;
        for (const pair of kept) {
          while (at < ok.length && ok[at] !== pair) at++;
          if (at === ok.length) return false;
          at++;
        }
        return true;
      }),
    );
  });

  it('property: every field the RFC lists is kept, Content-Length and Content-Type never are', () => {
    fc.assert(
      fc.property(pairs, (ok) => {
        const kept = notModifiedHeaders(ok);
        const lower = (p: [string, string]) => p[0].toLowerCase();
        const must = ok.filter((p) => MUST.map((m) => m.toLowerCase()).includes(lower(p)));
        expect(kept.filter((p) => MUST.map((m) => m.toLowerCase()).includes(lower(p)))).toEqual(must);
        expect(kept.some((p) => ['content-length', 'content-type'].includes(lower(p)))).toBe(false);
        const hasEtag = ok.some((p) => lower(p) === 'etag');
        expect(kept.filter((p) => lower(p) === 'last-modified')).toEqual(hasEtag ? [] : ok.filter((p) => lower(p) === 'last-modified'));
      }),
    );
  });

  it('property: applying it twice changes nothing', () => {
    fc.assert(
      fc.property(pairs, (ok) => {
        expect(notModifiedHeaders(notModifiedHeaders(ok))).toEqual(notModifiedHeaders(ok));
      }),
    );
  });
});
