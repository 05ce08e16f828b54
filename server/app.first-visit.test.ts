// A page load is concurrent: the file list (twice), the demo frame and its assets reach a stage
// whose copy of the samples does not exist yet, and a learner may press "reset" meanwhile.
// Each test starts from a freshly created app, as a first visit does.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCourseApp, type CourseApp } from './app';
import { SAMPLES_DIR } from './files/sandbox';
import { STAGES } from './stages';
import { serve, type Running } from './testing/serve';

let app: CourseApp;
let server: Running;
const fresh = async () => {
  app = await createCourseApp();
  server = await serve(app.fetch, { innerTarget: app.innerTarget });
};
afterEach(async () => {
  await server.close();
  await app.close();
});

const FILES = ['monitor.css', 'monitor.js', 'status-ok.png', 'load-graph.png'];
const samples = new Map<string, Buffer>();
const sample = async (name: string) => samples.get(name) ?? samples.set(name, await readFile(path.join(SAMPLES_DIR, name))).get(name)!;

interface Outcome {
  what: string;
  status: number;
  bytes?: Buffer;
}

async function get(what: string, init?: RequestInit): Promise<Outcome> {
  const response = await fetch(server.url + what, init);
  return { what, status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The first requests of a page load, for every stage at once, twice over. */
function firstVisit(): Promise<Outcome>[] {
  const requests: Promise<Outcome>[] = [];
  for (let round = 0; round < 2; round++) {
    for (const { slug } of STAGES) {
      requests.push(get(`/api/stages/${slug}/files`));
      requests.push(get(`/ch/${slug}/index.html`));
      for (const file of FILES) requests.push(get(`/ch/${slug}/${file}`));
    }
  }
  return requests;
}

async function expectWholeFiles(outcomes: Outcome[]): Promise<void> {
  for (const outcome of outcomes) {
    expect(outcome.status, outcome.what).toBeLessThan(500);
    expect(outcome.status, outcome.what).toBe(200);
    const file = FILES.find((name) => outcome.what.endsWith(`/${name}`));
    // Never a half-copied file: every body is the sample, byte for byte.
    if (file) expect(outcome.bytes!.equals(await sample(file)), outcome.what).toBe(true);
  }
}

describe('a first visit to a fresh server', () => {
  it('answers every concurrent first request, and copies each stage once', async () => {
    await fresh();
    await expectWholeFiles(await Promise.all(firstVisit()));
    for (const { slug } of STAGES) {
      expect(await readdir(path.join(app.sandbox.dir, slug)), slug).toHaveLength(1);
    }
  });

  it('answers every request while resets run at the same time, first visit included', async () => {
    for (let start = 0; start < 3; start++) {
      await fresh();
      const resets = STAGES.flatMap(({ slug }) => [0, 1].map(() => get(`/api/stages/${slug}/reset`, { method: 'POST' })));
      const outcomes = await Promise.all([...firstVisit(), ...resets, ...firstVisit()]);
      await expectWholeFiles(outcomes);
      await server.close();
      await app.close();
    }
    await fresh(); // for afterEach
  });

  it('serves the new copy after a reset, and only that copy', async () => {
    await fresh();
    await fetch(`${server.url}/api/stages/no-cache/files/monitor.js`, { method: 'PUT', body: 'edited' });
    expect(await (await fetch(`${server.url}/ch/no-cache/monitor.js`)).text()).toBe('edited');
    const list = await (await fetch(`${server.url}/api/stages/no-cache/reset`, { method: 'POST' })).json();
    expect(list).toContainEqual(expect.objectContaining({ name: 'monitor.js', size: (await sample('monitor.js')).length }));
    expect(await (await fetch(`${server.url}/ch/no-cache/monitor.js`)).text()).toBe((await sample('monitor.js')).toString());
  });
});
