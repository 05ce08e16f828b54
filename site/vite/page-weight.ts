// Page weight: the gzipped JavaScript each page loads, checked by every `vite build`, so that
// a chapter added next year cannot make the course heavier without anyone noticing.
//
// What a page loads (each chunk with the chunks it imports statically):
//   every page      the entry (site/main.tsx: React, the router) and site/routes.tsx (the
//                   layout, the home page, the chapters' metadata)
//   a chapter page  also site/ChapterPage.tsx (the page and the playground, shared by all
//                   chapters) and that chapter's own chunk (its text, tasks and code regions)
// A new lazily loaded page belongs in `pagesOf` below.
//
// Sizes are gzip at its best level, as `npm run serve` sends them (server/built-site.ts); a kB
// is 1000 bytes, as Vite prints them.
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';
import { chapterModuleId } from './chapters-plugin';
import { findChapters } from './chapter-sources';

export const BUDGET = {
  /** Most gzipped JavaScript one page may load, in bytes. */
  page: 130_000,
  /** Most a chapter's own chunk may weigh, gzipped, in bytes. */
  chapter: 40_000,
};

/** What page weight needs of an output chunk (a subset of Rollup's OutputChunk). */
export interface Chunk {
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
}

export interface PageWeight {
  /** "/" or "/chapters/<slug>" */
  page: string;
  /** Gzipped bytes of all the JavaScript the page loads. */
  bytes: number;
  /** The chunks it loads. */
  files: string[];
  /** For a chapter page: its own chunk and that chunk's gzipped bytes. */
  chapterChunk?: { file: string; bytes: number };
}

export const gzipSize = (code: string) => gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Every page's weight; throws when a chunk the model expects is not in the bundle. */
export function pagesOf(chunks: Chunk[], root: string, slugs: string[]): PageWeight[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const sizes = new Map<string, number>();
  const size = (file: string) => sizes.get(file) ?? sizes.set(file, gzipSize(byFile.get(file)!.code)).get(file)!;
  const facade = (id: string, what: string) => {
    const chunk = chunks.find((c) => c.facadeModuleId === id);
    if (!chunk) throw new Error(`page weight: no chunk for ${what}; if it moved, update site/vite/page-weight.ts`);
    return chunk.fileName;
  };
  /** The chunks and everything they import statically. */
  const closure = (files: string[]) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      byFile.get(file)?.imports.forEach(visit);
    };
    files.forEach(visit);
    return [...seen];
  };
  const weigh = (page: string, files: string[]): PageWeight => ({ page, files, bytes: files.reduce((sum, f) => sum + size(f), 0) });

  const entries = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  const shell = closure([...entries, facade(path.join(root, 'site/routes.tsx'), 'site/routes.tsx')]);
  const chapterPage = facade(path.join(root, 'site/ChapterPage.tsx'), 'site/ChapterPage.tsx');
  return [
    weigh('/', shell),
    ...slugs.map((slug) => {
      const own = facade(chapterModuleId(slug), `the chapter "${slug}"`);
      return { ...weigh(`/chapters/${slug}`, closure([...shell, chapterPage, own])), chapterChunk: { file: own, bytes: size(own) } };
    }),
  ];
}

/** What is over budget, one line each; [] when all is well. */
export function overBudget(pages: PageWeight[]): string[] {
  const problems: string[] = [];
  const home = pages.find((p) => p.page === '/');
  const chapterFiles = new Set(pages.flatMap((p) => (p.chapterChunk ? [p.chapterChunk.file] : [])));
  for (const file of home?.files ?? []) {
    if (chapterFiles.has(file)) problems.push(`the home page loads ${file}, a chapter's chunk: it should load no chapter`);
  }
  for (const p of pages) {
    if (p.bytes > BUDGET.page) {
      problems.push(`${p.page} loads ${kB(p.bytes)} of gzipped JavaScript, over the ${kB(BUDGET.page)} budget (${p.files.join(', ')})`);
    }
    if (p.chapterChunk && p.chapterChunk.bytes > BUDGET.chapter) {
      problems.push(
        `${p.page}: its chunk ${p.chapterChunk.file} is ${kB(p.chapterChunk.bytes)} gzipped, over the ${kB(BUDGET.chapter)} budget ` +
          `(fewer or shorter <Code> regions, or split the chapter)`,
      );
    }
  }
  return problems;
}

/** Vite plugin: prints each page's weight after `vite build`, and fails the build over budget. */
export function pageWeight(): Plugin {
  let root = process.cwd();
  return {
    name: 'cachecraft-page-weight',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const pages = pagesOf(chunks, root, findChapters(root).map((c) => c.slug));
      this.info(
        'gzipped JavaScript per page:\n' +
          pages.map((p) => `  ${p.page.padEnd(32)} ${kB(p.bytes).padStart(9)}${p.chapterChunk ? `  (own chunk ${kB(p.chapterChunk.bytes)})` : ''}`).join('\n'),
      );
      const problems = overBudget(pages);
      if (problems.length > 0) this.error(`Over the page-weight budget:\n  ${problems.join('\n  ')}`);
    },
  };
}
