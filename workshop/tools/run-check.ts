// `check`: runs an exercise's tests (the chapter's own) on the learner's file, in this process,
// and sums them up as a learner needs them: how many pass, and the first failures, each with the
// rule it tests (the test's name, which cites the RFC) and what came back.
import path from 'node:path';
import { startVitest } from 'vitest/node';
import type { TestCase } from 'vitest/node';
import type { Exercise } from './exercises';
import { learnerFile, ROOT } from './learner-files';
import { swapSolution } from './swap-solution';

export interface CheckResult {
  passed: number;
  failed: { name: string; message: string }[];
}

export async function runCheck(exercise: Exercise): Promise<CheckResult> {
  const vitest = await startVitest(
    'test',
    exercise.tests.map((file) => path.join(ROOT, file)),
    { root: ROOT, config: false, watch: false, reporters: [{}], environment: 'node', include: exercise.tests },
    { plugins: [swapSolution(path.join(ROOT, exercise.solution), learnerFile(exercise))] },
  );
  // In the exercise's order: the rule's own tests first, they say best what is wrong.
  const modules = [...vitest.state.getTestModules()].sort((a, b) => rank(exercise, a.moduleId) - rank(exercise, b.moduleId));
  const cases: TestCase[] = modules.flatMap((module) => [...module.children.allTests()]);
  await vitest.close();
  const failed = cases.filter((test) => test.result().state === 'failed');
  const moduleErrors = modules.filter((module) => module.state() === 'failed' && module.children.size === 0);
  return {
    passed: cases.filter((test) => test.result().state === 'passed').length,
    failed: [
      ...moduleErrors.map((module) => ({ name: path.relative(ROOT, module.moduleId), message: firstLines(module.errors()[0]?.message ?? 'did not load') })),
      ...failed.map((test) => ({ name: test.fullName, message: firstLines(test.result().errors?.[0]?.message ?? 'failed') })),
    ],
  };
}

const rank = (exercise: Exercise, moduleId: string) => exercise.tests.indexOf(path.relative(ROOT, moduleId));

/** An assertion's message without colours, at most three lines. */
function firstLines(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((line) => line.trim() !== '').slice(0, 3).join('\n');
}
