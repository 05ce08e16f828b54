// The course's own chapters, read as the build reads them: a malformed chapter, a broken tasks
// file or a stage the server does not have fails here, not as a blank page in a learner's browser.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../server/stages';
import { chapterStages } from './chapter-list';
import { chapterList } from './vite/chapters-plugin';

const root = path.resolve(import.meta.dirname, '..');

describe("the course's own chapters", async () => {
  const chapters = await chapterList(root);

  it('are found, in order, with their tasks', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(2);
    expect(chapters.map((c) => c.number)).toEqual([...chapters.map((c) => c.number)].sort((a, b) => a - b));
    expect(chapters.some((c) => c.taskIds.length > 0)).toBe(true);
  });

  it.each(chapters.map((c) => [c.slug, c] as const))('%s talks only to stages the server has', (_, chapter) => {
    const known = STAGES.map((s) => s.slug);
    for (const stage of chapterStages(chapter)) expect(known, `${chapter.slug} uses stage ${stage}`).toContain(stage);
  });
});

describe('chapterStages', () => {
  it('is the stage, then the compared stage when there is one', () => {
    expect(chapterStages({ stage: 'a' })).toEqual(['a']);
    expect(chapterStages({ stage: 'a', compare: 'seed' })).toEqual(['a', 'seed']);
  });
});
