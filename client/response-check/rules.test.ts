// Each rule of the response check on its own, then all of them together (checkResponse).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHttpDate } from '../../server/http/http-date';
import { checkResponse, previous200For, type CheckedResponse } from './index';
import { etagSyntaxRule } from './etag-syntax-rule';
import { fieldValue } from './finding';
import { lastModifiedRule } from './last-modified-rule';
import { notModifiedBodyRule } from './not-modified-body-rule';
import { notModifiedRepeatsRule, REPEATED_BY_304 } from './not-modified-repeats-rule';
import { validatorsRule } from './validators-rule';

const NOW = Date.UTC(2026, 10, 25, 18, 0, 0);
const DATE = formatHttpDate(NOW);
const EARLIER = formatHttpDate(NOW - 3600_000);

function response(status: number, headers: [string, string][], bodyBytes = status === 304 ? 0 : 100): CheckedResponse {
  return { method: 'GET', status, responseHeaders: headers, bodyBytes, time: NOW };
}

describe('fieldValue', () => {
  it('finds a field whatever its case, and joins several lines with ", "', () => {
    expect(fieldValue([['vary', 'Accept'], ['VARY', 'Cookie']], 'Vary')).toBe('Accept, Cookie');
    expect(fieldValue([], 'Vary')).toBeUndefined();
  });
});

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

describe('lastModifiedRule', () => {
  it('is good when Last-Modified is not later than Date (equal included)', () => {
    expect(lastModifiedRule(response(200, [['Last-Modified', EARLIER], ['Date', DATE]]))[0]!.level).toBe('good');
    expect(lastModifiedRule(response(200, [['Last-Modified', DATE], ['Date', DATE]]))[0]!.level).toBe('good');
  });
  it('is an error when Last-Modified is later than Date, and says by how much (8.8.2.1)', () => {
    const [f] = lastModifiedRule(response(200, [['Last-Modified', formatHttpDate(NOW + 5000)], ['Date', DATE]]));
    expect(f!.level).toBe('error');
    expect(f!.cite).toBe('RFC 9110, 8.8.2.1');
    expect(f!.message).toContain('later than Date');
    expect(f!.message).toContain('by 5 seconds');
  });
  it('without Date, compares with when the request arrived', () => {
    expect(lastModifiedRule(response(200, [['Last-Modified', formatHttpDate(NOW + 3600_000)]]))[0]!.message).toContain('in the future: 3600 seconds after the request arrived');
    expect(lastModifiedRule(response(200, [['Last-Modified', EARLIER]]))[0]!.level).toBe('good');
  });
  it('is an error when Last-Modified is not an HTTP-date (5.6.7), and silent without it', () => {
    const [f] = lastModifiedRule(response(200, [['Last-Modified', '2026-11-25 18:00']]));
    expect([f!.level, f!.cite]).toEqual(['error', 'RFC 9110, 5.6.7']);
    expect(lastModifiedRule(response(200, []))).toEqual([]);
  });
  it('flags exactly the dates later than Date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (offsetS) => {
        const [f] = lastModifiedRule(response(200, [['Last-Modified', formatHttpDate(NOW + offsetS * 1000)], ['Date', DATE]]));
        expect(f!.level).toBe(offsetS > 0 ? 'error' : 'good');
      }),
    );
  });
});

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

describe('notModifiedBodyRule', () => {
  const the200 = response(200, [['Content-Length', '100']]);
  it('is good for a bodiless 304, with or without the 200\'s Content-Length', () => {
    expect(notModifiedBodyRule(response(304, []), the200).map((f) => f.level)).toEqual(['good']);
    expect(notModifiedBodyRule(response(304, [['Content-Length', '100']]), the200).map((f) => f.level)).toEqual(['good']);
  });
  it('is an error for a 304 with a body, or a Content-Length the 200 did not have', () => {
    expect(notModifiedBodyRule(response(304, [], 5), the200).map((f) => [f.rule, f.level, f.cite])).toEqual([['not-modified-body', 'error', 'RFC 9110, 15.4.5']]);
    expect(notModifiedBodyRule(response(304, [['Content-Length', '0']]), the200).map((f) => [f.rule, f.level, f.cite])).toEqual([
      ['not-modified-content-length', 'error', 'RFC 9110, 8.6'],
    ]);
  });
  it('says nothing about a 200', () => {
    expect(notModifiedBodyRule(the200, undefined)).toEqual([]);
  });
});

describe('checkResponse', () => {
  it('runs every rule: the seed-like 304 that forgot its ETag', () => {
    const the200 = response(200, [['ETag', '"a"'], ['Last-Modified', EARLIER], ['Date', DATE]]);
    const the304 = response(304, [['Date', DATE]]);
    const rules = checkResponse(the304, the200).map((f) => `${f.rule} ${f.level}`);
    expect(rules).toEqual(['not-modified-repeats error', 'not-modified-body good']);
    expect(checkResponse(the200).map((f) => `${f.rule} ${f.level}`)).toEqual([
      'validators-etag good',
      'validators-last-modified good',
      'etag-syntax good',
      'last-modified-date good',
    ]);
  });
  it('every finding cites an RFC section and has a level in words (property)', () => {
    const header = fc.tuple(fc.constantFrom('ETag', 'Last-Modified', 'Date', 'Vary', 'Content-Length', 'Cache-Control'), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.constantFrom(200, 304, 404), fc.array(header, { maxLength: 6 }), fc.nat(10), (status, headers, body) => {
        for (const f of checkResponse(response(status, headers, body), response(200, headers))) {
          expect(f.cite).toMatch(/^RFC 911[01], \d/);
          expect(['good', 'info', 'warning', 'error']).toContain(f.level);
        }
      }),
    );
  });
});

describe('previous200For', () => {
  const ex = (id: number, status: number, path = '/a', stage = 's', method = 'GET') => ({ ...response(status, []), id, stage, path, method });
  it('finds the last GET 200 of the same stage and path before the exchange', () => {
    const log = [ex(1, 200), ex(2, 200, '/b'), ex(3, 200, '/a', 'other'), ex(4, 200, '/a', 's', 'HEAD'), ex(5, 304), ex(6, 200)];
    expect(previous200For(log[4]!, log)?.id).toBe(1);
    expect(previous200For(ex(1, 304), log)).toBeUndefined();
  });
});
