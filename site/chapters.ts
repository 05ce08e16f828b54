// The course's chapters, found at build time: every `chapters/NN-slug.mdx` (ordered by NN) and,
// when it exists, its `chapters/NN-slug.tasks.ts`. Adding a chapter is dropping those files in
// (see docs/adding-a-chapter.md); nothing here needs to change.
import { buildChapters, type Chapter, type MdxModule, type TasksModule } from './chapter-list';

export { chapterStages, type Chapter } from './chapter-list';

export const chapters: Chapter[] = buildChapters(
  import.meta.glob<MdxModule>('../chapters/*.mdx', { eager: true }),
  import.meta.glob<TasksModule>('../chapters/*.tasks.ts', { eager: true }),
);

