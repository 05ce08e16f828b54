import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastModifiedRule } from './last-modified-rule';
import { response, NOW, DATE, EARLIER } from '../testing/checked-response';
import { formatHttpDate } from '../../server/http/http-date';

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
