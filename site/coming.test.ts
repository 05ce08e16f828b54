import { describe, expect, it } from 'vitest';
import { STAGES } from '../server/stages';
import { COMING, comingChapters } from './coming';

describe('the chapters still to come', () => {
  it('drops an entry once a chapter uses its stage', () => {
    expect(comingChapters([]).map((c) => c.stage)).toEqual(COMING.map((c) => c.stage));
    const next = COMING[COMING.length - 1]!.stage; // one still to come, whichever chapters have landed
    expect(comingChapters([next, 'no-cache']).some((c) => c.stage === next)).toBe(false);
    expect(comingChapters([next]).length).toBe(COMING.length - 1);
  });

  it('has unique stages, none of them a stage the server already has', () => {
    const stages = COMING.map((c) => c.stage);
    expect(new Set(stages).size).toBe(stages.length);
    // A stage that exists belongs to a chapter (or is about to): then it is no longer "coming".
    expect(stages.filter((s) => STAGES.some((st) => st.slug === s))).toEqual([]);
  });
});
