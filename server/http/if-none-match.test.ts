import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ifNoneMatchMatches, parseEntityTags } from './if-none-match';

describe('parseEntityTags', () => {
  it('reads one tag, a list, weak tags and *', () => {
    expect(parseEntityTags('"abc"')).toEqual(['"abc"']);
    expect(parseEntityTags('"a", W/"b",  "c"')).toEqual(['"a"', 'W/"b"', '"c"']);
    expect(parseEntityTags(' * ')).toBe('*');
    expect(parseEntityTags('""')).toEqual(['""']);
  });
  it('keeps a comma inside a tag (etagc allows it)', () => {
    expect(parseEntityTags('"a,b", "c"')).toEqual(['"a,b"', '"c"']);
  });
  it.each(['', 'abc', '"abc', 'w/"abc"', '"a" x', '"a""b"', '"a b"', '*, "a"', 'W/ "a"'])('refuses %j', (value) => {
    expect(parseEntityTags(value)).toBeNull();
  });
});

describe('ifNoneMatchMatches (RFC 9110, 13.1.2)', () => {
  const etag = '"h1-gz"';
  it('matches the same tag', () => {
    expect(ifNoneMatchMatches('"h1-gz"', etag)).toBe(true);
  });
  it('matches within a list', () => {
    expect(ifNoneMatchMatches('"h0", "h1-gz", "h2"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"h0","h1-gz"', etag)).toBe(true);
  });
  it('uses the weak comparison: W/ is ignored on either side', () => {
    expect(ifNoneMatchMatches('W/"h1-gz"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"h1-gz"', 'W/"h1-gz"')).toBe(true);
  });
  it('does not match another representation of the same file', () => {
    expect(ifNoneMatchMatches('"h1"', etag)).toBe(false);
    expect(ifNoneMatchMatches('"h1-br"', etag)).toBe(false);
  });
  it('is case-sensitive, and compares whole tags', () => {
    expect(ifNoneMatchMatches('"H1-GZ"', etag)).toBe(false);
    expect(ifNoneMatchMatches('"h1-g"', etag)).toBe(false);
    expect(ifNoneMatchMatches('h1-gz', etag)).toBe(false);
  });
  it('matches any representation with *', () => {
    expect(ifNoneMatchMatches('*', etag)).toBe(true);
  });
  it('matches nothing when the value does not parse', () => {
    expect(ifNoneMatchMatches('"h1-gz" garbage', etag)).toBe(false);
    expect(ifNoneMatchMatches('', etag)).toBe(false);
  });
  it('never throws, and a tag always matches itself in any list', () => {
    const tagText = fc.stringMatching(/^[\x21\x23-\x7e]{0,12}$/);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), tagText, (value, opaque) => typeof ifNoneMatchMatches(value, `"${opaque}"`) === 'boolean'),
    );
    fc.assert(
      fc.property(fc.array(tagText, { maxLength: 4 }), tagText, fc.boolean(), (others, own, weak) => {
        const list = [...others.map((o) => `"${o}"`), `${weak ? 'W/' : ''}"${own}"`].join(', ');
        return ifNoneMatchMatches(list, `"${own}"`);
      }),
    );
  });
});
