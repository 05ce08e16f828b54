// Node side of the chapters: find them in chapters/, read and check their front matter. Used by the
// Vite plugins (site/vite/chapters-plugin.ts, routes-plugin.ts) and by the tests, so that the site,
// the build and the tests all agree on what a chapter is.
//
// A chapter is a folder `chapters/NN-slug/`:
//   index.mdx   required: front matter (checked by FRONTMATTER below), then the text
//   tasks.ts    optional: `export const tasks: Task[]`, the "Try this" list
//   *.test.ts   optional: tests of the tasks
// The folder name gives the chapter's number (NN, the order) and its slug (the URL /chapters/slug).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runnerImport } from 'vite';
import { parse } from 'yaml';
import { z } from 'zod';

export const CHAPTERS_FOLDER = 'chapters';

/** `NN-slug`: digits, a dash, then lower-case words joined by dashes. */
const FOLDER_NAME = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Files a chapter folder may hold. Anything else that is code is probably misnamed, so it is an error. */
const CHAPTER_FILES = { text: 'index.mdx', tasks: 'tasks.ts' } as const;
const isTest = (name: string) => /\.test\.tsx?$/.test(name);
const isCode = (name: string) => /\.(mdx?|[cm]?[jt]sx?)$/.test(name);

const text = z.string().trim().min(1, 'must be a non-empty string');

/**
 * The front matter of `index.mdx`. Strict: an unknown key (a typo such as `sumary`, or `slug`,
 * which the folder name gives) is an error, so nothing is silently ignored.
 */
export const FRONTMATTER = z.strictObject({
  /** The chapter's title, in the navigation and at the top of its page. */
  title: text,
  /** The part of the course it belongs to, e.g. "Validators" (the table of contents groups by it). */
  part: text,
  /** The server stage its playground, demo and tasks use (registered in server/stages/index.ts). */
  stage: text,
  /** Optional: a second stage the playground can switch to, e.g. "seed". */
  compare: text.optional(),
  /** One line for the home page. */
  summary: text,
});

export type Frontmatter = z.infer<typeof FRONTMATTER>;

/** A chapter as found on disk, with its front matter checked. */
export interface ChapterSource extends Frontmatter {
  number: number;
  slug: string;
  /** The folder, relative to the root, e.g. "chapters/01-no-cache". */
  dir: string;
  /** `${dir}/index.mdx` */
  textFile: string;
  /** `${dir}/tasks.ts`, when the chapter has tasks. */
  tasksFile?: string;
}

/** Everything wrong with the chapters, one line each, each naming the file (and the field). */
export class ChapterError extends Error {
  constructor(readonly problems: string[]) {
    super(`The chapters have problems:\n  ${problems.join('\n  ')}`);
  }
}

/** The front matter of an MDX file: the YAML between the first two `---` lines, or undefined. */
export function frontmatterOf(source: string): unknown {
  const block = /^---\r?\n(?:([\s\S]*?)\r?\n)?---(?:\r?\n|$)/.exec(source);
  return block ? (parse(block[1] ?? '') ?? {}) : undefined;
}

/** Checks front matter; returns it, or the problems as "field: what is wrong". */
export function checkFrontmatter(value: unknown): { data: Frontmatter } | { problems: string[] } {
  if (value === undefined) return { problems: ['no front matter (a --- block at the top, see docs/adding-a-chapter.md)'] };
  const result = FRONTMATTER.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data };
  return {
    problems: result.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const hint = (key: string) => (key === 'slug' ? ' (the folder name gives the slug)' : '');
        return issue.keys.map((key) => `"${key}": unknown field${hint(key)}; the fields are ${Object.keys(FRONTMATTER.shape).join(', ')}`);
      }
      const field = issue.path.join('.') || '(front matter)';
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      return [`"${field}": ${missing ? 'missing' : issue.message}`];
    }),
  };
}

/**
 * Every chapter under `root/chapters`, ordered by number. Throws a ChapterError listing every
 * problem (bad names, stray files, front matter, duplicates) rather than leaving a chapter out.
 */
