import { describe, expect, it } from 'vitest';
import { ChapterError, checkFrontmatter, checkTasksModule, findChapters, frontmatterOf } from './chapter-sources';
import { chapterText, GOOD_FRONTMATTER, withProject } from './testing/temp-project';

const frontmatter = chapterText;
const good = GOOD_FRONTMATTER;

/** The problems findChapters reports for a project, or [] when there are none. */
function problemsOf(root: string): string[] {
  try {
    findChapters(root);
    return [];
  } catch (error) {
    if (error instanceof ChapterError) return error.problems;
    throw error;
  }
}

describe('frontmatterOf', () => {
  it('reads the YAML between the first two --- lines, CRLF too', () => {
    expect(frontmatterOf('---\ntitle: a\n---\nbody')).toEqual({ title: 'a' });
    expect(frontmatterOf('---\r\ntitle: a\r\n---\r\nbody')).toEqual({ title: 'a' });
    expect(frontmatterOf('---\n---\nbody')).toEqual({});
    expect(frontmatterOf('no front matter')).toBeUndefined();
  });
});

describe('checkFrontmatter', () => {
  it('accepts the fields, compare optional', () => {
    expect(checkFrontmatter(good)).toEqual({ data: good });
    expect(checkFrontmatter({ ...good, compare: 'seed' })).toEqual({ data: { ...good, compare: 'seed' } });
  });

  it('names an unknown field, a missing one and an empty one', () => {
    expect(checkFrontmatter({ ...good, sumary: 'typo' })).toEqual({
      problems: ['"sumary": unknown field; the fields are title, part, stage, compare, summary'],
    });
    expect(checkFrontmatter({ ...good, slug: 'x' })).toEqual({
      problems: [expect.stringMatching(/^"slug": unknown field \(the folder name gives the slug\)/)],
    });
    const { part: _, ...withoutPart } = good;
    expect(checkFrontmatter(withoutPart)).toEqual({ problems: ['"part": missing'] });
    expect(checkFrontmatter({ ...good, compare: ' ' })).toEqual({ problems: ['"compare": must be a non-empty string'] });
    expect(checkFrontmatter({ ...good, title: 3 })).toEqual({ problems: [expect.stringMatching(/^"title": .*expected string/)] });
    expect(checkFrontmatter(undefined)).toEqual({ problems: [expect.stringMatching(/^no front matter/)] });
  });
});

describe('findChapters', () => {
  it('takes number and slug from the folder name, orders by number, and finds tasks.ts beside index.mdx', () =>
    withProject(
      {
        'chapters/10-ten/index.mdx': frontmatter(good),
        'chapters/02-two/index.mdx': frontmatter({ ...good, compare: 'seed' }),
        'chapters/02-two/tasks.ts': 'export const tasks = [];',
        'chapters/02-two/tasks.test.ts': '',
        'chapters/02-two/diagram.svg': '<svg/>',
        'chapters/README.txt': 'notes are fine',
      },
      (root) => {
        const chapters = findChapters(root);
        expect(chapters.map((c) => [c.number, c.slug, c.dir])).toEqual([
          [2, 'two', 'chapters/02-two'],
          [10, 'ten', 'chapters/10-ten'],
        ]);
        expect(chapters[0]).toMatchObject({ ...good, compare: 'seed', textFile: 'chapters/02-two/index.mdx', tasksFile: 'chapters/02-two/tasks.ts' });
        expect(chapters[1]?.tasksFile).toBeUndefined();
        expect(chapters[1]?.compare).toBeUndefined();
      },
    ));

  it('fails on an unknown or missing front-matter field, naming the file and the field', () =>
    withProject(
      {
        'chapters/01-a/index.mdx': frontmatter({ ...good, colour: 'red' }),
        'chapters/02-b/index.mdx': frontmatter({ title: 'B', stage: 's', summary: 'S' }),
      },
      (root) => {
        expect(() => findChapters(root)).toThrow(ChapterError);
        expect(problemsOf(root)).toEqual([
          'chapters/01-a/index.mdx: front matter "colour": unknown field; the fields are title, part, stage, compare, summary',
          'chapters/02-b/index.mdx: front matter "part": missing',
        ]);
      },
    ));

  it('fails on a stray tasks file: beside no chapter, misnamed, or in the old layout', () =>
    withProject(
      {
        'chapters/01-a/index.mdx': frontmatter(good),
        'chapters/01-a/task.ts': 'export const tasks = [];',
        'chapters/02-b/tasks.ts': 'export const tasks = [];',
        'chapters/03-c.tasks.ts': 'export const tasks = [];',
      },
      (root) => {
        expect(problemsOf(root)).toEqual([
          'chapters/01-a/task.ts: not a chapter file; a chapter folder holds index.mdx, tasks.ts and *.test.ts',
          'chapters/02-b/index.mdx: missing (every chapter folder needs one; its tasks.ts has no chapter)',
          expect.stringMatching(/^chapters\/03-c\.tasks\.ts: not in a chapter folder/),
        ]);
      },
    ));

  it('fails on a badly named folder, and on a number or a slug used twice', () =>
    withProject(
      {
        'chapters/intro/index.mdx': frontmatter(good),
        'chapters/03-Caps/index.mdx': frontmatter(good),
        'chapters/01-a/index.mdx': frontmatter(good),
        'chapters/01-b/index.mdx': frontmatter(good),
        'chapters/02-a/index.mdx': frontmatter(good),
      },
      (root) => {
        expect(problemsOf(root)).toEqual([
          expect.stringMatching(/^chapters\/03-Caps: a chapter folder is named NN-slug/),
          expect.stringMatching(/^chapters\/intro: a chapter folder is named NN-slug/),
          'chapters/01-b: same number as chapters/01-a',
          'chapters/02-a: same slug as chapters/01-a',
        ]);
      },
    ));
});

describe('checkTasksModule', () => {
  const task = { id: 'a', text: 'Do it.', check: () => true };

  it('returns the ids of well-formed tasks', () => {
    expect(checkTasksModule({ tasks: [task, { ...task, id: 'b', hint: 'h' }] })).toEqual({ ids: ['a', 'b'] });
  });

  it('names what is wrong: no export, a bad task, an id used twice', () => {
    expect(checkTasksModule({ default: [task] })).toEqual({ problems: [expect.stringMatching(/^tasks: not exported/)] });
    expect(checkTasksModule({ tasks: [{ ...task, check: 'yes' }, { id: 'b', text: 'x', check: () => true, hnit: 'typo' }] })).toEqual({
      problems: ['tasks[0].check: must be a function', 'tasks[1]: unknown field "hnit"'],
    });
    expect(checkTasksModule({ tasks: [task, task] })).toEqual({ problems: ['tasks: the id "a" is used twice (progress is stored by id)'] });
  });
});
