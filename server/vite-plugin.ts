// Mounts the course app inside Vite's dev server, so `npm run dev` is one port: the site, the
// stages and the request log are same-origin (no CORS preflight for If-None-Match, ETag readable).
import type { Plugin } from 'vite';
import { createCourseApp, type CourseApp, type CourseAppOptions } from './app';
import { nodeListener } from './listen';

const COURSE_PATHS = /^\/(ch|api)(\/|$)/;

/** `extraStages` and `close`: stages only the dev server has (the workshop's "your server"). */
export function courseServer(extra: { stages: CourseAppOptions['extraStages']; close(): Promise<void> } = { stages: [], close: async () => {} }): Plugin {
  let app: CourseApp | undefined;
  return {
    name: 'cachecraft-server',
    apply: 'serve',
    async configureServer(server) {
      app = await createCourseApp({ extraStages: extra.stages });
      const listener = nodeListener(app.fetch, { innerTarget: app.innerTarget });
      server.middlewares.use((req, res, next) => {
        if (req.url && COURSE_PATHS.test(req.url)) listener(req, res);
        else next();
      });
      server.httpServer?.once('close', () => void Promise.all([app?.close(), extra.close()]));
      removeSandboxOnExit(app);
    },
    async buildEnd() {
      await Promise.all([app?.close(), extra.close()]);
    },
  };
}

/**
 * Vite does not close its server on Ctrl-C: the process just ends. Remove the sandbox then too,
 * and let the signal go on to do what it would have done.
 */
function removeSandboxOnExit(app: CourseApp): void {
  const remove = () => app.sandbox.disposeNow();
  process.once('exit', remove);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      remove();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}