export function findChapters(root: string): ChapterSource[] {
  const folder = path.join(root, CHAPTERS_FOLDER);
  if (!existsSync(folder)) return [];
  const problems: string[] = [];
  const chapters: ChapterSource[] = [];

  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = `${CHAPTERS_FOLDER}/${entry.name}`;
    if (!entry.isDirectory()) {
      // e.g. the old layout (chapters/03-x.mdx, chapters/03-x.tasks.ts), or a tasks file left behind.
      if (isCode(entry.name)) problems.push(`${dir}: not in a chapter folder; a chapter is a folder chapters/NN-slug/ with index.mdx (and tasks.ts)`);
      continue;
    }
    const name = FOLDER_NAME.exec(entry.name);
    if (!name) {
      problems.push(`${dir}: a chapter folder is named NN-slug (e.g. 03-echoed-date: digits, a dash, lower-case words)`);
      continue;
    }
    const files = readdirSync(path.join(folder, entry.name));
    for (const file of files) {
      if (isCode(file) && !isTest(file) && !Object.values(CHAPTER_FILES).includes(file as never)) {
        problems.push(`${dir}/${file}: not a chapter file; a chapter folder holds index.mdx, tasks.ts and *.test.ts`);
      }
    }
    const textFile = `${dir}/${CHAPTER_FILES.text}`;
    if (!files.includes(CHAPTER_FILES.text)) {
      problems.push(`${textFile}: missing (every chapter folder needs one${files.includes(CHAPTER_FILES.tasks) ? '; its tasks.ts has no chapter' : ''})`);
      continue;
    }
    const checked = checkFrontmatter(frontmatterOf(readFileSync(path.join(root, textFile), 'utf8')));
    if ('problems' in checked) {
      problems.push(...checked.problems.map((p) => `${textFile}: front matter ${p}`));
      continue;
    }
    chapters.push({
      number: Number(name[1]),
      slug: name[2]!,
      dir,
      textFile,
      tasksFile: files.includes(CHAPTER_FILES.tasks) ? `${dir}/${CHAPTER_FILES.tasks}` : undefined,
      ...checked.data,
    });
  }

  // Two chapters with one number would have no order, and two with one slug one URL.
  for (const key of ['number', 'slug'] as const) {
    const seen = new Map<unknown, string>();
    for (const c of chapters) {
      const other = seen.get(c[key]);
      if (other) problems.push(`${c.dir}: same ${key} as ${other}`);
      seen.set(c[key], c.dir);
    }
  }
  if (problems.length > 0) throw new ChapterError(problems);
  return chapters.sort((a, b) => a.number - b.number);
}

const TASK = z.strictObject({
  id: text,
  text,
  hint: text.optional(),
  accepts: z.enum(['playground', 'browser']).optional(),
  check: z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function'),
});
const TASKS_MODULE = z.object({ tasks: z.array(TASK) });

/** Checks what a tasks.ts exports; returns the task ids, or the problems as "where: what is wrong". */
export function checkTasksModule(module: unknown): { ids: string[] } | { problems: string[] } {
  if (typeof module !== 'object' || module === null || !('tasks' in module)) {
    return { problems: ['tasks: not exported; a tasks file says `export const tasks: Task[] = [ … ]`'] };
  }
  const result = TASKS_MODULE.safeParse(module, { reportInput: true });
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => {
        const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').slice(1);
        if (issue.code === 'unrecognized_keys') return `${where}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
        return `${where}: ${issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue.message}`;
      }),
    };
  }
  const ids = result.data.tasks.map((t) => t.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) return { problems: twice.map((id) => `tasks: the id "${id}" is used twice (progress is stored by id)`) };
  return { ids };
}

/**
 * The ids of a chapter's tasks, read by running its tasks.ts in Node at build time (so the home
 * page can show "2/4 tasks" without loading the chapter). Throws a ChapterError naming the file
 * when the module does not load or does not export a well-formed `tasks` list.
 */
export async function loadTaskIds(root: string, chapter: ChapterSource): Promise<string[]> {
  if (!chapter.tasksFile) return [];
  // Vite's module runner: TypeScript, the project's own resolution, a fresh copy each time (so the
  // dev server sees edits).
  let loaded;
  try {
    loaded = await runnerImport<unknown>(path.join(root, chapter.tasksFile), { root, configFile: false, logLevel: 'silent' });
  } catch (error) {
    throw new ChapterError([`${chapter.tasksFile}: does not load: ${(error as Error).message}`]);
  }
  const checked = checkTasksModule(loaded.module);
  if ('problems' in checked) throw new ChapterError(checked.problems.map((p) => `${chapter.tasksFile}: ${p}`));
  return checked.ids;
}
