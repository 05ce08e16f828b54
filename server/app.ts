// The course app: every stage under /ch/<stage>/, the request log, and the experiments on a
// stage's files. docs/api.md describes this interface; server/node.ts and server/vite-plugin.ts
// put it on a port.
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { builtSite } from './built-site';
import { Sandbox, SandboxError, MAX_EDIT_BYTES } from './files/sandbox';
import { errorPage } from './http/error-page';
import { EXCHANGE_HEADER, type Exchange } from './log/exchange';
import { RequestLog } from './log/request-log';
import { STAGES, findStage, type Stage } from './stages';

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
}

type Bindings = { incoming?: IncomingMessage };

export async function createCourseApp(options: CourseAppOptions = {}): Promise<CourseApp> {
  const sandbox = await Sandbox.create();
  const log = new RequestLog();
  const stages = new Map<string, Stage>();
  const stageFor = async (slug: string): Promise<Stage | null> => {
    const definition = findStage(slug);
    if (!definition) return null;
    let stage = stages.get(slug);
    if (!stage) {
      stage = definition.create(await sandbox.rootFor(slug));
      stages.set(slug, stage);
    }
    return stage;
  };

  const app = new Hono<{ Bindings: Bindings }>();

  // --- The stages -------------------------------------------------------------------------
  app.all('/ch/:stage', (c) => c.redirect(`/ch/${encodeURIComponent(c.req.param('stage'))}/`, 301));
  app.all('/ch/:stage/*', async (c) => {
    const slug = c.req.param('stage');
    const stage = await stageFor(slug);
    if (!stage) return errorPage(404, `There is no stage called "${slug}". Stages: ${STAGES.map((s) => s.slug).join(', ')}.`);
    return answerAndRecord(c, slug, stage, log);
  });

  // --- The request log --------------------------------------------------------------------
  app.get('/api/log', (c) => {
    const stage = c.req.query('stage');
    const wanted = (e: Exchange) => !stage || e.stage === stage;
    return streamSSE(c, async (stream) => {
      const send = (e: Exchange) => stream.writeSSE({ event: 'exchange', id: String(e.id), data: JSON.stringify(e) });
      const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
      const unsubscribe = log.subscribe((e) => {
        if (wanted(e)) void send(e);
      });
      for (const e of log.all().filter(wanted)) await send(e);
      await closed;
      unsubscribe();
    });
  });
  app.get('/api/log/:id', (c) => {
    const exchange = log.get(Number(c.req.param('id')));
    return exchange ? c.json(exchange) : c.json({ error: 'That exchange is no longer kept.' }, 404);
  });
  app.delete('/api/log', (c) => {
    log.clear();
    return c.body(null, 204);
  });

  // --- Experiments on a stage's files ----------------------------------------------------
  const knownStage = (c: Context): string => {
    const slug = c.req.param('stage') ?? '';
    if (!findStage(slug)) throw new SandboxError(404, `There is no stage called "${slug}".`);
    return slug;
  };
  app.get('/api/stages', async (c) =>
    c.json(await Promise.all(STAGES.map(async (s) => ({ slug: s.slug, title: s.title, files: await sandbox.list(s.slug) })))),
  );
  app.get('/api/stages/:stage/files', async (c) => c.json(await sandbox.list(knownStage(c))));
  app.put(
    '/api/stages/:stage/files/:name',
    bodyLimit({
      maxSize: MAX_EDIT_BYTES,
      // Answered before the whole body is read: close the connection rather than reuse it.
      onError: (c) => c.json({ error: `A file may hold at most ${MAX_EDIT_BYTES} bytes.` }, 413, { Connection: 'close' }),
    }),
    async (c) => {
      const content = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await sandbox.edit(knownStage(c), c.req.param('name'), content));
    },
  );
  app.post('/api/stages/:stage/files/:name/touch', async (c) => c.json(await sandbox.touch(knownStage(c), c.req.param('name'))));
  app.post('/api/stages/:stage/reset', async (c) => c.json(await sandbox.reset(knownStage(c))));
  app.all('/api/*', (c) => c.json({ error: `No such API: ${c.req.method} ${c.req.path}` }, 404));

  // --- The built site (npm run serve) ----------------------------------------------------
  // Caching, compression, and a 404 for a page the app does not have: see server/built-site.ts.
  const siteDir = options.siteDir;
  if (siteDir && existsSync(siteDir)) {
    const site = builtSite(siteDir);
    app.all('/*', (c) => site(c.req.raw));
  }

  app.notFound(() => errorPage(404, 'Nothing here. The course is at /, its stages under /ch/<stage>/.'));
  app.onError((error, c) => {
    if (error instanceof SandboxError) return c.json({ error: error.message }, error.status);
    console.error(`[cachecraft] ${c.req.method} ${c.req.path} failed: ${error.message}`);
    return errorPage(500, 'The server failed while answering this request; the details are in its console.');
  });

  return {
    fetch: (request, env) => app.fetch(request, env as Bindings),
    log,
    sandbox,
    close: () => sandbox.dispose(),
  };
}

/**
 * Hands the request to the stage with the /ch/<stage> prefix taken off, so every stage sees
 * the same paths it would see alone at /, and records the exchange in the log.
 */
async function answerAndRecord(c: Context<{ Bindings: Bindings }>, slug: string, stage: Stage, log: RequestLog): Promise<Response> {
  const started = performance.now();
  const incoming = c.env?.incoming;
  const url = new URL(c.req.url);
  const prefix = `/ch/${slug}`;
  const path = url.pathname.slice(prefix.length) || '/';
  const inner = new Request(new URL(path + url.search, url.origin), {
    method: c.req.method,
    headers: c.req.raw.headers,
  });

  let response: Response;
  try {
    response = await stage(inner);
  } catch (error) {
    // A stage that throws (the seed does, on purpose) answers a plain 500: no stack trace.
    console.error(`[cachecraft] stage ${slug} threw on ${c.req.method} ${path}: ${(error as Error).message}`);
    response = errorPage(500, `The ${slug} stage failed on this request: it threw an error (see the server console).`);
  }

  const id = log.reserveId();
  const answer = new Response(response.body, response); // the stage's headers may be immutable
  answer.headers.set(EXCHANGE_HEADER, String(id));

  const noBody = c.req.method === 'HEAD' || response.status === 304 || response.status === 204;
  log.record({
    id,
    time: Date.now(),
    stage: slug,
    method: c.req.method,
    target: incoming?.url ?? url.pathname + url.search,
    path,
    httpVersion: incoming?.httpVersion ?? '1.1',
    requestHeaders: incoming ? pairs(incoming.rawHeaders) : [...c.req.raw.headers],
    status: response.status,
    responseHeaders: [...answer.headers],
    bodyBytes: noBody ? 0 : Number(response.headers.get('Content-Length') ?? 0),
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  });
  return answer;
}

function pairs(raw: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) result.push([raw[i]!, raw[i + 1]!]);
  return result;
}
