// The chapters plugin as Vite drives it: the list module, each chapter's module, and what a
// malformed chapter does to `vite build` (fails, naming the file and the field) and to the dev
// server (the page shows the same message).
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { chapterModuleId, courseChapters } from './chapters-plugin';
import { chapterText, GOOD_FRONTMATTER, withProject } from './testing/temp-project';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

/** Calls the plugin's hooks the way Vite does, with just enough of a plugin context. */
function drive(root: string, command: 'build' | 'serve') {
  const plugin: Plugin = courseChapters();
  (plugin.configResolved as Hook).call({}, { root, command });
  const warnings: string[] = [];
  const context = {
    warn: (message: string) => warnings.push(message),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  // A hook is a function, or { filter, handler }.
  const hook = (h: unknown) => (typeof h === 'function' ? h : (h as { handler: Hook }).handler) as Hook;
  const load = (id: string) => hook(plugin.load).call(context, hook(plugin.resolveId).call(context, id)) as Promise<string>;
  return { load, warnings };
}

const broken = {
  'chapters/01-a/index.mdx': chapterText({ ...GOOD_FRONTMATTER, colour: 'red' }),
  'chapters/02-b/index.mdx': chapterText({ title: 'B', part: 'P', stage: 's' }),
};

describe('courseChapters', () => {
  it('makes the list from the folders, and one module per chapter with its text and tasks', () =>
    withProject(
      {
        'chapters/02-two/index.mdx': chapterText({ ...GOOD_FRONTMATTER, compare: 'seed' }),
        'chapters/02-two/tasks.ts': "export const tasks = [{ id: 'x', text: 'X.', check: () => true }];",
        'chapters/01-one/index.mdx': chapterText(GOOD_FRONTMATTER),
      },
      async (root) => {
        const { load } = drive(root, 'build');
        const list = await load('virtual:chapters');
        const chapters = JSON.parse(/export const chapters = (\[[\s\S]*?\n\]);/.exec(list)![1]!);
        expect(chapters).toEqual([
          { number: 1, slug: 'one', ...GOOD_FRONTMATTER, textFile: 'chapters/01-one/index.mdx', taskIds: [] },
          { number: 2, slug: 'two', ...GOOD_FRONTMATTER, compare: 'seed', textFile: 'chapters/02-two/index.mdx', taskIds: ['x'] },
        ]);
        expect(list).toContain(`"two": () => import("virtual:chapter/two")`);
        expect(chapterModuleId('two')).toBe('\0virtual:chapter/two');
        expect(await load('virtual:chapter/two')).toBe(
          'export { default as Content } from "/chapters/02-two/index.mdx";\nexport { tasks } from "/chapters/02-two/tasks.ts";',
        );
        expect(await load('virtual:chapter/one')).toContain('export const tasks = [];');
      },
    ));

  it('fails the build on malformed front matter, naming each file and field', () =>
    withProject(broken, async (root) => {
      const error = await drive(root, 'build').load('virtual:chapters').catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain('chapters/01-a/index.mdx: front matter "colour": unknown field');
      expect((error as Error).message).toContain('chapters/02-b/index.mdx: front matter "summary": missing');
    }));

  it('fails the build on a tasks file that does not export tasks', () =>
    withProject(
      {
        'chapters/01-a/index.mdx': chapterText(GOOD_FRONTMATTER),
        'chapters/01-a/tasks.ts': "export default [{ id: 'x', text: 'X.', check: () => true }];",
      },
      async (root) => {
        await expect(drive(root, 'build').load('virtual:chapters')).rejects.toThrow(/chapters\/01-a\/tasks\.ts: tasks: not exported/);
      },
    ));

  it('in the dev server, serves a module that throws the same message (the page shows it), and warns', () =>
    withProject(broken, async (root) => {
      const { load, warnings } = drive(root, 'serve');
      const code = await load('virtual:chapters');
      expect(code).toMatch(/^export const chapters = \[\];\nexport const loaders = \{\};\nthrow new Error\(/);
      expect(() => new Function(code.replace(/^export /gm, ''))()).toThrow(/chapters\/01-a\/index\.mdx: front matter "colour": unknown field/);
      expect(warnings.join('\n')).toContain('chapters/02-b/index.mdx: front matter "summary": missing');
    }));
});
