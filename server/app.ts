// The course app on Node: the core (course-app.ts) over the sandbox on disk, with the built
// site for `npm run serve`. server/node.ts and server/vite-plugin.ts put it on a port.
import { existsSync } from 'node:fs';
import { builtSite } from './built-site';
import { courseAppCore, EXCHANGE_HEADER, type CourseHono } from './course-app';
import { diskCopyFiles } from './files/disk-store';
import { Sandbox, SAMPLES_DIR } from './files/sandbox';
import type { RequestLog } from './log/request-log';
import { STAGES, type StageDefinition } from './stages';

export { EXCHANGE_HEADER };

export interface CourseApp {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  log: RequestLog;
  sandbox: Sandbox;
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

/**
 * Routes only Node can answer (raw sockets, the process's own state). The static build does not
 * have them: there, every /api path the core lacks says it needs `npm run dev`.
 */
function nodeOnlyRoutes(_app: CourseHono): void {}

export async function createCourseApp(options: CourseAppOptions = {}): Promise<CourseApp> {
  const stages = [...STAGES, ...(options.extraStages ?? [])];
  const sandbox = await Sandbox.create(SAMPLES_DIR, async (stage, site) =>
    stages.find((s) => s.slug === stage)?.prepareCopy?.(diskCopyFiles(site)),
  );
  // Caching, compression, and a 404 for a page the app does not have: see server/built-site.ts.
  const siteDir = options.siteDir;
  const site = siteDir && existsSync(siteDir) ? builtSite(siteDir) : undefined;
  const core = courseAppCore({ workspace: sandbox, stages, serverRoutes: nodeOnlyRoutes, ...(site ? { site } : {}) });
  return { ...core, sandbox, close: () => sandbox.dispose() };
}
