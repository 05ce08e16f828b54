// "Your server", in `npm run dev`: for each exercise a stage `yours-<slug>`, the chapter's stage
// built with the learner's file in place of the course's module. Each is loaded through a Vite
// module graph of its own (the same swap as `check`, swap-solution.ts), so the course's stages
// keep the course's code, and a save in workshop/<slug>.ts is picked up by the next request.
// Modules loaded that way are copies, with state of their own: the request target as sent
// (server/request-target.ts, which path-stripping reads) is handed over to the copy.
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { yourStage } from '../../common/your-stage';
import { NOSNIFF } from '../../server/http/error-page';
import { respond } from '../../server/http/respond';
import { requestTarget } from '../../server/request-target';
import type { FileStore } from '../../server/files/store';
import type { Stage, StageDefinition } from '../../server/stages';
import { EXERCISES, type Exercise } from './exercises';
import { learnerFile, ROOT } from './learner-files';
import { swapSolution } from './swap-solution';


export interface LearnerStages {
  stages: StageDefinition[];
  close(): Promise<void>;
}

export function learnerStages(): LearnerStages {
  const graphs = new Map<string, Promise<ViteDevServer>>();

  function graphFor(exercise: Exercise): Promise<ViteDevServer> {
    let graph = graphs.get(exercise.slug);
    if (!graph) {
      graph = createServer({
        configFile: false,
        root: ROOT,
        appType: 'custom',
        logLevel: 'error',
        plugins: [swapSolution(path.join(ROOT, exercise.solution), learnerFile(exercise))],
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      graphs.set(exercise.slug, graph);
    }
    return graph;
  }

  /** The chapter's stage as the learner's code makes it, loaded afresh when a file changed. */
  async function create(exercise: Exercise, files: FileStore): Promise<Stage> {
    const graph = await graphFor(exercise);
    const load = (file: string) => graph.ssrLoadModule(path.join(ROOT, file));
    const { findStage } = (await load('server/stages/index.ts')) as typeof import('../../server/stages');
    const { setRequestTarget } = (await load('server/request-target.ts')) as typeof import('../../server/request-target');
    const stage = findStage(exercise.slug)!.create(files);
    return (request) => {
      const sent = requestTarget(request);
      if (sent !== undefined) setRequestTarget(request, sent);
      return stage(request);
    };
  }

  return {
    stages: EXERCISES.map((exercise) => ({
      slug: yourStage(exercise.slug),
      title: `Your ${exercise.slug} server (workshop/${exercise.slug}.ts)`,
      create: (files) => async (request) => {
        try {
          return await (await create(exercise, files))(request);
        } catch (error) {
          return yourCodeFailed(exercise, error);
        }
      },
    })),
    async close() {
      await Promise.all([...graphs.values()].map(async (graph) => (await graph).close()));
    },
  };
}

/** A 500 that says why, for the learner in the playground (the course's stages say less). */
function yourCodeFailed(exercise: Exercise, error: unknown): Response {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const body = `Your code (workshop/${exercise.slug}.ts) threw while answering:\n\n${message}\n`;
  const bytes = new TextEncoder().encode(body);
  return respond(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(bytes.length), ...NOSNIFF }, bytes);
}
