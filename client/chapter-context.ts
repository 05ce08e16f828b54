// Which chapter the MDX components are in: <Tasks />, <Playground /> and the log need its slug,
// its stages and its tasks. The site's chapter page provides it.
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
