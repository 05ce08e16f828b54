// Where the learners' files are, and reading and writing them (thin I/O around exercise-files.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { solutionFile, startFile } from './exercise-files';
import type { Exercise } from './exercises';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** workshop/, or another folder for the tools' own tests (CACHECRAFT_WORKSHOP_DIR). */
export function workshopDir(): string {
  return process.env.CACHECRAFT_WORKSHOP_DIR ?? path.join(ROOT, 'workshop');
}

export function learnerFile(exercise: Exercise): string {
  return path.join(workshopDir(), `${exercise.slug}.ts`);
}

const solutionSource = (exercise: Exercise) => readFileSync(path.join(ROOT, exercise.solution), 'utf8');

export function writeStart(exercise: Exercise): void {
  writeFileSync(learnerFile(exercise), startFile(exercise, solutionSource(exercise)));
}

export function writeSolution(exercise: Exercise): void {
  writeFileSync(learnerFile(exercise), solutionFile(exercise, solutionSource(exercise)));
}

export function hasLearnerFile(exercise: Exercise): boolean {
  return existsSync(learnerFile(exercise));
}
