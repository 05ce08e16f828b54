import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntityTags, weakMatch } from '../server/http/entity-tag';
import { strongEtag, weakEtag } from '../server/http/etag';
import { formatAsctimeDate, formatHttpDate, formatRfc850Date, parseHttpDate } from '../server/http/http-date';
import {
  contentIn304,
  expectStatus,
  isEntityTag,
  isImfFixdate,
  isoDate,
  lastModifiedAfterDate,
  missingFrom304,
  otherStrength,
  sameSizeOtherBytes,
  validatorDifferences,
} from './judge';
import type { Field } from './request';
import { parseResponse } from './response';

const response = (raw: string, method = 'GET') => parseResponse(Buffer.from(raw, 'latin1'), method);

describe('isEntityTag (RFC 9110, 8.8.3)', () => {
  it('takes quoted tags, weak or strong, and the tags the course makes', () => {
    for (const tag of ['"abc"', 'W/"abc"', '""', '"a,b"', '"caf\xe9"', strongEtag(Buffer.from('x')), weakEtag(615, 1_700_000_000_123)]) expect(isEntityTag(tag), tag).toBe(true);
  });
  it('refuses unquoted, half-quoted, lowercase w/, spaced, and listed tags', () => {
    for (const tag of ['abc', '"abc', 'abc"', 'w/"abc"', 'W/ "abc"', '"a" "b"', '"a", "b"', '"a"b"', '*', '']) expect(isEntityTag(tag), tag).toBe(false);
  });
});

describe('otherStrength', () => {
  it('adds or takes off W/', () => {
    expect(otherStrength('"x"')).toBe('W/"x"');
    expect(otherStrength('W/"x"')).toBe('"x"');
  });
  it('gives a tag that matches by weak comparison only, and reads back as one tag', () => {
    const tag = fc.tuple(fc.boolean(), fc.string({ unit: fc.constantFrom('a', 'b', ',', '/', 'W', '\xe9') })).map(([weak, text]) => `${weak ? 'W/' : ''}"${text}"`);
    fc.assert(
      fc.property(tag, (t) => {
        const other = otherStrength(t);
        expect(other).not.toBe(t);
        expect(weakMatch(other, t)).toBe(true);
        expect(otherStrength(other)).toBe(t);
        expect(parseEntityTags(other)).toEqual([other]);
      }),
    );
  });
});

describe('isImfFixdate (RFC 9110, 5.6.7)', () => {
  it('takes IMF-fixdate only', () => {
    const t = Date.UTC(2008, 2, 19, 20, 32, 0);
    expect(isImfFixdate(formatHttpDate(t))).toBe(true);
    for (const text of [formatRfc850Date(t), formatAsctimeDate(t), 'Wed, 19 Mar 2008 20:32:00 UTC', 'Wed, 19 Mar 2008 20:32:00 +0000', 'Wed, 31 Feb 2008 20:32:00 GMT', isoDate(t)]) {
      expect(isImfFixdate(text), text).toBe(false);
    }
  });
  it('takes whatever formatHttpDate writes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 253_402_300_799_000 }), (t) => {
      expect(isImfFixdate(formatHttpDate(t))).toBe(true);
    }));
  });
});

describe('isoDate', () => {
  it('writes an ISO 8601 time that is no HTTP-date', () => {
    expect(isoDate(Date.UTC(2008, 2, 19, 20, 32, 0, 750))).toBe('2008-03-19T20:32:00Z');
    expect(parseHttpDate(isoDate(0))).toBeNull();
  });
});

describe('lastModifiedAfterDate (RFC 9110, 8.8.2.1)', () => {
  it('compares the two times, not the strings', () => {
    expect(lastModifiedAfterDate('Wed, 19 Mar 2008 20:32:01 GMT', 'Wed, 19 Mar 2008 20:32:00 GMT')).toBe(true);
    expect(lastModifiedAfterDate('Wed, 19 Mar 2008 20:32:00 GMT', 'Wed, 19 Mar 2008 20:32:00 GMT')).toBe(false);
    expect(lastModifiedAfterDate('Tue, 18 Mar 2008 23:00:00 GMT', 'Wed, 19 Mar 2008 01:00:00 GMT')).toBe(false);
    expect(lastModifiedAfterDate('yesterday', 'Wed, 19 Mar 2008 20:32:00 GMT')).toBeNull();
  });
});

