import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkResponse, previous200For } from './index';
import { response, DATE, EARLIER } from '../testing/checked-response';

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
