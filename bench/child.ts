// Starts one server as a child process, knows when it is ready, and stops it: politely (SIGTERM,
// which lets the course app remove its sandbox) and, if it does not go within a few seconds,
// with SIGKILL. Every child is registered for cleanup the moment it is spawned.
import { spawn, type ChildProcess } from 'node:child_process';
import { onCleanup } from './cleanup';

export interface Child {
  label: string;
  process: ChildProcess;
  pid: number;
  /** The last 64 KiB of what it wrote on stdout and stderr (for error messages). */
  output: () => string;
  exited: Promise<number | null>;
  /** Null while it runs; else how it ended, e.g. "exit code 1" or "signal SIGKILL". */
  exitReason: () => string | null;
  stop: () => Promise<void>;
}

const KEEP_OUTPUT = 64 * 1024;
const STOP_GRACE_MS = 3000;

export function spawnChild(label: string, command: string, args: string[], options: { cwd?: string; stdin?: 'pipe' | 'ignore' } = {}): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: process.env,
    // A child that we give a stdin pipe notices when the bench dies (the pipe closes) and exits.
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > KEEP_OUTPUT) output = output.slice(-KEEP_OUTPUT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let reason: string | null = null;
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      reason = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve(code);
    });
    child.on('error', (error) => {
      reason = error.message; // e.g. ENOENT: the command does not exist
      resolve(null);
    });
  });

  const stopPolitely = async () => {
    if (reason !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  const stop = onCleanup({
    label,
    run: stopPolitely,
    runNow: () => {
      if (reason === null) child.kill('SIGKILL');
    },
  });

  return {
    label,
    process: child,
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    exitReason: () => reason,
    stop,
  };
}

/** Resolves with the first http://127.0.0.1:PORT the child prints (as `npm run serve` does). */
export function printedUrl(child: Child, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const pattern = /http:\/\/127\.0\.0\.1:\d+/;
    const timer = setTimeout(() => reject(new Error(`${child.label} printed no URL within ${timeoutMs / 1000} s: ${lastLine(child.output())}`)), timeoutMs);
    const check = () => {
      const match = pattern.exec(child.output());
      if (match) {
        clearTimeout(timer);
        child.process.stdout!.off('data', check);
        resolve(match[0]);
      }
    };
    child.process.stdout!.on('data', check);
    void child.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${child.label} ended (${child.exitReason()}) before listening: ${lastLine(child.output())}`));
    });
  });
}

/** The last non-empty line of a child's output, for a one-line error. */
export function lastLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? '(no output)';
}
