// "Open in StackBlitz" sends the project as text: what it holds, and proof that it runs. The
// proof writes the same files to a new folder (node_modules linked, as `npm install` would make
// it), runs the dev script's first step, and runs every chapter's stage tests there.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findStage } from '../../server/stages';
import { findChapters } from './chapter-sources';
import { collectProjectFiles, MAKE_IMAGES } from './project-files';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

describe('the project "Open in StackBlitz" sends', () => {
  const { files, omitted } = collectProjectFiles(ROOT);
  const chapters = findChapters(ROOT);

  it('holds every chapter, its stage and the code that serves it, and the tests', () => {
    for (const chapter of chapters) {
      expect(files[chapter.textFile], chapter.textFile).toBe(readFileSync(path.join(ROOT, chapter.textFile), 'utf8'));
      expect(findStage(chapter.stage), chapter.stage).toBeDefined();
    }
    for (const file of ['server/stages/index.ts', 'server/app.ts', 'vite.config.ts', 'index.html', 'package-lock.json', 'server/samples/index.html']) {
      expect(Object.keys(files)).toContain(file);
    }
    expect(Object.keys(files).filter((file) => /^(node_modules|dist)\//.test(file))).toEqual([]);
  });

  it('sends every file as it is, except that its dev script first makes the images it cannot send', () => {
    expect(omitted.sort()).toEqual(['server/samples/load-graph.png', 'server/samples/status-down.png', 'server/samples/status-ok.png']);
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const sent = JSON.parse(files['package.json']!);
    expect(sent.scripts.dev).toBe(`${MAKE_IMAGES} && ${own.scripts.dev}`);
    expect({ ...sent, scripts: { ...sent.scripts, dev: own.scripts.dev } }).toEqual(own);
    for (const [file, text] of Object.entries(files)) {
      if (file !== 'package.json') expect(text === readFileSync(path.join(ROOT, file), 'utf8'), file).toBe(true);
    }
  });

  describe('written to a new folder', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'cachecraft-export-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it("makes the same images, and passes every chapter's stage tests", async () => {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        writeFileSync(path.join(folder, file), text);
      }
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');

      await run('sh', ['-c', MAKE_IMAGES], { cwd: folder });
      for (const image of omitted) expect(readFileSync(path.join(folder, image)).equals(readFileSync(path.join(ROOT, image))), image).toBe(true);

      const stageTests = [...new Set(chapters.map((chapter) => `server/stages/${chapter.stage}.test.ts`))].filter((file) => file in files);
      expect(stageTests.length).toBeGreaterThanOrEqual(2);
      const { stdout } = await run(path.join(folder, 'node_modules/.bin/vitest'), ['run', '--project', 'unit', ...stageTests], {
        cwd: folder,
        env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      });
      // eslint-disable-next-line no-control-regex
      expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(new RegExp(`Test Files +${stageTests.length} passed`));
    }, 120_000);
  });
});
