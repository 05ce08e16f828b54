// The course's own server, started exactly as `npm run serve` starts it (the same command line
// as server/testing/cli.ts): `node scripts/serve.mjs ...` in the repository, on port 0,
// reading the URL it prints. Either one stage serving a folder at /, or the whole course app.
import { fileURLToPath } from 'node:url';
import { printedUrl, spawnChild, type Child } from './child';

const ENTRY = fileURLToPath(new URL('../scripts/serve.mjs', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface Running {
  label: string;
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  child: Child;
}

/** `npm run serve -- --stage <slug> --root <root> --port 0` */
export function startStage(label: string, slug: string, root: string): Promise<Running> {
  return start(label, ['--stage', slug, '--root', root]);
}

/** `npm run serve -- --port 0`: the whole course (stages under /ch/<slug>/, the log, the API). */
export function startCourseApp(label: string): Promise<Running> {
  return start(label, []);
}

async function start(label: string, args: string[]): Promise<Running> {
  const child = spawnChild(label, process.execPath, [ENTRY, ...args, '--port', '0'], { cwd: REPO_ROOT });
  const url = await printedUrl(child);
  return { label, url, child };
}
