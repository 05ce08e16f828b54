// Starts bench/serve-static-server.ts as a child process, the same way as the course's server
// (node --import tsx), so both pay the same start-up and run on the same node.
import { fileURLToPath } from 'node:url';
import { printedUrl, spawnChild } from './child';
import { REPO_ROOT, type Running } from './course-server';

const ENTRY = fileURLToPath(new URL('./serve-static-server.ts', import.meta.url));

export async function startServeStatic(label: string, root: string): Promise<Running> {
  const child = spawnChild(label, process.execPath, ['--import', 'tsx', ENTRY, root], { cwd: REPO_ROOT, stdin: 'pipe' });
  const url = await printedUrl(child);
  return { label, url, child };
}
