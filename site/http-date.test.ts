import { describe, expect, it } from 'vitest';
import { formatHttpDate, isHttpDate } from './http-date';

describe('formatHttpDate', () => {
  it('writes IMF-fixdate in GMT', () => {
    expect(formatHttpDate(new Date(Date.UTC(2026, 10, 25, 18, 0, 0)))).toBe('Wed, 25 Nov 2026 18:00:00 GMT');
    expect(formatHttpDate(new Date(Date.UTC(2026, 0, 5, 3, 4, 5)))).toBe('Mon, 05 Jan 2026 03:04:05 GMT');
  });
});

describe('isHttpDate', () => {
  it('accepts the three forms', () => {
    expect(isHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(true);
    expect(isHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(true);
    expect(isHttpDate('Sun Nov  6 08:49:37 1994')).toBe(true);
  });

  it('rejects garbage and near misses', () => {
    expect(isHttpDate('garbage')).toBe(false);
    expect(isHttpDate('Sun, 06 Nov 1994 08:49:37 UTC')).toBe(false);
    expect(isHttpDate('2026-11-25T18:00:00Z')).toBe(false);
    expect(isHttpDate('')).toBe(false);
  });
});
