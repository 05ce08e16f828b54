import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFieldValue, conditionalRequest } from '../testing/conditional-request';
import type { Current } from './condition';
import { checkIfNoneMatch } from './if-none-match';

const ETAG = '"h1-gz"';
const check = (value: string | undefined, current: Current = { etag: ETAG }, method = 'GET') =>
  checkIfNoneMatch(conditionalRequest(value === undefined ? {} : { 'If-None-Match': value }, method), current);

describe('checkIfNoneMatch (RFC 9110, 13.1.2)', () => {
  it('is none without the header, or with an empty value', () => {
    expect(check(undefined)).toBe('none');
    expect(check('')).toBe('none');
  });
  it('is false for the current tag, alone or in a list, with or without spaces', () => {
    expect(check('"h1-gz"')).toBe(false);
    expect(check('"h0", "h1-gz", "h2"')).toBe(false);
    expect(check('"h0","h1-gz"')).toBe(false);
  });
  it('uses the weak comparison: W/ is ignored on either side', () => {
    expect(check('W/"h1-gz"')).toBe(false);
    expect(check('"h1-gz"', { etag: 'W/"h1-gz"' })).toBe(false);
    expect(check('W/"h1-gz"', { etag: 'W/"h1-gz"' })).toBe(false);
  });
  it('is true for another representation of the same file, and compares whole, case-sensitive tags', () => {
    expect(check('"h1"')).toBe(true);
    expect(check('"h1-br"')).toBe(true);
    expect(check('"H1-GZ"')).toBe(true);
    expect(check('"h1-g"')).toBe(true);
    expect(check('h1-gz')).toBe(true);
  });
  it('* is false when there is a current representation, even one without an ETag', () => {
    expect(check('*')).toBe(false);
    expect(check('*', {})).toBe(false);
    expect(check('*', { lastModified: 0 })).toBe(false);
  });
  it('* is true when there is none (a PUT that must not overwrite: "create only")', () => {
    expect(check('*', null)).toBe(true);
    expect(check('"h1-gz"', null)).toBe(true);
  });
  it('is true for any tag when the representation has no ETag', () => {
    expect(check('"h1-gz"', {})).toBe(true);
    expect(check('"x"', { lastModified: Date.UTC(2008, 2, 19) })).toBe(true);
  });
  it('ignores malformed members; with none valid it is true (nothing matches)', () => {
    expect(check('garbage, "h1-gz"')).toBe(false);
    expect(check('"h1-gz" garbage')).toBe(true);
    expect(check('*, "h0"')).toBe(true);
  });
  it('reads a field sent on several lines as one list: a fetch Headers joins them with ", " (RFC 9110, 5.3)', () => {
    const lines = (...values: string[]) => {
      const headers = new Headers();
      for (const value of values) headers.append('If-None-Match', value);
      return checkIfNoneMatch({ method: 'GET', headers }, { etag: ETAG });
    };
    expect(lines('"h0"', '"h1-gz"')).toBe(false); // the match on the second line
    expect(lines('W/"h1-gz"', 'garbage')).toBe(false); // on the first, a malformed second ignored
    expect(lines('"h0"', 'W/"h2"')).toBe(true);
    expect(lines('*', '"h0"')).toBe(true); // "*, …" is a list, where * is no tag
    expect(lines('', '"h1-gz"')).toBe(false); // an empty line is an empty member
  });
  it.each(['GET', 'HEAD', 'POST', 'PUT', 'DELETE'])('answers the same for %s (304 or 412 is decided by the order)', (method) => {
    expect(check('"h1-gz"', undefined, method)).toBe(false);
    expect(check('"h0"', undefined, method)).toBe(true);
  });
  it('never throws, and a tag always matches itself in any list', () => {
    const opaque = fc.stringMatching(/^[\x21\x23-\x7e]{0,12}$/);
    fc.assert(
      fc.property(anyFieldValue, opaque, (value, own) => {
        const result = check(value, { etag: `"${own}"` });
        return result === 'none' || typeof result === 'boolean';
      }),
    );
    fc.assert(
      fc.property(fc.array(opaque, { maxLength: 4 }), opaque, fc.boolean(), fc.boolean(), (others, own, weakSent, weakHeld) => {
        const list = [...others.map((o) => `"${o}"`), `${weakSent ? 'W/' : ''}"${own}"`].join(', ');
        return check(list, { etag: `${weakHeld ? 'W/' : ''}"${own}"` }) === false;
      }),
    );
  });
});
