// Starts bench/serve-static-server.mjs as a child process with plain node, as the course's own
// server runs under `npm run serve` (bundled to plain JavaScript): the same node, no loader.
import { fileURLToPath } from 'node:url';
import { printedUrl, spawnChild } from './child';
import { REPO_ROOT, type Running } from './course-server';

const ENTRY = fileURLToPath(new URL('./serve-static-server.mjs', import.meta.url));

export async function startServeStatic(label: string, root: string): Promise<Running> {
  const child = spawnChild(label, process.execPath, [ENTRY, root], { cwd: REPO_ROOT, stdin: 'pipe' });
  const url = await printedUrl(child);
  return { label, url, child };
}
