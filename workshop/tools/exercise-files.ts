// The two versions of a learner's file, both made from the course's solution module so they can
// never drift from it: the start (imports, the doc comment and the signature, a TODO body with
// the hints) and the solution (the module itself). Only relative imports are rewritten, from
// the solution's folder to workshop/. Re-exports (`export type { X } from './x'`) are kept like
// imports, so the learner's module offers the same types as the course's.
import path from 'node:path';
import type { Exercise } from './exercises';

const IMPORT = /^(?:import|export) .* from '(\.{1,2}\/[^']+)';$/;

/** The learner's file as a fresh clone has it, and as `reset` writes it back. */
export function startFile(exercise: Exercise, solutionSource: string): string {
  const lines = solutionSource.split('\n');
  const imports = lines.filter((line) => IMPORT.test(line)).map((line) => rewriteImport(line, exercise));
  const hints = exercise.hints.map((hint) => (hint.startsWith('  ') ? `  //     ${hint.trimStart()}` : `  // TODO ${hint}`));
  const functions = exercise.exports.flatMap((name, i) => [
    '',
    ...exportedFunction(exercise, name, lines),
    ...(i === 0 ? hints : []), // the chapter's hints, once, in the first function to write
    `  throw new Error('TODO: write ${name} in workshop/${exercise.slug}.ts');`,
    '}',
  ]);
  return [
    `// Workshop exercise "${exercise.slug}": write ${exercise.exports.join(', ')}, the rule of chapter "${exercise.slug}".`,
    `// npm run workshop -- check ${exercise.slug}   runs the chapter's tests on this file`,
    `// npm run workshop -- solve ${exercise.slug}   writes the course's solution here`,
    `// npm run workshop -- reset ${exercise.slug}   brings this start back`,
    ...imports,
    ...functions,
    '',
  ].join('\n');
}

/** The learner's file once solved: the course's module, its relative imports pointed back at it. */
export function solutionFile(exercise: Exercise, solutionSource: string): string {
  return solutionSource
    .split('\n')
    .map((line) => (IMPORT.test(line) ? rewriteImport(line, exercise) : line))
    .join('\n');
}

function rewriteImport(line: string, exercise: Exercise): string {
  return line.replace(IMPORT.exec(line)![1]!, (target) => {
    const fromRoot = path.posix.join(path.posix.dirname(exercise.solution), target);
    return path.posix.relative('workshop', fromRoot).replace(/^(?!\.)/, './');
  });
}

/** The exported function's doc comment and signature, up to its opening brace. */
function exportedFunction(exercise: Exercise, name: string, lines: string[]): string[] {
  const start = lines.findIndex((line) => line.startsWith(`export function ${name}(`));
  if (start === -1) throw new Error(`${exercise.solution} has no "export function ${name}(" line`);
  let docStart = start;
  if (lines[start - 1]?.trim() === '*/') {
    while (docStart > 0 && !lines[docStart - 1]!.trim().startsWith('/**')) docStart--;
    docStart--;
  }
  const end = lines.findIndex((line, i) => i >= start && line.endsWith('{'));
  return lines.slice(docStart, end + 1);
}
