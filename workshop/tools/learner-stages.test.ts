// "Your server" as `npm run dev` has it: the course app with the yours-<slug> stages, on a real
// port. The learner's file sits in a scratch folder beside workshop/ (CACHECRAFT_WORKSHOP_DIR).
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCourseApp } from '../../server/testing/course-app';
import { EXERCISES, findExercise } from './exercises';
import { YOURS_PREFIX as YOURS } from '../../common/your-stage';
import { FAKE_SECRET } from '../../server/files/windows-disk';
import { rawRequest } from '../../server/testing/serve';
import { requestFor, statusOf } from '../../server/testing/traversal-run';
import { learnerStages } from './learner-stages';
import { ROOT, writeSolution, writeStart } from './learner-files';

const scratch = mkdtempSync(path.join(ROOT, '.workshop-test-'));
process.env.CACHECRAFT_WORKSHOP_DIR = scratch;
const yours = learnerStages();
afterAll(async () => {
  await yours.close();
  rmSync(scratch, { recursive: true, force: true });
  delete process.env.CACHECRAFT_WORKSHOP_DIR;
});

describe('your server (yours-last-modified), in the course app', () => {
  const running = useCourseApp({ extraStages: yours.stages });
  const exercise = findExercise('last-modified')!;
  beforeAll(() => writeStart(exercise));

  /** The statuses of a GET and of its revalidation with the Last-Modified it gave. */
  async function revalidate(stage: string): Promise<number[]> {
    const url = `${running.server.url}/ch/${stage}/monitor.css`;
    const first = await fetch(url);
    const lastModified = first.headers.get('last-modified');
    if (!lastModified) return [first.status];
    return [first.status, (await fetch(url, { headers: { 'If-Modified-Since': lastModified } })).status];
  }

  it("is listed beside the course stages, as is every exercise's", async () => {
    const stages = (await (await fetch(`${running.server.url}/api/stages`)).json()) as { slug: string }[];
    const slugs = EXERCISES.flatMap((e) => [e.slug, `${YOURS}${e.slug}`]);
    expect(slugs).toContain(`${YOURS}path-stripping`);
    expect(stages.map((s) => s.slug)).toEqual(expect.arrayContaining(slugs));
  });

  it("runs the learner's code: the start's TODO fails the request, the solution saved makes the next one a 304", async () => {
    // The start throws its TODO, and every GET goes through the check: a 500 that says so.
    expect(await revalidate(`${YOURS}last-modified`)).toEqual([500]);
    const failed = await fetch(`${running.server.url}/ch/${YOURS}last-modified/monitor.css`);
    expect(await failed.text()).toContain('Your code (workshop/last-modified.ts) threw while answering:\n\nError: TODO: write checkIfModifiedSince');
    expect(await revalidate('last-modified')).toEqual([200, 304]); // the course's own stage keeps the course's code

    writeSolution(exercise);
    await expect.poll(() => revalidate(`${YOURS}last-modified`), { timeout: 10_000, interval: 200 }).toEqual([200, 304]);

    writeStart(exercise);
    await expect.poll(() => revalidate(`${YOURS}last-modified`), { timeout: 10_000, interval: 200 }).toEqual([500]);
  }, 30_000);
});

describe('your server (yours-path-stripping): the safe resolver, given the target as sent', () => {
  const running = useCourseApp({ extraStages: yours.stages });
  const exercise = findExercise('path-stripping')!;
  beforeAll(() => writeStart(exercise));
  const send = (target: string) => rawRequest(running.server.port, requestFor(target));
  /** The statuses of a file inside the root and of a raw climb out ("..\\" and %2f). */
  const statuses = async (stage: string) =>
    Promise.all(['/monitor.css', '/a/b/..\\secret.txt', '/..%2fsecret.txt'].map(async (path) => statusOf(await send(`/ch/${stage}${path}`))));

  it("runs the learner's safePath through the chapter's stage: a 500 at the start, the course's answers once solved", async () => {
    const failed = await send(`/ch/${YOURS}path-stripping/monitor.css`);
    expect(statusOf(failed)).toBe(500);
    expect(failed).toContain('Error: TODO: write safePath');
    expect(await statuses('path-stripping')).toEqual([200, 400, 400]);

    writeSolution(exercise);
    await expect.poll(() => statuses(`${YOURS}path-stripping`), { timeout: 10_000, interval: 200 }).toEqual([200, 400, 400]);
    expect(await send(`/ch/${YOURS}path-stripping/a/b/..\\secret.txt`)).not.toContain(FAKE_SECRET);
  }, 30_000);
});
