import { describe, expect, it } from 'vitest';
import { notModifiedRepeatsRule, REPEATED_BY_304 } from './not-modified-repeats-rule';
import { response, DATE, EARLIER } from '../testing/checked-response';

describe('notModifiedRepeatsRule', () => {
  const the200 = response(200, [['ETag', '"a"'], ['Cache-Control', 'no-cache'], ['Vary', 'Accept-Encoding'], ['Date', EARLIER], ['Content-Type', 'text/css']]);
  it('is good when the 304 repeats every field the 200 had (Date may differ)', () => {
    const findings = notModifiedRepeatsRule(response(304, [['etag', '"a"'], ['Cache-Control', 'no-cache'], ['Vary', 'Accept-Encoding'], ['Date', DATE]]), the200);
    expect(findings).toEqual([
      { rule: 'not-modified-repeats', level: 'good', message: 'The 304 repeats what the 200 had: ETag, Cache-Control, Vary, Date.', cite: 'RFC 9110, 15.4.5' },
    ]);
  });
  it('is an error for each field the 200 had and the 304 lacks', () => {
    const findings = notModifiedRepeatsRule(response(304, [['Date', DATE]]), the200);
    expect(findings.map((f) => [f.level, f.message.split(',')[0]])).toEqual([
      ['error', 'The 304 lacks ETag'],
      ['error', 'The 304 lacks Cache-Control'],
      ['error', 'The 304 lacks Vary'],
    ]);
  });
  it('warns when the 304 has another value (RFC 9111, 4.3.4: the cache takes the new one)', () => {
    const [f] = notModifiedRepeatsRule(response(304, [['ETag', '"b"'], ['Cache-Control', 'no-cache'], ['Vary', 'Accept-Encoding'], ['Date', DATE]]), the200);
    expect([f!.level, f!.cite]).toEqual(['warning', 'RFC 9111, 4.3.4']);
    expect(f!.message).toContain('ETag ("b") differs from the 200\'s ("a")');
  });
  it('says when there is no 200 to compare with, and nothing for a 200', () => {
    expect(notModifiedRepeatsRule(response(304, []), undefined)[0]!.level).toBe('info');
    expect(notModifiedRepeatsRule(the200, the200)).toEqual([]);
  });
  it('knows the fields of RFC 9110, 15.4.5', () => {
    expect([...REPEATED_BY_304].sort()).toEqual(['Cache-Control', 'Content-Location', 'Date', 'ETag', 'Expires', 'Vary']);
  });
});
