import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFieldValue, conditionalRequest } from '../testing/conditional-request';
import type { Current } from './condition';
import { formatAsctimeDate, formatHttpDate, formatRfc850Date, parseHttpDate } from './http-date';
import { checkIfModifiedSince } from './if-modified-since';
import { checkIfModifiedSinceExact } from './if-modified-since-exact';

const LAST_MODIFIED = Date.UTC(2008, 2, 19, 20, 32, 0);
const check = (value: string | undefined, current: Current = { lastModified: LAST_MODIFIED }, method = 'GET') =>
  checkIfModifiedSinceExact(conditionalRequest(value === undefined ? {} : { 'If-Modified-Since': value }, method), current);

// Whole seconds between year 1000 and 9999 (asctime's year has four digits), as HTTP-dates carry them.
const anySecond = fc.integer({ min: -30610224000, max: 253402300799 }).map((s) => s * 1000);

describe('checkIfModifiedSinceExact (nginx: if_modified_since exact)', () => {
  it('is false ("not modified") for the echoed Last-Modified date', () => {
    expect(check(formatHttpDate(LAST_MODIFIED))).toBe(false);
  });
  it('is false for the same second in the obsolete forms: it compares times, not strings', () => {
    expect(check(formatRfc850Date(LAST_MODIFIED))).toBe(false);
    expect(check(formatAsctimeDate(LAST_MODIFIED))).toBe(false);
  });
  it('is true for a later date, where RFC 9110 says not modified', () => {
    expect(check(formatHttpDate(LAST_MODIFIED + 1000))).toBe(true);
    expect(check(formatHttpDate(Date.UTC(2030, 0, 1)))).toBe(true);
  });
  it('is true for an earlier date', () => {
    expect(check(formatHttpDate(LAST_MODIFIED - 1000))).toBe(true);
  });
  it('is none without the header, or with an empty one', () => {
    expect(check(undefined)).toBe('none');
    expect(check('')).toBe('none');
    expect(check('  ')).toBe('none');
  });
  it.each(['garbage', 'Wed, 19 Mar 2008 20:32:00 GMT; length=615', 'Wed, 19 Mar 2008 20:32:00', 'wed, 19 mar 2008 20:32:00 gmt'])(
    'ignores a value that is not an HTTP-date %j (nginx reads the first of these as the date; see the file)',
    (value) => {
      expect(check(value)).toBe('none');
    },
  );
  it('applies to GET and HEAD only', () => {
    expect(check(formatHttpDate(LAST_MODIFIED), undefined, 'HEAD')).toBe(false);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'get']) expect(check(formatHttpDate(LAST_MODIFIED), undefined, method)).toBe('none');
  });
  it('is ignored when the resource has no modification date, or no representation', () => {
    expect(check(formatHttpDate(LAST_MODIFIED), {})).toBe('none');
    expect(check(formatHttpDate(LAST_MODIFIED), null)).toBe('none');
  });

  it('property: false exactly when the date parses to Last-Modified, in any of the three forms', () => {
    const forms = [formatHttpDate, formatRfc850Date, formatAsctimeDate];
    fc.assert(
      fc.property(anySecond, anySecond, fc.constantFrom(...forms), fc.boolean(), (lastModified, since, format, same) => {
        const text = format(same ? lastModified : since);
        const parsed = parseHttpDate(text); // RFC 850's two-digit year may name another century
        const result = check(text, { lastModified });
        return parsed === null ? result === 'none' : result === (parsed !== lastModified);
      }),
    );
  });
  it('property: never 304 where RFC 9110 would send the file, and 304 only at equality', () => {
    fc.assert(
      fc.property(anySecond, anySecond, (lastModified, since) => {
        const request = conditionalRequest({ 'If-Modified-Since': formatHttpDate(since) });
        const exact = checkIfModifiedSinceExact(request, { lastModified });
        const rfc = checkIfModifiedSince(request, { lastModified });
        if (rfc === true) return exact === true;
        return exact === (since !== lastModified);
      }),
    );
  });
  it('property: never throws, whatever the header says', () => {
    fc.assert(
      fc.property(fc.string(), anyFieldValue, fc.option(fc.integer()), (method, value, lastModified) => {
        const result = check(value, lastModified === null ? null : { lastModified }, method);
        return result === 'none' || typeof result === 'boolean';
      }),
    );
  });
});
