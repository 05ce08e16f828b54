import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFieldValue, conditionalRequest } from '../testing/conditional-request';
import type { Current } from './condition';
import { checkIfMatch } from './if-match';

const ETAG = '"v2"';
const check = (value: string | undefined, current: Current = { etag: ETAG }, method = 'PUT') =>
  checkIfMatch(conditionalRequest(value === undefined ? {} : { 'If-Match': value }, method), current);

describe('checkIfMatch (RFC 9110, 13.1.1)', () => {
  it('is none without the header, or with an empty value', () => {
    expect(check(undefined)).toBe('none');
    expect(check('')).toBe('none');
    expect(check('  ')).toBe('none');
  });
  it('is true for the current tag, alone or in a list, with or without spaces', () => {
    expect(check('"v2"')).toBe(true);
    expect(check('"v1", "v2"')).toBe(true);
    expect(check('"v1","v2","v3"')).toBe(true);
  });
  it('is false for another tag: the file changed since the client read it', () => {
    expect(check('"v1"')).toBe(false);
    expect(check('"v1", "v3"')).toBe(false);
    expect(check('"V2"')).toBe(false);
  });
  it('uses the strong comparison: a weak tag on either side never matches', () => {
    expect(check('W/"v2"')).toBe(false);
    expect(check('"v2"', { etag: 'W/"v2"' })).toBe(false);
    expect(check('W/"v2"', { etag: 'W/"v2"' })).toBe(false);
  });
  it('* is true when there is a current representation, with or without an ETag', () => {
    expect(check('*')).toBe(true);
    expect(check('*', {})).toBe(true);
    expect(check('*', { lastModified: 0 })).toBe(true);
  });
  it('is false without a current representation, * included', () => {
    expect(check('*', null)).toBe(false);
    expect(check('"v2"', null)).toBe(false);
  });
  it('is false when the representation has no ETag to match', () => {
    expect(check('"v2"', {})).toBe(false);
    expect(check('"v2"', { lastModified: Date.UTC(2008, 2, 19) })).toBe(false);
  });
  it('ignores malformed members; with none valid it is false (nothing matches)', () => {
    expect(check('garbage, "v2"')).toBe(true);
    expect(check('v2')).toBe(false);
    expect(check('"v2')).toBe(false);
    expect(check('*, "v1"')).toBe(false);
  });
  it.each(['GET', 'HEAD', 'POST', 'PUT', 'DELETE'])('answers the same for %s', (method) => {
    expect(check('"v2"', { etag: ETAG }, method)).toBe(true);
    expect(check('"v1"', { etag: ETAG }, method)).toBe(false);
  });
  it('never throws', () => {
    const current = fc.option(fc.record({ etag: fc.option(fc.constantFrom('"v2"', 'W/"v2"', '""'), { nil: undefined }) }, { requiredKeys: [] }));
    fc.assert(
      fc.property(anyFieldValue, current, fc.string(), (value, cur, method) => {
        const result = check(value, cur, method);
        return result === 'none' || typeof result === 'boolean';
      }),
    );
  });
});
