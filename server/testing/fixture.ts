// A throw-away copy of the samples for a test, laid out like the app's sandbox: a served folder
// `site/` with a fake `secret.txt` beside it, which no request may ever read.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SAMPLES_DIR } from '../files/sandbox';

export const SECRET = 'FIXTURE-SECRET-4f1c: a request read outside the root';

export interface Fixture {
  dir: string;
  root: string;
  remove: () => Promise<void>;
}

export async function makeFixture(): Promise<Fixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-test-'));
  const root = path.join(dir, 'site');
  await cp(SAMPLES_DIR, root, { recursive: true });
  await writeFile(path.join(dir, 'secret.txt'), SECRET);
  return { dir, root, remove: () => rm(dir, { recursive: true, force: true }) };
}
