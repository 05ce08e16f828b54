import { describe, expect, it } from 'vitest';
import { fieldValue } from './finding';

describe('fieldValue', () => {
  it('finds a field whatever its case, and joins several lines with ", "', () => {
    expect(fieldValue([['vary', 'Accept'], ['VARY', 'Cookie']], 'Vary')).toBe('Accept, Cookie');
    expect(fieldValue([], 'Vary')).toBeUndefined();
  });
});
