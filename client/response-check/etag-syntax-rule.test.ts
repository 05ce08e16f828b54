import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { etagSyntaxRule } from './etag-syntax-rule';
import { response } from '../testing/checked-response';

describe('etagSyntaxRule', () => {
  it.each(['"abc"', 'W/"abc"', '""', '"a,b"'])('accepts %s', (tag) => {
    expect(etagSyntaxRule(response(200, [['ETag', tag]]))[0]!.level).toBe('good');
  });
  it.each([
    ['abc', 'quotes are required: "abc"'],
    ['w/"abc"', 'the weak prefix is W/, upper case'],
    ['"a b"', 'a tag is W/ (optional)'],
    ['"a"b"', 'a tag is W/ (optional)'],
    ['W/ "a"', 'a tag is W/ (optional)'],
  ])('refuses %s', (tag, why) => {
    const [f] = etagSyntaxRule(response(200, [['ETag', tag]]));
    expect(f!.level).toBe('error');
    expect(f!.cite).toBe('RFC 9110, 8.8.3');
    expect(f!.message).toContain(why);
  });
  it('refuses two ETag lines, and says nothing without one', () => {
    expect(etagSyntaxRule(response(200, [['ETag', '"a"'], ['etag', '"b"']]))[0]!.level).toBe('error');
    expect(etagSyntaxRule(response(200, []))).toEqual([]);
  });
  it('accepts every quoted string of etagc characters, weak or not (property)', () => {
    const etagc = fc.constantFrom(...'!#$%&()*+,-./09:;<=>?@AZ[\\]^_`az{|}~');
    fc.assert(
      fc.property(fc.boolean(), fc.array(etagc, { maxLength: 10 }), (weak, chars) => {
        const tag = `${weak ? 'W/' : ''}"${chars.join('')}"`;
        expect(etagSyntaxRule(response(200, [['ETag', tag]]))[0]!.level).toBe('good');
      }),
    );
  });
});
