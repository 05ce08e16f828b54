// docs/adding-a-chapter.md, followed to the letter in a copy of the project: its files written,
// its one line added, nothing else touched. The copy must list the new chapter, type-check,
// build (within the page-weight budget), pass the new tests and serve the new stage. So the doc
// cannot go stale, and adding a chapter cannot come to need an edit the doc does not mention.
//
// Slow (a full `vite build` and a type check of the copy): about half a minute.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseApp } from '../server/app';
import { findChapters } from './vite/chapter-sources';
import { chapterList } from './vite/chapters-plugin';
import { BUDGET, kB, overBudget, pagesOf, type PageWeight } from './vite/page-weight';
import { clientRoutes } from './vite/routes-plugin';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
/** What the project needs to build, test and serve; node_modules is linked, not copied. */
const COPIED = ['package.json', 'index.html', 'vite.config.ts', 'vitest.config.ts', 'tsconfig.base.json', 'tsconfig.json',
  'tsconfig.client.json', 'tsconfig.server.json', 'site', 'playground', 'client', 'common', 'server', 'static', 'chapters', 'workshop', 'check'];

/** The doc's example chapter is "03-echoed-date"; the copy gets a name no real chapter will have. */
const SLUG = 'doc-example';

interface DocStep {
  /** `file=…` (write the file) or `add-to=…` (add the lines to it). */
  kind: 'file' | 'add-to';
  path: string;
  text: string;
}

/** The code blocks of the doc that say where they go: ```ts file=path or ```ts add-to=path. */
function docSteps(doc: string): DocStep[] {
  return [...doc.matchAll(/^```\w+ (file|add-to)=(\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({
    kind: m[1] as DocStep['kind'],
    path: m[2]!,
    text: m[3]!,
  }));
}

/** Adds the doc's registration: its import after the last import, its entry at the end of STAGES. */
function register(source: string, lines: string): string {
  const imports = lines.split('\n').filter((l) => l.startsWith('import '));
  const entries = lines.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('import '));
  expect(entries, 'the doc registers a stage in one line').toHaveLength(1);
  const lastImport = source.lastIndexOf('\nimport ');
  const afterImports = source.indexOf('\n', lastImport + 1) + 1;
  const withImport = source.slice(0, afterImports) + imports.map((l) => l + '\n').join('') + source.slice(afterImports);
  const end = withImport.indexOf('\n];', withImport.indexOf('export const STAGES'));
  expect(end, 'server/stages/index.ts still has `export const STAGES = [ … ];`').toBeGreaterThan(0);
  return withImport.slice(0, end + 1) + entries.join('\n') + withImport.slice(end);
}

let copy: string;
let number: string;
let app: CourseApp | undefined;

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'cachecraft-new-chapter-'));
  for (const entry of COPIED) {
    cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');

  // The next free number, and a slug of our own, in place of the doc's 03 and echoed-date.
  number = String(Math.max(0, ...findChapters(ROOT).map((c) => c.number)) + 1).padStart(2, '0');
  const rename = (text: string) =>
    text.replaceAll('03-echoed-date', `${number}-${SLUG}`).replaceAll('echoed-date', SLUG).replaceAll('echoedDate', 'docExample');

  const steps = docSteps(readFileSync(path.join(ROOT, 'docs/adding-a-chapter.md'), 'utf8'));
  expect(steps.map((s) => s.kind === 'file' && s.path).filter(Boolean)).toContain('chapters/03-echoed-date/index.mdx');
  for (const step of steps) {
    const target = path.join(copy, rename(step.path));
    if (step.kind === 'file') {
      expect(existsSync(target), `${step.path} is a new file`).toBe(false);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, rename(step.text));
    } else {
      writeFileSync(target, register(readFileSync(target, 'utf8'), rename(step.text)));
    }
  }
});

afterAll(async () => {
  await app?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('adding a chapter as docs/adding-a-chapter.md says', () => {
  it('lists it, in order, with its tasks', async () => {
    const chapters = await chapterList(copy);
    expect(chapters.at(-1)).toMatchObject({
      number: Number(number),
      slug: SLUG,
      title: 'The date the browser sends back',
      part: 'Validators',
      stage: SLUG,
      compare: 'seed',
      taskIds: ['echo-the-date'],
    });
    expect(clientRoutes(copy)).toContain(`/chapters/${SLUG}`);
  });

  it('type-checks, and its tests pass', async () => {
    const bin = (name: string) => path.join(copy, 'node_modules/.bin', name);
    await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: copy });
    const tests = [`chapters/${number}-${SLUG}`, `server/stages/${SLUG}.test.ts`];
    // A vitest of its own, not told it runs inside this one.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const { stdout } = await run(bin('vitest'), ['run', ...tests], { cwd: copy, env });
    expect(stdout).toMatch(/Test Files\s+.*2 passed/);
  }, 120_000);

  let pages: PageWeight[] = [];

  it('builds, within the page-weight budget', async () => {
    // As `npm run build` does: vitest sets NODE_ENV=test, which Vite would honour (React's development build).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    let result;
    try {
      result = await build({
        root: copy,
        configFile: path.join(copy, 'vite.config.ts'),
        configLoader: 'runner',
        logLevel: 'error',
        build: { outDir: path.join(copy, 'dist'), emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const output = (Array.isArray(result) ? result[0] : (result as Rolldown.RolldownOutput))!.output;
    const chunks = output.filter((file) => file.type === 'chunk');
    pages = pagesOf(chunks, copy, findChapters(copy).map((c) => c.slug));
    expect(overBudget(pages)).toEqual([]);

    const own = pages.find((p) => p.page === `/chapters/${SLUG}`)?.chapterChunk;
    expect(own).toBeDefined();
    const code = chunks.find((c) => c.fileName === own!.file)!.code;
    expect(code).toContain('The last chapter ended on the browser sending');
    expect(code).toContain('--shiki-dark:'); // its code region, highlighted
    const routes = JSON.parse(readFileSync(path.join(copy, 'dist/routes.json'), 'utf8')) as { routes: string[] };
    expect(routes.routes).toContain(`/chapters/${SLUG}`);

    // The numbers, for whoever wonders how close to the budget the course is.
    console.info(
      `page weight (gzipped JS, budget ${kB(BUDGET.page)} a page, ${kB(BUDGET.chapter)} a chapter chunk):\n` +
        pages.map((p) => `  ${p.page} ${kB(p.bytes)}${p.chapterChunk ? ` (own chunk ${kB(p.chapterChunk.bytes)})` : ''}`).join('\n'),
    );
  }, 180_000);

  it('serves its stage, and its page from the build', async () => {
    const { createCourseApp } = (await import(pathToFileURL(path.join(copy, 'server/app.ts')).href)) as typeof import('../server/app');
    app = await createCourseApp({ siteDir: path.join(copy, 'dist') });
    const stage = await app.fetch(new Request(`http://localhost/ch/${SLUG}/index.html`));
    expect(stage.status).toBe(200);
    expect(await stage.text()).toContain('<html');
    const page = await app.fetch(new Request(`http://localhost/chapters/${SLUG}`));
    expect(page.status, 'run after the build').toBe(200);
  });
});
