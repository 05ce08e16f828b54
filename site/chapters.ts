// The course's chapters: every folder chapters/NN-slug/ (ordered by NN), found at build time by
// site/vite/chapters-plugin.ts. Adding a chapter is adding such a folder (docs/adding-a-chapter.md);
// nothing here needs to change.
//
// `chapters` is the metadata every page needs (home page, navigation): small, loaded with the
// site. A chapter's text and tasks load only when its page opens, one chunk per chapter.
import { chapters as found, loaders } from 'virtual:chapters';
import type { Chapter, ChapterModule } from './chapter-list';

export { chapterStages, type Chapter, type ChapterModule } from './chapter-list';

export const chapters: Chapter[] = found;

/** Loads a chapter's text and tasks; undefined for a slug that is not a chapter. */
export async function loadChapter(slug: string | undefined): Promise<ChapterModule | undefined> {
  const load = slug === undefined ? undefined : loaders[slug];
  return load ? await load() : undefined;
}
