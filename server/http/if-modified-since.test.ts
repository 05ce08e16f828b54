import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHttpDate } from './http-date';
import { isNotModified } from './if-modified-since';
import { lastModifiedTime } from './last-modified';

const LAST_MODIFIED = Date.UTC(2008, 2, 19, 20, 32, 0);
const get = (ifModifiedSince: string | null, extra: Partial<{ method: string; ifNoneMatch: string | null }> = {}) =>
  isNotModified({ method: 'GET', ifNoneMatch: null, ifModifiedSince, ...extra }, LAST_MODIFIED);

describe('isNotModified (RFC 9110, 13.1.3)', () => {
  it('is true for the echoed Last-Modified date', () => {
    expect(get(formatHttpDate(LAST_MODIFIED))).toBe(true);
  });
  it('is true for a later date', () => {
    expect(get(formatHttpDate(LAST_MODIFIED + 1000))).toBe(true);
  });
  it('is false for an earlier date: the file changed since', () => {
    expect(get(formatHttpDate(LAST_MODIFIED - 1000))).toBe(false);
  });
  it('is false without the header', () => {
    expect(get(null)).toBe(false);
  });
  it('accepts the obsolete date forms', () => {
    expect(get('Wednesday, 19-Mar-08 20:32:00 GMT')).toBe(true);
    expect(get('Wed Mar 19 20:32:00 2008')).toBe(true);
  });
  it.each(['garbage', '', 'Wed, 19 Mar 2008 20:32:00 GMT; length=512', 'Wed, 19 Mar 2008 20:32:00 GMT, Thu, 20 Mar 2008 00:00:00 GMT'])(
    'ignores an invalid value %j',
    (value) => {
      expect(get(value)).toBe(false);
    },
  );
  it('applies to HEAD', () => {
    expect(get(formatHttpDate(LAST_MODIFIED), { method: 'HEAD' })).toBe(true);
  });
  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('is ignored for %s', (method) => {
    expect(get(formatHttpDate(LAST_MODIFIED), { method })).toBe(false);
  });
  it('is ignored when If-None-Match is present, whatever its value', () => {
    expect(get(formatHttpDate(LAST_MODIFIED), { ifNoneMatch: '"x"' })).toBe(false);
    expect(get(formatHttpDate(LAST_MODIFIED), { ifNoneMatch: '*' })).toBe(false);
  });
  it('never throws, whatever the header says', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (method, value) => typeof get(value, { method }) === 'boolean'));
  });
});

describe('lastModifiedTime', () => {
  it('cuts the mtime to whole seconds, so the echoed date matches', () => {
    const mtime = LAST_MODIFIED + 734.25;
    const sent = lastModifiedTime(mtime, Date.now());
    expect(sent).toBe(LAST_MODIFIED);
    expect(get(formatHttpDate(sent))).toBe(true);
  });
  it('never claims a time later than now', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0, 500);
    expect(lastModifiedTime(now + 3600e3, now)).toBe(Date.UTC(2026, 0, 1, 12, 0, 0));
  });
});
