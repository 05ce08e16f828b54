import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFieldValue, conditionalRequest } from '../testing/conditional-request';
import type { Current } from './condition';
import { formatHttpDate } from './http-date';
import { checkIfModifiedSince } from './if-modified-since';

const LAST_MODIFIED = Date.UTC(2008, 2, 19, 20, 32, 0);
const check = (value: string | undefined, current: Current = { lastModified: LAST_MODIFIED }, method = 'GET', extra: Record<string, string> = {}) =>
  checkIfModifiedSince(conditionalRequest(value === undefined ? extra : { 'If-Modified-Since': value, ...extra }, method), current);

describe('checkIfModifiedSince (RFC 9110, 13.1.3)', () => {
  it('is false ("not modified") for the echoed Last-Modified date', () => {
    expect(check(formatHttpDate(LAST_MODIFIED))).toBe(false);
  });
  it('is false for a later date', () => {
    expect(check(formatHttpDate(LAST_MODIFIED + 1000))).toBe(false);
  });
  it('is true for an earlier date: the file changed since', () => {
    expect(check(formatHttpDate(LAST_MODIFIED - 1000))).toBe(true);
  });
  it('is none without the header', () => {
    expect(check(undefined)).toBe('none');
    expect(check('')).toBe('none');
  });
  it('accepts the obsolete date forms', () => {
    expect(check('Wednesday, 19-Mar-08 20:32:00 GMT')).toBe(false);
    expect(check('Wed Mar 19 20:32:00 2008')).toBe(false);
  });
  it.each(['garbage', 'Wed, 19 Mar 2008 20:32:00 GMT; length=512', 'Wed, 19 Mar 2008 20:32:00 GMT, Thu, 20 Mar 2008 00:00:00 GMT'])(
    'ignores an invalid value %j',
    (value) => {
      expect(check(value)).toBe('none');
    },
  );
  it('applies to HEAD', () => {
    expect(check(formatHttpDate(LAST_MODIFIED), undefined, 'HEAD')).toBe(false);
  });
  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'get'])('is ignored for %s', (method) => {
    expect(check(formatHttpDate(LAST_MODIFIED), undefined, method)).toBe('none');
  });
  it('is ignored when the resource has no modification date, or no representation', () => {
    expect(check(formatHttpDate(LAST_MODIFIED), {})).toBe('none');
    expect(check(formatHttpDate(LAST_MODIFIED), { etag: '"x"' })).toBe('none');
    expect(check(formatHttpDate(LAST_MODIFIED), null)).toBe('none');
  });
  it('does not look at If-None-Match itself: the order of the checks does (preconditions.ts)', () => {
    expect(check(formatHttpDate(LAST_MODIFIED), undefined, 'GET', { 'If-None-Match': '"x"' })).toBe(false);
  });
  it('never throws, whatever the header says', () => {
    fc.assert(
      fc.property(fc.string(), anyFieldValue, fc.option(fc.integer()), (method, value, lastModified) => {
        const result = check(value, lastModified === null ? null : { lastModified }, method);
        return result === 'none' || typeof result === 'boolean';
      }),
    );
  });
});
