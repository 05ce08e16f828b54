import { describe, expect, it } from 'vitest';
import { STAGES } from '../server/stages';
import { COMING, comingChapters } from './coming';

describe('the chapters still to come', () => {
  it('drops an entry once a chapter uses its stage', () => {
    expect(comingChapters([]).map((c) => c.stage)).toEqual(COMING.map((c) => c.stage));
    expect(comingChapters(['etag', 'no-cache']).some((c) => c.stage === 'etag')).toBe(false);
    expect(comingChapters(['etag']).length).toBe(COMING.length - 1);
  });

  it('has unique stages, none of them a stage the server already has', () => {
    const stages = COMING.map((c) => c.stage);
    expect(new Set(stages).size).toBe(stages.length);
    // A stage that exists belongs to a chapter (or is about to): then it is no longer "coming".
    expect(stages.filter((s) => STAGES.some((st) => st.slug === s))).toEqual([]);
  });
});