describe('expectStatus', () => {
  it('passes the expected status and says why otherwise', () => {
    expect(expectStatus(response('HTTP/1.1 304 Not Modified\r\n\r\n'), 304, 'x')).toEqual({ pass: true, detail: '304 as expected' });
    expect(expectStatus(response('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'), 304, 'because')).toEqual({ pass: false, detail: 'expected 304, got 200: because' });
  });
});

describe('missingFrom304 (RFC 9110, 15.4.5)', () => {
  const ok: Field[] = [['ETag', '"a"'], ['Date', 'd1'], ['Cache-Control', 'max-age=60'], ['Expires', 'e1'], ['Vary', 'Accept-Encoding'], ['Content-Location', '/x'], ['Content-Type', 'text/css']];
  it('passes a 304 that repeats them all, whatever the values of Date and Expires', () => {
    expect(missingFrom304(ok, [['ETag', '"a"'], ['Date', 'd2'], ['Cache-Control', 'max-age=60'], ['Expires', 'e2'], ['vary', 'Accept-Encoding'], ['Content-Location', '/x']])).toEqual([]);
  });
  it('names each field the 200 had and the 304 lacks, and a changed ETag', () => {
    expect(missingFrom304(ok, [['ETag', '"b"'], ['Date', 'd2']])).toEqual([
      'no Cache-Control (the 200 had Cache-Control: max-age=60)',
      'no Content-Location (the 200 had Content-Location: /x)',
      'ETag "b" differs from the 200\'s "a"',
      'no Expires (the 200 had Expires: e1)',
      'no Vary (the 200 had Vary: Accept-Encoding)',
    ]);
  });
  it('asks nothing the 200 did not have (the seed\'s 304 lacks only what its 200 had)', () => {
    expect(missingFrom304([['Date', 'd'], ['Last-Modified', 'l']], [['Date', 'd']])).toEqual([]);
    expect(missingFrom304([['Date', 'd'], ['Cache-Control', 'max-age=864000']], [['Date', 'd']])).toEqual(['no Cache-Control (the 200 had Cache-Control: max-age=864000)']);
  });
});

describe('contentIn304 (RFC 9110, 15.4.5 and 8.6)', () => {
  it('passes a bare 304, and one whose Content-Length is the 200\'s', () => {
    expect(contentIn304(response('HTTP/1.1 304 Not Modified\r\nDate: x\r\n\r\n'), 615)).toEqual([]);
    expect(contentIn304(response('HTTP/1.1 304 Not Modified\r\nContent-Length: 615\r\n\r\n'), 615)).toEqual([]);
  });
  it('reports bytes after the header section and a wrong Content-Length', () => {
    expect(contentIn304(response('HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\n\r\nabc'), 615)).toEqual(['3 bytes after the header section', 'Content-Length: 0, but the 200 had 615 bytes']);
  });
});

describe('validatorDifferences (RFC 9110, 9.3.2)', () => {
  it('lists ETag and Last-Modified that differ or are missing', () => {
    expect(validatorDifferences([['ETag', '"a"'], ['Last-Modified', 'l']], [['etag', '"a"'], ['last-modified', 'l']])).toEqual([]);
    expect(validatorDifferences([['ETag', '"a"'], ['Last-Modified', 'l']], [['ETag', '"b"']])).toEqual(['ETag: "a" vs "b"', 'Last-Modified: l vs (none)']);
  });
});

describe('sameSizeOtherBytes', () => {
  it('changes the content and keeps the size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        const other = sameSizeOtherBytes(bytes);
        expect(other.length).toBe(bytes.length);
        expect(other.equals(Buffer.from(bytes))).toBe(false);
        expect(strongEtag(other)).not.toBe(strongEtag(bytes));
      }),
    );
  });
  it('leaves its argument alone', () => {
    const bytes = Buffer.from('abc');
    sameSizeOtherBytes(bytes);
    expect(bytes.toString()).toBe('abc');
  });
});
