// Which chapter the MDX components are in: <Tasks />, <Playground /> and the log need its slug and stages.
import { createContext, useContext } from 'react';
import type { Chapter } from './chapter-list';

export type ChapterInfo = Pick<Chapter, 'slug' | 'stage' | 'compare' | 'tasks'>;

export const ChapterContext = createContext<ChapterInfo | undefined>(undefined);

export function useChapter(): ChapterInfo | undefined {
  return useContext(ChapterContext);
}
