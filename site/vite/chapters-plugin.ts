// Vite plugin: `import { chapters, loaders } from 'virtual:chapters'` (see site/chapters.ts).
//
// - `chapters`: what the home page and the navigation need about every chapter (number, slug,
//   title, part, summary, stages, task ids), read from chapters/NN-slug/ at build time. Tiny, so
//   every page has it without loading any chapter.
// - `loaders[slug]()`: the chapter's text and tasks, one lazily loaded chunk per chapter, so a
//   page's weight does not grow with the number of chapters.
//
// A malformed chapter fails `vite build` with every problem, each naming the file and the field.
// In the dev server the page shows the same message instead (site/main.tsx), and so does the
// terminal, so a half-written chapter is noticed at once.
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Chapter } from '../chapter-list';
import { CHAPTERS_FOLDER, ChapterError, findChapters, loadTaskIds } from './chapter-sources';

const VIRTUAL_ID = 'virtual:chapters';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
/** One module per chapter, re-exporting its text and its tasks: it becomes the chapter's chunk. */
const CHAPTER_PREFIX = 'virtual:chapter/';

/** The module id of a chapter's chunk (its facadeModuleId in the bundle), e.g. for page-weight checks. */
export function chapterModuleId(slug: string): string {
  return '\0' + CHAPTER_PREFIX + slug;
}

/** The chapters as every page sees them, with their task ids (found by running each tasks.ts). */
export async function chapterList(root: string): Promise<Chapter[]> {
  const problems: string[] = [];
  const chapters = await Promise.all(
    findChapters(root).map(async (source) => {
      let taskIds: string[] = [];
      try {
        taskIds = await loadTaskIds(root, source);
      } catch (error) {
        if (!(error instanceof ChapterError)) throw error;
        problems.push(...error.problems);
      }
      const { number, slug, title, part, summary, stage, compare, textFile } = source;
      const chapter: Chapter = { number, slug, title, part, summary, stage, textFile, taskIds };
      if (compare) chapter.compare = compare;
      return chapter;
    }),
  );
  if (problems.length > 0) throw new ChapterError(problems);
  return chapters;
}

export function courseChapters(): Plugin {
  let root = process.cwd();
  let isBuild = false;
  /** The code of `virtual:chapters` last served, to reload the dev page only when it changes. */
  let served: string | undefined;

  /** The code of `virtual:chapters`; in the dev server, a module that throws the problems. */
  async function listModule(warn: (message: string) => void): Promise<string> {
    let chapters;
    try {
      chapters = await chapterList(root);
    } catch (error) {
      if (!(error instanceof ChapterError) || isBuild) throw error;
      // Dev server: keep serving, and let the page say what is wrong (site/main.tsx shows it).
      // The exports exist so that the import links, and the throw is what it then reports.
      warn(error.message);
      return `export const chapters = [];\nexport const loaders = {};\nthrow new Error(${JSON.stringify(error.message)});\n`;
    }
    const loaders = chapters.map((c) => `  ${JSON.stringify(c.slug)}: () => import(${JSON.stringify(CHAPTER_PREFIX + c.slug)}),`);
    return [
      `export const chapters = ${JSON.stringify(chapters, null, 2)};`,
      `export const loaders = {\n${loaders.join('\n')}\n};`,
    ].join('\n');
  }

  return {
    name: 'cachecraft-chapters',
    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
    },
    resolveId: {
      filter: { id: /^virtual:chapter/ }, // so Vite calls this hook only for our ids
      handler(id) {
        if (id === VIRTUAL_ID || id.startsWith(CHAPTER_PREFIX)) return '\0' + id;
        return undefined;
      },
    },
    load: {
      filter: { id: /^\0virtual:chapter/ },
      async handler(id) {
        try {
          if (id === RESOLVED_ID) {
            served = await listModule((message) => this.warn(message));
            return served;
          }
          if (id.startsWith('\0' + CHAPTER_PREFIX)) {
            const source = findChapters(root).find((s) => chapterModuleId(s.slug) === id);
            if (!source) return undefined;
            // Root-relative paths: Vite resolves them from the project root, in dev and in the build.
            return [
              `export { default as Content } from ${JSON.stringify('/' + source.textFile)};`,
              source.tasksFile ? `export { tasks } from ${JSON.stringify('/' + source.tasksFile)};` : 'export const tasks = [];',
            ].join('\n');
          }
        } catch (error) {
          if (error instanceof ChapterError) this.error(error.message);
          throw error;
        }
        return undefined;
      },
    },
    configureServer(server) {
      // A chapter added, removed or renamed, new front matter or new task ids: serve the list
      // again. Only then: an edit of a chapter's text alone keeps React's fast refresh.
      const folder = path.join(root, CHAPTERS_FOLDER) + path.sep;
      const onChange = (file: string) => {
        if (!file.startsWith(folder)) return;
        void listModule(() => {}).then((code) => {
          if (code !== served) reloadList(server);
        });
      };
      for (const event of ['change', 'add', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onChange);
    },
  };
}

function reloadList(server: ViteDevServer) {
  const graph = server.environments.client.moduleGraph;
  const module = graph.getModuleById(RESOLVED_ID);
  if (module) graph.invalidateModule(module);
  server.ws.send({ type: 'full-reload' });
}
