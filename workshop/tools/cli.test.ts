// The workshop as a learner uses it: reset, check (fails), solve, check (passes), list. The
// learner's files go to a scratch folder beside workshop/ (CACHECRAFT_WORKSHOP_DIR), so the
// repository's own start files are never touched, and their relative imports still resolve.
// Each check runs vitest (seconds), so the whole round runs for the first two exercises and one
// later one; every exercise's start file is checked against its generator in exercise-files.test.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXERCISES } from './exercises';
import { ROOT } from './learner-files';

const scratch = mkdtempSync(path.join(ROOT, '.workshop-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const workshop = (...args: string[]) => workshopIn(scratch, ...args);

async function workshopIn(dir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, CACHECRAFT_WORKSHOP_DIR: dir };
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['workshop/tools/cli.ts', ...args], { cwd: ROOT, env });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const ROUND = ['last-modified', 'etag', 'etag-vs-last-modified'];

describe.each(EXERCISES.filter((e) => ROUND.includes(e.slug)))('npm run workshop, on exercise $slug', ({ slug, exports }) => {
  it('fails at the start, naming the rule and the TODO; passes once solved; reset brings the start back', async () => {
    expect((await workshop('reset', slug)).code).toBe(0);
    const start = readFileSync(path.join(scratch, `${slug}.ts`), 'utf8');

    const unsolved = await workshop('check', slug);
    expect(unsolved.code).toBe(1);
    expect(unsolved.out).toContain(`TODO: write ${exports[0]}`);
    expect(unsolved.out).toMatch(/RFC 9110/);
    expect(unsolved.out).toMatch(/\d+ passed, \d+ failing: not solved yet\./);

    expect((await workshop('solve', slug)).code).toBe(0);
    const solved = await workshop('check', slug);
    expect(solved.out).toMatch(/✓ all \d+ tests pass/);
    expect(solved.code).toBe(0);

    expect((await workshop('reset', slug)).code).toBe(0);
    expect(readFileSync(path.join(scratch, `${slug}.ts`), 'utf8')).toBe(start);
  }, 60_000);
});

describe('npm run workshop -- list', () => {
  it('names every exercise with its state: solved, not solved, or missing (its file not written yet)', async () => {
    const list = mkdtempSync(path.join(ROOT, '.workshop-test-'));
    try {
      expect((await workshopIn(list, 'solve', 'etag-vs-last-modified')).code).toBe(0);
      expect((await workshopIn(list, 'reset', 'last-modified')).code).toBe(0);
      const { code, out } = await workshopIn(list, 'list');
      expect(code).toBe(0);
      for (const { slug } of EXERCISES) expect(out).toMatch(new RegExp(`^${slug}\\s`, 'm'));
      expect(out).toMatch(/^etag-vs-last-modified\s+solved /m);
      expect(out).toMatch(/^last-modified\s+not solved /m);
      expect(out).toMatch(/^path-stripping\s+missing /m);
    } finally {
      rmSync(list, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('npm run workshop, used wrongly', () => {
  it.each([[[]], [['check']], [['check', 'nope']], [['solve', 'last-modified', 'extra']], [['frobnicate', 'last-modified']]])(
    'refuses %j with the usage, exit code 2',
    async (args) => {
      const { code, out } = await workshop(...args);
      expect(code).toBe(2);
      expect(out).toContain('Usage: npm run workshop -- <command>');
    },
    20_000,
  );
});
