import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFieldValue, conditionalRequest } from '../testing/conditional-request';
import type { Current } from './condition';
import { formatAsctimeDate, formatHttpDate, formatRfc850Date } from './http-date';
import { checkIfUnmodifiedSince } from './if-unmodified-since';

const LAST_MODIFIED = Date.UTC(2008, 2, 19, 20, 32, 0);
const check = (value: string | undefined, current: Current = { lastModified: LAST_MODIFIED }, method = 'PUT') =>
  checkIfUnmodifiedSince(conditionalRequest(value === undefined ? {} : { 'If-Unmodified-Since': value }, method), current);

describe('checkIfUnmodifiedSince (RFC 9110, 13.1.4)', () => {
  it('is none without the header', () => {
    expect(check(undefined)).toBe('none');
    expect(check('')).toBe('none');
  });
  it('is true for the Last-Modified date and any later one', () => {
    expect(check(formatHttpDate(LAST_MODIFIED))).toBe(true);
    expect(check(formatHttpDate(LAST_MODIFIED + 1000))).toBe(true);
  });
  it('is false for an earlier date: the file changed since', () => {
    expect(check(formatHttpDate(LAST_MODIFIED - 1000))).toBe(false);
  });
  it('accepts the obsolete date forms', () => {
    expect(check(formatRfc850Date(LAST_MODIFIED))).toBe(true);
    expect(check(formatAsctimeDate(LAST_MODIFIED - 1000))).toBe(false);
  });
  it.each(['garbage', 'Wed, 19 Mar 2008 20:32:00 GMT; length=512', 'Wed, 19 Mar 2008 20:32:00 GMT, Thu, 20 Mar 2008 00:00:00 GMT', '2008-03-19T20:32:00Z'])(
    'ignores an invalid date %j (a list of dates included)',
    (value) => {
      expect(check(value)).toBe('none');
    },
  );
  it('is ignored when the resource has no modification date, or no representation', () => {
    expect(check(formatHttpDate(LAST_MODIFIED - 1000), {})).toBe('none');
    expect(check(formatHttpDate(LAST_MODIFIED - 1000), { etag: '"x"' })).toBe('none');
    expect(check(formatHttpDate(LAST_MODIFIED - 1000), null)).toBe('none');
  });
  it.each(['GET', 'HEAD', 'POST', 'PUT', 'DELETE'])('answers the same for %s', (method) => {
    expect(check(formatHttpDate(LAST_MODIFIED), undefined, method)).toBe(true);
    expect(check(formatHttpDate(LAST_MODIFIED - 1000), undefined, method)).toBe(false);
  });
  it('never throws', () => {
    fc.assert(
      fc.property(anyFieldValue, fc.option(fc.integer()), fc.string(), (value, lastModified, method) => {
        const result = check(value, lastModified === null ? null : { lastModified }, method);
        return result === 'none' || typeof result === 'boolean';
      }),
    );
  });
});
