import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chapterModuleId } from './chapters-plugin';
import { BUDGET, gzipSize, overBudget, pagesOf, type Chunk } from './page-weight';

const root = '/project';
/** Code that gzip cannot shrink: at least `bytes` long once gzipped. */
const incompressible = (bytes: number) => randomBytes(bytes).toString('latin1');

const chunk = (fileName: string, fields: Partial<Chunk> = {}): Chunk => ({
  fileName,
  code: `/* ${fileName} */`,
  isEntry: false,
  facadeModuleId: null,
  imports: [],
  ...fields,
});

function bundle(chapterCode = 'x') {
  return [
    chunk('index.js', { isEntry: true, imports: ['react.js'] }),
    chunk('react.js'),
    chunk('routes.js', { facadeModuleId: '/project/site/routes.tsx', imports: ['react.js'] }),
    chunk('ChapterPage.js', { facadeModuleId: '/project/site/ChapterPage.tsx', imports: ['shared.js'] }),
    chunk('shared.js'),
    chunk('a.js', { facadeModuleId: chapterModuleId('a'), imports: ['shared.js'], code: chapterCode }),
    chunk('b.js', { facadeModuleId: chapterModuleId('b') }),
  ];
}

describe('pagesOf', () => {
  it('the home page loads the entry and the routes; a chapter page also the chapter page and its own chunk', () => {
    const pages = pagesOf(bundle(), root, ['a', 'b']);
    expect(pages.map((p) => [p.page, p.files.sort()])).toEqual([
      ['/', ['index.js', 'react.js', 'routes.js']],
      ['/chapters/a', ['ChapterPage.js', 'a.js', 'index.js', 'react.js', 'routes.js', 'shared.js']],
      ['/chapters/b', ['ChapterPage.js', 'b.js', 'index.js', 'react.js', 'routes.js', 'shared.js']],
    ]);
    const home = pages[0]!;
    expect(home.bytes).toBe(['index.js', 'react.js', 'routes.js'].reduce((sum, f) => sum + gzipSize(`/* ${f} */`), 0));
    expect(pages[1]?.chapterChunk).toEqual({ file: 'a.js', bytes: gzipSize('x') });
    expect(overBudget(pages)).toEqual([]);
  });

  it('says when a chunk it expects is missing', () => {
    expect(() => pagesOf(bundle(), root, ['a', 'c'])).toThrow('page weight: no chunk for the chapter "c"');
  });
});

describe('overBudget', () => {
  it("names a chapter whose own chunk is over budget, and a page that is", () => {
    const pages = pagesOf(bundle(incompressible(BUDGET.chapter + 2000)), root, ['a', 'b']);
    expect(overBudget(pages)).toEqual([expect.stringMatching(/^\/chapters\/a: its chunk a\.js is 4\d\.\d kB gzipped, over the 40\.0 kB budget/)]);
    const heavy = pagesOf(bundle(incompressible(BUDGET.page)), root, ['a', 'b']);
    expect(overBudget(heavy)).toContainEqual(expect.stringMatching(/^\/chapters\/a loads 1\d\d\.\d kB of gzipped JavaScript, over the 130\.0 kB budget/));
  });

  it('fails when the home page loads a chapter', () => {
    const chunks = bundle().map((c) => (c.fileName === 'routes.js' ? { ...c, imports: ['a.js'] } : c));
    expect(overBudget(pagesOf(chunks, root, ['a', 'b']))).toEqual(["the home page loads a.js, a chapter's chunk: it should load no chapter"]);
  });
});
