// The table of contents' logic, kept apart from React so it is tested on its own: chapters grouped
// by their part, and how many of a chapter's tasks are done.
import type { Chapter } from './chapter-list';
import type { Progress } from './progress';

/** What the table of contents needs of a chapter. */
export type TocChapter = Pick<Chapter, 'slug' | 'title' | 'number' | 'part' | 'taskIds'>;

export interface Part<C> {
  name: string;
  chapters: C[];
}

/**
 * Chapters grouped by `part`. Parts come in the order of their first chapter; within a part,
 * chapters keep the order they are given in (by number).
 */
export function groupByPart<C extends Pick<Chapter, 'part'>>(chapters: readonly C[]): Part<C>[] {
  const parts = new Map<string, C[]>();
  for (const chapter of chapters) {
    const list = parts.get(chapter.part);
    if (list) list.push(chapter);
    else parts.set(chapter.part, [chapter]);
  }
  return [...parts].map(([name, list]) => ({ name, chapters: list }));
}

/** Done tasks of a chapter out of its tasks (stored ids of tasks that no longer exist do not count). */
export function tasksDone(chapter: Pick<Chapter, 'slug' | 'taskIds'>, progress: Progress): { done: number; total: number } {
  const stored = progress[chapter.slug] ?? [];
  return { done: chapter.taskIds.filter((id) => stored.includes(id)).length, total: chapter.taskIds.length };
}
