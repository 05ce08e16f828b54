// Connects the SSE clients (bench/sse-clients-process.ts, a child process) to the course app's
// /api/log, and collects what they received when they are stopped.
import { fileURLToPath } from 'node:url';
import { lastLine, spawnChild, type Child } from './child';
import { REPO_ROOT } from './course-server';
import { cpuSeconds } from './proc-stats';

const ENTRY = fileURLToPath(new URL('./sse-clients-process.ts', import.meta.url));

export interface SseReport {
  clients: number;
  connected: number;
  /** Still connected when stopped: the app did not drop any of them under load. */
  stillConnected: number;
  events: number;
  bytes: number;
  closedEarly: number;
  /** CPU seconds the client process used in all: what reading the streams cost this machine. */
  cpuS: number | null;
}

export interface SseClients {
  child: Child;
  stop: () => Promise<SseReport | null>;
}

export async function connectSseClients(logUrl: string, count: number, maxSeconds: number): Promise<SseClients> {
  const child = spawnChild(`${count} SSE clients`, process.execPath, ['--import', 'tsx', ENTRY, logUrl, String(count), String(maxSeconds)], {
    cwd: REPO_ROOT,
    stdin: 'pipe',
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the SSE clients did not all connect within 30 s: ${lastLine(child.output())}`)), 30_000);
    const check = () => {
      if (child.output().includes(`connected ${count}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.process.stdout!.on('data', check);
    void child.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the SSE clients ended (${child.exitReason()}): ${lastLine(child.output())}`));
    });
  });
  return {
    child,
    stop: async () => {
      const cpuS = cpuSeconds(child.pid);
      await child.stop();
      const line = child.output().trim().split('\n').at(-1) ?? '';
      try {
        return { ...(JSON.parse(line) as Omit<SseReport, 'cpuS'>), cpuS };
      } catch {
        return null;
      }
    },
  };
}
