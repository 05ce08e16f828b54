// Starts every server of the run and lays out the two comparisons:
//  1. "files": the stage alone (`npm run serve -- --stage <slug> --root <dir>`) against
//     serve-static (the baseline) and nginx when it is on the PATH, all serving the same temp files;
//  2. "app": the course app's /ch/<slug>/ path, with SSE clients following the request log,
//     against the same stage alone serving server/samples (the baseline). The app serves its
//     sandbox copy of those samples (same bytes, same mtimes), so both send the same files: the
//     ratio is the price of the app around the stage (routing, the log, the event streams).
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCourseApp, startStage, type Running } from './course-server';
import type { BenchFile, Fixtures } from './fixtures';
import { findNginx, startNginx } from './nginx';
import type { Target } from './phases';
import type { SectionResult, ServerResult } from './results';
import { startServeStatic } from './serve-static';

export const SSE_CLIENTS = 50;
const SAMPLES_DIR = fileURLToPath(new URL('../server/samples/', import.meta.url));

export class StartError extends Error {}

export interface Lineup {
  sections: [files: SectionResult, app: SectionResult];
  /** Every running server by id ("stage", "serve-static", "nginx", "stage-samples", "app"). */
  running: Map<string, Running>;
  targets: Map<string, Target>;
  /** The app's own URL (for /api/log). */
  appUrl: string;
  /** The nginx binary, when one was found on the PATH and started. */
  nginxBinary: string | null;
}

export async function startServers(slug: string, fixtures: Fixtures): Promise<Lineup> {
  const samples = { small: sampleFile('monitor.css'), large: sampleFile('load-graph.png') };
  // Every server starts at once: an idle one costs nothing while another is measured.
  const started = await startAll({
    stage: startStage(`stage ${slug}`, slug, fixtures.filesDir),
    serveStatic: startServeStatic('serve-static', fixtures.filesDir),
    stageSamples: startStage(`stage ${slug} (alone)`, slug, SAMPLES_DIR),
    app: startCourseApp(`app /ch/${slug}/ + ${SSE_CLIENTS} SSE`),
  });

  const nginxBinary = findNginx();
  let nginx: Running | null = null;
  let nginxAbsent: string | null = 'not on PATH';
  if (nginxBinary) {
    try {
      nginx = await startNginx('nginx', nginxBinary, fixtures.filesDir, path.join(fixtures.dir, 'nginx'), fixtures.small.path);
      nginxAbsent = null;
    } catch (error) {
      // nginx is an extra reference: the comparison the bench exists for goes on without it.
      nginxAbsent = `could not start (${(error as Error).message.split('\n')[0]})`;
    }
  }

  const files: SectionResult = {
    id: 'files',
    title: `stage "${slug}" vs serve-static${nginxBinary ? ' vs nginx' : ''}, same files`,
    what: `  ratio: req/s ÷ serve-static's req/s in the same phase. Files in a temp folder, mtime an hour ago.`,
    baselineId: 'serve-static',
    files: { small: fixtures.small, large: fixtures.large },
    servers: [server('stage', started.stage.label), server('serve-static', started.serveStatic.label), server('nginx', 'nginx', nginxAbsent)],
  };
  const app: SectionResult = {
    id: 'app',
    title: `the course app's /ch/${slug}/ path vs stage "${slug}" alone, server/samples`,
    what:
      `  The app serves its sandbox copy of server/samples (same bytes, same mtimes) while ${SSE_CLIENTS} clients follow /api/log;\n` +
      `  the stage alone serves server/samples at /. ratio: req/s ÷ the standalone stage's.`,
    baselineId: 'stage-samples',
    files: samples,
    servers: [server('stage-samples', started.stageSamples.label), server('app', started.app.label)],
  };

  const running = new Map<string, Running>([
    ['stage', started.stage],
    ['serve-static', started.serveStatic],
    ['stage-samples', started.stageSamples],
    ['app', started.app],
  ]);
  if (nginx) running.set('nginx', nginx);
  const targets = new Map<string, Target>(
    [...running].map(([id, r]) => [id, { id, label: r.label, base: r.url + (id === 'app' ? `/ch/${slug}` : ''), pid: r.child.pid }]),
  );
  return { sections: [files, app], running, targets, appUrl: started.app.url, nginxBinary: nginx ? nginxBinary : null };
}

function server(id: string, label: string, absent: string | null = null): ServerResult {
  return { id, label, absent, phases: {}, footprint: null };
}

function sampleFile(name: string): BenchFile {
  return { path: `/${name}`, bytes: statSync(path.join(SAMPLES_DIR, name)).size };
}

/** Waits for every server; the first that could not start ends the run (the others are stopped by the cleanup). */
async function startAll<T extends Record<string, Promise<Running>>>(startups: T): Promise<{ [K in keyof T]: Running }> {
  const entries = Object.entries(startups);
  const settled = await Promise.allSettled(entries.map(([, p]) => p));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw new StartError((failed.reason as Error).message);
  return Object.fromEntries(entries.map(([key], i) => [key, (settled[i] as PromiseFulfilledResult<Running>).value])) as { [K in keyof T]: Running };
}
