// The course app on Node: the core (course-app.ts) over the sandbox on disk, with what only Node
// can do (raw requests over loopback sockets: server/raw/) and the built site for `npm run serve`.
// server/node.ts and server/vite-plugin.ts put it on a port.
import { existsSync } from 'node:fs';
import { builtSite } from './built-site';
import { courseAppCore, EXCHANGE_HEADER, type Bindings, type CourseAppCore } from './course-app';
import { diskCopyFiles } from './files/disk-store';
import { Sandbox, SAMPLES_DIR } from './files/sandbox';
import { createHttpServer } from './listen';
import type { RequestLog } from './log/request-log';
import { addRawRoute } from './raw/raw-route';
import { StageListeners } from './raw/stage-listeners';
import { STAGES, type StageDefinition } from './stages';

export { EXCHANGE_HEADER };

export interface CourseApp {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  /** Give it to the node listener with `fetch` (listen.ts: NodeListenerOptions). */
  innerTarget: (sent: string) => string | undefined;
  log: RequestLog;
  sandbox: Sandbox;
  /** Each stage alone on a loopback port, for raw requests (server/raw/); closed by close(). */
  rawListeners: StageListeners;
  close: () => Promise<void>;
}

export interface CourseAppOptions {
  /** A built site (dist/) to serve at /, for `npm run serve`. Vite serves it in development. */
  siteDir?: string;
  /**
   * Stages beside STAGES, for this app only: `npm run dev` adds the workshop's "your server"
   * stages (yours-<slug>, built from the learner's file; workshop/tools/learner-stages.ts).
   */
  extraStages?: StageDefinition[];
}

export async function createCourseApp(options: CourseAppOptions = {}): Promise<CourseApp> {
  const stages = [...STAGES, ...(options.extraStages ?? [])];
  const sandbox = await Sandbox.create(SAMPLES_DIR, async (stage, site) =>
    stages.find((s) => s.slug === stage)?.prepareCopy?.(diskCopyFiles(site)),
  );
  // Raw requests: each stage alone on a loopback port of the app's own, at /, answered and logged
  // by the core with the tags of the API call that asked (server/raw/stage-listeners.ts).
  let core: CourseAppCore | undefined;
  const rawListeners = new StageListeners((slug) =>
    createHttpServer((request, env) => {
      const { incoming } = (env ?? {}) as Bindings;
      const caller = rawListeners.callerOf(incoming?.socket.remoteAddress, incoming?.socket.remotePort);
      return core!.answerRaw(slug, request, env, caller);
    }),
  );
  // Caching, compression, and a 404 for a page the app does not have: see server/built-site.ts.
  const siteDir = options.siteDir;
  const site = siteDir && existsSync(siteDir) ? builtSite(siteDir) : undefined;
  core = courseAppCore({
    workspace: sandbox,
    stages,
    // Routes only Node can answer; the static build has none, and says they need `npm run dev`.
    serverRoutes: (app, knownStage) => addRawRoute(app, knownStage, rawListeners),
    ...(site ? { site } : {}),
  });
  return {
    fetch: core.fetch,
    innerTarget: core.innerTarget,
    log: core.log,
    sandbox,
    rawListeners,
    close: async () => {
      await rawListeners.close();
      await sandbox.dispose();
    },
  };
}
