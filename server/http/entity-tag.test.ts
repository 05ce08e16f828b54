import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFieldValue } from '../testing/conditional-request';
import { parseEntityTags, strongMatch, weakMatch } from './entity-tag';

describe('parseEntityTags (RFC 9110, 8.8.3 and 13.1.1: "*" / #entity-tag)', () => {
  it('reads one tag, a list, weak tags and *', () => {
    expect(parseEntityTags('"abc"')).toEqual(['"abc"']);
    expect(parseEntityTags('"a", W/"b",  "c"')).toEqual(['"a"', 'W/"b"', '"c"']);
    expect(parseEntityTags(' * ')).toBe('*');
    expect(parseEntityTags('""')).toEqual(['""']);
    expect(parseEntityTags('W/""')).toEqual(['W/""']);
  });
  it('reads lists with or without spaces, tabs, and empty members', () => {
    expect(parseEntityTags('"a","b"')).toEqual(['"a"', '"b"']);
    expect(parseEntityTags('"a" ,\t"b"')).toEqual(['"a"', '"b"']);
    expect(parseEntityTags(',, "a" ,, ,"b",')).toEqual(['"a"', '"b"']);
  });
  it('keeps a comma inside a tag (etagc allows it), and obs-text', () => {
    expect(parseEntityTags('"a,b", "c"')).toEqual(['"a,b"', '"c"']);
    expect(parseEntityTags('"caf\xe9"')).toEqual(['"caf\xe9"']);
  });
  it.each([
    ['', []],
    [' ', []],
    ['abc', []],
    ['"abc', []],
    ['w/"abc"', []],
    ['W/ "a"', []],
    ['"a" x', []],
    ['"a""b"', []],
    ['"a b"', []],
    ['"a" "b"', []],
    ['**', []],
    // A member that is not an entity-tag is ignored; the others count.
    ['"a" x, "b"', ['"b"']],
    ['garbage, W/"b"', ['W/"b"']],
    ['"a", w/"b", "c"', ['"a"', '"c"']],
    ['x"a,b", "c"', ['"c"']],
    // "*" is the whole value or nothing: inside a list it is not an entity-tag.
    ['*, "a"', ['"a"']],
    ['"a", *', ['"a"']],
  ])('%j → %j', (value, tags) => {
    expect(parseEntityTags(value)).toEqual(tags);
  });

  it('reads the lines of a field sent several times, joined with ", " (RFC 9110, 5.3), as one list', () => {
    expect(parseEntityTags(['"a", W/"b"', '"c"'].join(', '))).toEqual(['"a"', 'W/"b"', '"c"']);
    expect(parseEntityTags(['"a"', 'x', 'W/"c"'].join(', '))).toEqual(['"a"', 'W/"c"']);
    expect(parseEntityTags(['*', '*'].join(', '))).toEqual([]); // no longer the lone *
    expect(parseEntityTags(['', '"a"'].join(', '))).toEqual(['"a"']);
  });

  const opaque = fc.stringMatching(/^[\x21\x23-\x7e]{0,10}$/);
  const tag = fc.tuple(fc.boolean(), opaque).map(([weak, o]) => `${weak ? 'W/' : ''}"${o}"`);
  const separator = fc.constantFrom(',', ', ', ' ,', ' , ', ',\t', ',,');

  it('reads back any list of valid tags, whatever the separators', () => {
    fc.assert(
      fc.property(fc.array(tag, { minLength: 1, maxLength: 6 }), separator, (tags, sep) => {
        expect(parseEntityTags(tags.join(sep))).toEqual(tags);
      }),
    );
  });

  it('never throws, and gives * or a list of well-formed tags, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyFieldValue, fc.array(fc.oneof(tag, fc.string()), { maxLength: 5 }).map((m) => m.join(','))), (value) => {
        const tags = parseEntityTags(value);
        return tags === '*' || tags.every((t) => /^(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/.test(t));
      }),
    );
  });
});

describe('strong and weak comparison (RFC 9110, 8.8.3.2)', () => {
  // The table of the RFC, row by row.
  it.each([
    ['W/"1"', 'W/"1"', false, true],
    ['W/"1"', 'W/"2"', false, false],
    ['W/"1"', '"1"', false, true],
    ['"1"', '"1"', true, true],
  ])('%s and %s: strong %s, weak %s', (a, b, strong, weak) => {
    expect(strongMatch(a, b)).toBe(strong);
    expect(strongMatch(b, a)).toBe(strong);
    expect(weakMatch(a, b)).toBe(weak);
    expect(weakMatch(b, a)).toBe(weak);
  });
  it('is case-sensitive and compares whole tags', () => {
    expect(weakMatch('"abc"', '"ABC"')).toBe(false);
    expect(weakMatch('"abc"', '"ab"')).toBe(false);
    expect(strongMatch('"abc"', '"ABC"')).toBe(false);
  });
  it('a strong match is always a weak match', () => {
    const tag = fc.tuple(fc.boolean(), fc.stringMatching(/^[a-c]{0,3}$/)).map(([weak, o]) => `${weak ? 'W/' : ''}"${o}"`);
    fc.assert(fc.property(tag, tag, (a, b) => !strongMatch(a, b) || weakMatch(a, b)));
  });
});
