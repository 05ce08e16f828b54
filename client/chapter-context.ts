// Which chapter the MDX components are in: <Tasks />, <Playground /> and the log need its slug,
// its stages and its tasks. The site's chapter page provides it, so a chapter writes
// <Playground /> rather than repeating its stage.
import { createContext, useContext } from 'react';
import type { Task } from './task-helpers';

export interface ChapterInfo {
  slug: string;
  /** The server stage the chapter's playground and demo talk to, e.g. "last-modified". */
  stage: string;
  /** Optional second stage to compare against, e.g. "seed". */
  compare?: string;
  tasks: Task[];
}

export const ChapterContext = createContext<ChapterInfo | undefined>(undefined);

export function useChapter(): ChapterInfo | undefined {
  return useContext(ChapterContext);
}

/**
 * The stage a component talks to: its `stage` prop when given, else the chapter's `stage`.
 * Throws (naming the component) when there is neither, e.g. a component used outside a chapter.
 */
export function useStage(stage: string | undefined, component: string): string {
  const chapter = useChapter();
  const chosen = stage ?? chapter?.stage;
  if (!chosen) throw new Error(`<${component} /> needs a stage="…" when it is not inside a chapter`);
  return chosen;
}
