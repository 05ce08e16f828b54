// Runs `npm run serve` (scripts/serve.mjs, which bundles and runs server/node.ts) as a child
// process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, [ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Starts the server and resolves with its URL once it is listening. */
export async function startCli(args: string[], env: Record<string, string> = {}): Promise<CliRun & { url: string; stop: () => Promise<number | null> }> {
  const run = runCli([...args, '--port', '0'], env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${run.output()}`)), 20_000);
    const check = () => {
      const match = /http:\/\/[^\s/]+/.exec(run.output());
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    run.child.stdout!.on('data', check);
    void run.exited.then(() => reject(new Error(`server exited:\n${run.output()}`)));
  });
  return {
    ...run,
    url,
    stop: () => {
      run.child.kill('SIGTERM');
      return run.exited;
    },
  };
}
