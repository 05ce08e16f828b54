import { describe, expect, it } from 'vitest';
import { validatorsRule } from './validators-rule';
import { response, EARLIER } from '../testing/checked-response';

describe('validatorsRule', () => {
  it('names each validator with the conditional request that uses it and the 304 to expect', () => {
    const findings = validatorsRule(response(200, [['ETag', '"abc"'], ['Last-Modified', EARLIER]]));
    expect(findings.map((f) => [f.rule, f.level, f.cite])).toEqual([
      ['validators-etag', 'good', 'RFC 9110, 13.1.2'],
      ['validators-last-modified', 'good', 'RFC 9110, 13.1.3 and 13.2.2'],
    ]);
    expect(findings[0]!.message).toContain('send If-None-Match: "abc" → expect 304');
    expect(findings[0]!.suggest).toEqual([['If-None-Match', '"abc"']]);
    expect(findings[1]!.suggest).toEqual([['If-Modified-Since', EARLIER]]);
    expect(findings[1]!.message).toContain('If-None-Match is sent too, it wins');
  });
  it('without ETag, Last-Modified alone cites 13.1.3 and says nothing of precedence', () => {
    const [f] = validatorsRule(response(200, [['Last-Modified', EARLIER]]));
    expect(f!.cite).toBe('RFC 9110, 13.1.3');
    expect(f!.message).toBe(`Has a Last-Modified validator: send If-Modified-Since: ${EARLIER} → expect 304 while the file is unchanged.`);
  });
  it('warns about a 200 with no validator, and says nothing about other statuses', () => {
    expect(validatorsRule(response(200, [['Content-Type', 'text/css']])).map((f) => [f.rule, f.level])).toEqual([['validators-none', 'warning']]);
    expect(validatorsRule(response(404, []))).toEqual([]);
    expect(validatorsRule(response(304, []))).toEqual([]);
  });
});
