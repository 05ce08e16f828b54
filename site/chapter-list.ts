// What a chapter is, and how the list is built from the files found by site/chapters.ts.
// Kept apart from the import.meta.glob so it can be tested without compiling MDX.
import type { ComponentType } from 'react';
import type { Task } from '../client/task-helpers';

/** Front matter every chapter declares (YAML between `---` lines at the top of the MDX). */
export interface ChapterFrontmatter {
  slug: string;
  title: string;
  /** The server stage the chapter's playground and demo talk to, e.g. "last-modified". */
  stage: string;
  /** Optional second stage to compare against, e.g. "seed". */
  compare?: string;
  /** One line for the home page. */
  summary: string;
  /** The part of the course it belongs to, e.g. "Validators": the navigation groups chapters by it. */
  part: string;
}

export interface Chapter extends ChapterFrontmatter {
  /** The NN prefix of the file name. */
  number: number;
  /** The MDX content; render it with the course's components (see site/mdx-components.tsx). */
  Content: ComponentType<{ components?: Record<string, unknown> }>;
  tasks: Task[];
}

export interface MdxModule {
  default: Chapter['Content'];
  frontmatter?: Record<string, unknown>;
}

export interface TasksModule {
  tasks?: Task[];
}

/**
 * Builds the ordered chapter list from the two globs (keys are file paths). Pure, so it is tested
 * without MDX; throws with the file name when a chapter is malformed, because a broken chapter
 * should be noticed by its author, not hidden.
 */
export function buildChapters(mdx: Record<string, MdxModule>, tasks: Record<string, TasksModule>): Chapter[] {
  const chapters = Object.entries(mdx).map(([file, module]) => {
    const name = /(\d+)-([^/]+)\.mdx$/.exec(file);
    if (!name) throw new Error(`${file}: chapter files are named NN-slug.mdx`);
    const fm = module.frontmatter ?? {};
    for (const key of ['slug', 'title', 'stage', 'summary', 'part'] as const) {
      if (typeof fm[key] !== 'string' || fm[key] === '') throw new Error(`${file}: front matter needs "${key}"`);
    }
    const tasksFile = file.replace(/\.mdx$/, '.tasks.ts');
    const chapter: Chapter = {
      number: Number(name[1]),
      slug: fm.slug as string,
      title: fm.title as string,
      stage: fm.stage as string,
      compare: typeof fm.compare === 'string' && fm.compare !== '' ? fm.compare : undefined,
      summary: fm.summary as string,
      part: fm.part as string,
      Content: module.default,
      tasks: tasks[tasksFile]?.tasks ?? [],
    };
    return chapter;
  });
  chapters.sort((a, b) => a.number - b.number);
  const slugs = new Set<string>();
  for (const c of chapters) {
    if (slugs.has(c.slug)) throw new Error(`two chapters have the slug "${c.slug}"`);
    slugs.add(c.slug);
  }
  return chapters;
}

/** The stages a chapter's tasks and log look at: its own, then the one it compares with. */
export function chapterStages(chapter: Pick<Chapter, 'stage' | 'compare'>): string[] {
  return chapter.compare ? [chapter.stage, chapter.compare] : [chapter.stage];
}
