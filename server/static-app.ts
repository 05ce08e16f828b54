// The course app for the static build: the same core (course-app.ts) and the same stages, over
// the samples held in memory. It runs in the browser, where an msw service worker hands it the
// page's /api and /ch requests (site/static/start-static.ts); nothing here imports node:.
import { courseAppCore, type CourseAppCore } from './course-app';
import type { MemoryFile } from './files/memory-store';
import { MemoryWorkspace } from './files/memory-workspace';
import { STAGES, type StageDefinition } from './stages';

/** What an /api path only the course server has (e.g. a raw TCP relay) answers here. */
export const NEEDS_SERVER_STATUS = 501;

export function staticCourseApp(samples: ReadonlyMap<string, MemoryFile>, stages: StageDefinition[] = STAGES): CourseAppCore {
  const workspace = new MemoryWorkspace(samples, async (stage, files) => stages.find((s) => s.slug === stage)?.prepareCopy?.(files));
  return courseAppCore({
    workspace,
    stages,
    stampDate: true,
    missingApi: (c) =>
      c.json(
        {
          error:
            `${c.req.method} ${c.req.path} needs the course server: this is the static build, where the stages ` +
            'run in your browser. Clone the course and run `npm run dev` for it.',
        },
        NEEDS_SERVER_STATUS,
      ),
  });
}
