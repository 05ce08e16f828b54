// What a chapter is, on the browser side. The list itself comes from `virtual:chapters`, made at
// build time by site/vite/chapters-plugin.ts from the folders in chapters/ (see site/chapters.ts).
import type { ComponentType } from 'react';
import type { Task } from '../client/task-helpers';

/**
 * What every page knows about every chapter without loading it: enough for the home page and the
 * navigation. `number` and `slug` come from the folder name (chapters/NN-slug/), the rest from the
 * front matter of its index.mdx, checked at build time.
 */
export interface Chapter {
  /** The NN of the folder name: the order of the chapters. */
  number: number;
  /** The rest of the folder name: the URL, /chapters/<slug>. */
  slug: string;
  title: string;
  /** The part of the course it belongs to, e.g. "Validators". */
  part: string;
  /** One line for the home page. */
  summary: string;
  /** The server stage the chapter's playground, demo and tasks use, e.g. "last-modified". */
  stage: string;
  /** Optional second stage to compare against, e.g. "seed". */
  compare?: string;
  /** Its text, from the repository root: "chapters/NN-slug/index.mdx" (opened in StackBlitz). */
  textFile: string;
  /** The ids of its tasks (for progress on the home page; the tasks themselves load with the chapter). */
  taskIds: string[];
}

/** What loads when a chapter's page opens: one chunk per chapter. */
export interface ChapterModule {
  /** The MDX text; render it with the course's components (see site/mdx-components.tsx). */
  Content: ComponentType<{ components?: Record<string, unknown> }>;
  /** From the chapter's tasks.ts; empty when it has none. */
  tasks: Task[];
}

/** The stages a chapter's tasks and log look at: its own, then the one it compares with. */
export function chapterStages(chapter: Pick<Chapter, 'stage' | 'compare'>): string[] {
  return chapter.compare ? [chapter.stage, chapter.compare] : [chapter.stage];
}
