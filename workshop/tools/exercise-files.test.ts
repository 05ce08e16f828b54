import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { solutionFile, startFile } from './exercise-files';
import { EXERCISES } from './exercises';
import { ROOT } from './learner-files';

const importsOf = (source: string) => [...source.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);

describe.each(EXERCISES)('exercise $slug', (exercise) => {
  const source = readFileSync(path.join(ROOT, exercise.solution), 'utf8');

  it('is in a fresh clone at its start: workshop/<slug>.ts is exactly what reset writes', () => {
    expect(readFileSync(path.join(ROOT, 'workshop', `${exercise.slug}.ts`), 'utf8')).toBe(startFile(exercise, source));
  });

  it("starts with the solution's signature and doc comment, the hints as TODOs, and no solution", () => {
    const start = startFile(exercise, source);
    for (const name of exercise.exports) {
      const signature = source.split('\n').find((line) => line.startsWith(`export function ${name}(`))!;
      expect(start).toContain(signature);
      expect(start).toContain(`throw new Error('TODO: write ${name}`);
    }
    for (const hint of exercise.hints) expect(start).toContain(hint.trim());
    expect(start.split('\n').filter((line) => line.includes('return'))).toEqual([]);
  });

  it("solves it with the course's own code, its imports pointing from workshop/ at the same files", () => {
    const solved = solutionFile(exercise, source);
    const fromWorkshop = importsOf(solved).map((target) => path.resolve(ROOT, 'workshop', target));
    const fromSolution = importsOf(source).map((target) => path.resolve(ROOT, path.dirname(exercise.solution), target));
    expect(fromWorkshop).toEqual(fromSolution);
    for (const target of fromWorkshop) expect(existsSync(`${target}.ts`), target).toBe(true);
    expect(solved.replace(/from '[^']+'/g, '')).toBe(source.replace(/from '[^']+'/g, ''));
  });

  it("exports only the learner's functions and re-exports: the learner's file replaces the whole module", () => {
    const exported = source.split('\n').filter((line) => line.startsWith('export '));
    const extra = exported.filter((line) => !/^export (type )?\{[^}]*\} from '/.test(line) && !exercise.exports.some((name) => line.startsWith(`export function ${name}(`)));
    expect(extra).toEqual([]);
  });

  it('names tests that exist', () => {
    for (const file of exercise.tests) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
  });
});
