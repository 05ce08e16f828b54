import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEARNER_COOKIE } from '../common/exchange';
import { hasCourseTags, takeCourseTags } from './course-tags';

describe('takeCourseTags', () => {
  it('takes the learner and chapter headers off, keeping the other fields in order and case', () => {
    const tags = takeCourseTags([
      ['Host', 'x'],
      ['X-Cachecraft-Learner', 'abc-123'],
      ['If-Modified-Since', 'Tue, 24 Nov 2026 10:00:00 GMT'],
      ['x-cachecraft-chapter', 'no-cache'],
    ]);
    expect(tags).toEqual({
      headers: [
        ['Host', 'x'],
        ['If-Modified-Since', 'Tue, 24 Nov 2026 10:00:00 GMT'],
      ],
      learner: 'abc-123',
      chapter: 'no-cache',
      changed: true,
    });
  });

  it('reads the learner cookie, keeps the other cookies, and drops an emptied Cookie field', () => {
    expect(takeCourseTags([['Cookie', 'a=1; cachecraft-learner=L1; b=2']])).toEqual({
      headers: [['Cookie', 'a=1; b=2']],
      learner: 'L1',
      chapter: undefined,
      changed: true,
    });
    expect(takeCourseTags([['cookie', 'cachecraft-learner=L1']]).headers).toEqual([]);
    // The header wins over the cookie.
    expect(takeCourseTags([['Cookie', 'cachecraft-learner=C'], ['X-Cachecraft-Learner', 'H']]).learner).toBe('H');
  });

  it('drops values that are not ids, but still takes them off', () => {
    const tags = takeCourseTags([['X-Cachecraft-Learner', '<script>'], ['X-Cachecraft-Chapter', 'a b']]);
    expect(tags).toEqual({ headers: [], learner: undefined, chapter: undefined, changed: true });
  });

  it('changes nothing on a request without tags', () => {
    const fields: [string, string][] = [['Accept', '*/*'], ['Cookie', 'other=1']];
    expect(takeCourseTags(fields)).toEqual({ headers: fields, learner: undefined, chapter: undefined, changed: false });
  });
});

describe('hasCourseTags', () => {
  it('says yes exactly when takeCourseTags would take something off', () => {
    const name = fc.constantFrom('X-Cachecraft-Learner', 'x-cachecraft-chapter', 'X-CACHECRAFT-CHAPTER', 'Cookie', 'cookie', 'Accept', 'X-Cachecraft-Learners', 'Host', 'If-None-Match');
    const value = fc.constantFrom('a', `${LEARNER_COOKIE}=abc`, `x=1; ${LEARNER_COOKIE}=abc`, 'x=1', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 6 }), (fields) => {
        const raw = fields.flat();
        return hasCourseTags(raw) === takeCourseTags(fields).changed;
      }),
      { numRuns: 2000 },
    );
  });
});
