// npm run workshop -- <list | check SLUG | solve SLUG | reset SLUG>   (docs/workshop.md)
import { EXERCISES, findExercise, type Exercise } from './exercises';
import { hasLearnerFile, learnerFile, writeSolution, writeStart } from './learner-files';
import { runCheck } from './run-check';
import path from 'node:path';

const USAGE = `Usage: npm run workshop -- <command>
  list          every exercise, and whether its tests pass on your file
  check SLUG    run the chapter's tests on workshop/SLUG.ts
  solve SLUG    write the course's solution into workshop/SLUG.ts
  reset SLUG    put the start (TODOs and hints) back into workshop/SLUG.ts
Exercises: ${EXERCISES.map((e) => e.slug).join(', ')}`;

/** Failures shown in full by `check`; the rest are counted. */
const SHOWN = 6;

async function main(args: string[]): Promise<number> {
  const [command, slug, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'list' && slug === undefined) return list();
  if (!['check', 'solve', 'reset'].includes(command)) return refuse(`unknown command "${command}"`);
  if (slug === undefined || rest.length > 0) return refuse(`"${command}" takes one exercise`);
  const exercise = findExercise(slug);
  if (!exercise) return refuse(`no exercise "${slug}"`);

  if (command === 'solve') {
    writeSolution(exercise);
    console.log(`Wrote the course's solution into ${shown(exercise)}. "reset ${slug}" brings the start back.`);
    return 0;
  }
  if (command === 'reset') {
    writeStart(exercise);
    console.log(`${shown(exercise)} is back at its start.`);
    return 0;
  }
  return check(exercise);
}

async function check(exercise: Exercise): Promise<number> {
  if (!hasLearnerFile(exercise)) return refuse(`${shown(exercise)} is missing; "reset ${exercise.slug}" writes its start`);
  console.log(`Checking ${shown(exercise)} with the tests of chapter "${exercise.slug}"…`);
  const { passed, failed } = await runCheck(exercise);
  for (const failure of failed.slice(0, SHOWN)) {
    console.log(`\n✗ ${failure.name}\n${failure.message.replace(/^/gm, '    ')}`);
  }
  if (failed.length > SHOWN) console.log(`\n… and ${failed.length - SHOWN} more failing.`);
  if (failed.length === 0 && passed > 0) {
    console.log(`\n✓ all ${passed} tests pass: ${exercise.slug} is solved.`);
    return 0;
  }
  console.log(`\n${passed} passed, ${failed.length} failing: not solved yet.`);
  return 1;
}

async function list(): Promise<number> {
  for (const exercise of EXERCISES) {
    const state = !hasLearnerFile(exercise) ? 'missing' : (await runCheck(exercise)).failed.length === 0 ? 'solved' : 'not solved';
    console.log(`${exercise.slug.padEnd(24)} ${state.padEnd(11)} ${shown(exercise)}: ${exercise.exports.join(', ')}`);
  }
  return 0;
}

const shown = (exercise: Exercise) => path.relative(process.cwd(), learnerFile(exercise));

function refuse(problem: string): number {
  console.error(`workshop: ${problem}.\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
