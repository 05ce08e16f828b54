// The course app: every stage under /ch/<stage>/, the request log, and the experiments on a
// stage's files. docs/api.md describes this interface. It runs in two places, so it imports no
// node: module (only types): on Node (server/app.ts, over the sandbox on disk; server/node.ts
// and server/vite-plugin.ts put it on a port) and in the browser for the static build
// (server/static-app.ts over the samples in memory, answered by an msw service worker: static/).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { MAX_EDIT_BYTES, SandboxError, type Workspace } from './files/workspace';
import { errorPage } from './http/error-page';
import { formatHttpDate } from './http/http-date';
import { asWritten, isFileBody, respond, type HeaderPairs, type WrittenBody } from './http/respond';
import { EXCHANGE_HEADER, type Exchange } from '../common/exchange';
import { RequestLog, sentHead } from './log/request-log';
import { onHeadWritten } from './log/wire-head';
import { hasCourseTags, takeCourseTags, type CourseTags } from './course-tags';
import { requestTarget, routedTarget, setRequestTarget } from './request-target';
import { stageRequest } from './stage-request';
import { plainStageRoute, stageRoute, type StageRoute } from './stage-route';
import type { FileStore } from './files/store';
import type { Stage, StageDefinition } from './stages/stage';

export { EXCHANGE_HEADER };

export interface CourseAppCore {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  /** For the node listener (listen.ts): the target a stage's Request is built from, inside the stage. */
  innerTarget: (sent: string) => string | undefined;
  log: RequestLog;
  /**
   * Answers a request that came to a stage's own raw listener (server/raw/): the stage alone at
   * /, the target as typed, logged as raw with `caller`'s tags (those of the API call that sent it).
   */
  answerRaw: (slug: string, request: Request, env: unknown, caller: RawCaller | undefined) => Promise<Response>;
}

/** Who a raw request is for (the API call's tags), and the exchanges it made (server/raw/stage-listeners.ts). */
export interface RawCaller {
  learner?: string;
  chapter?: string;
  exchangeIds: number[];
}

export type Bindings = { incoming?: IncomingMessage; outgoing?: ServerResponse };
export type CourseHono = Hono<{ Bindings: Bindings }>;

export interface CourseAppCoreOptions {
  /** The files each stage serves, and the experiments on them. */
  workspace: Workspace;
  /** Every stage the app serves, STAGES first. */
  stages: StageDefinition[];
  /**
   * Routes only a server on Node can answer (e.g. one that opens a TCP connection), added
   * before the catch-all below. The static build has none of them: see `missingApi`.
   */
  serverRoutes?: (app: CourseHono, knownStage: (c: Context) => string) => void;
  /** What an /api path the app does not have answers; by default a 404. */
  missingApi?: (c: Context) => Response;
  /** Everything outside /api and /ch: a built site (npm run serve). */
  site?: (request: Request) => Response | Promise<Response>;
  /**
   * Adds a Date field to a stage's answer that has none, as node:http does on its own (RFC 9110,
   * 6.6.1: an origin server with a clock sends one). For the static build, where no node writes
   * the answer.
   */
  stampDate?: boolean;
}

export function courseAppCore(options: CourseAppCoreOptions): CourseAppCore {
  const { workspace, stages } = options;
  const log = new RequestLog();
  const bySlug = new Map([...stages].reverse().map((stage) => [stage.slug, stage])); // the first of a slug wins
  const findStage = (slug: string) => bySlug.get(slug);
  const stageFor = stageInstances(workspace, findStage);

  const app: CourseHono = new Hono<{ Bindings: Bindings }>();
  // Everything the app itself answers (not the stages: they send their own headers, and the
  // seed keeps 2008's) tells the browser not to guess at its Content-Type.
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  // --- The request log --------------------------------------------------------------------
  app.get('/api/log', (c) => {
    const stage = c.req.query('stage');
    return streamSSE(c, async (stream) => {
      // What is kept now, then every later exchange once: an exchange recorded just before this
      // page subscribed may come both ways, so ids already sent are skipped.
      let lastSent = 0;
      const send = (exchanges: readonly Exchange[], skipped = 0) => {
        // Under load the log leaves exchanges out of a batch (request-log.ts): the page is told
        // how many, in the same write.
        const fresh = exchanges[0] && exchanges[0].id > lastSent ? exchanges : exchanges.filter((e) => e.id > lastSent);
        if (fresh.length > 0) lastSent = fresh[fresh.length - 1]!.id;
        const bytes = log.encodedEvents(fresh, stage, skipped);
        if (bytes.byteLength > 0) void stream.write(bytes);
      };
      const unsubscribe = log.subscribe(send);
      send(log.all());
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      unsubscribe();
    });
  });
  app.get('/api/log/:id', (c) => {
    const exchange = log.get(Number(c.req.param('id')));
    return exchange ? c.json(exchange) : c.json({ error: 'That exchange is no longer kept.' }, 404);
  });

  // --- Experiments on a stage's files ----------------------------------------------------
  const knownStage = (c: Context): string => {
    const slug = c.req.param('stage') ?? '';
    if (!findStage(slug)) throw new SandboxError(404, `There is no stage called "${slug}".`);
    return slug;
  };
  app.get('/api/stages', (c) => c.json(stages.map(({ slug, title }) => ({ slug, title }))));
  app.get('/api/stages/:stage/files', async (c) => c.json(await workspace.list(knownStage(c))));
  app.put(
    '/api/stages/:stage/files/:name',
    bodyLimit({
      maxSize: MAX_EDIT_BYTES,
      // Answered before the whole body is read: close the connection rather than reuse it.
      onError: (c) => c.json({ error: `A file may hold at most ${MAX_EDIT_BYTES} bytes.` }, 413, { Connection: 'close' }),
    }),
    async (c) => {
      const content = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await workspace.edit(knownStage(c), c.req.param('name'), content));
    },
  );
  app.post('/api/stages/:stage/files/:name/touch', async (c) => c.json(await workspace.touch(knownStage(c), c.req.param('name'))));
  app.post('/api/stages/:stage/files/:name/rewrite-same-mtime', async (c) =>
    c.json(await workspace.rewriteSameMtime(knownStage(c), c.req.param('name'))),
  );
  app.post('/api/stages/:stage/reset', async (c) => c.json(await workspace.reset(knownStage(c))));
  options.serverRoutes?.(app, knownStage);
  app.all('/api/*', (c) => options.missingApi?.(c) ?? c.json({ error: `No such API: ${c.req.method} ${c.req.path}` }, 404));

  // --- The built site (npm run serve) ----------------------------------------------------
  const site = options.site;
  if (site) app.all('/*', (c) => site(c.req.raw));

  app.notFound(() => errorPage(404, 'Nothing here. The course is at /, its stages under /ch/<stage>/.'));
  app.onError((error, c) => {
    if (error instanceof SandboxError) return c.json({ error: error.message }, error.status);
    console.error(`[cachecraft] ${c.req.method} ${c.req.path} failed: ${error.message}`);
    return errorPage(500, 'The server failed while answering this request; the details are in its console.');
  });

  // The stages are routed on the request target as sent (see stage-route.ts), the rest by Hono.
  /** The route innerTarget (below) last found, and for which target as sent. */
  let lastInner: { sent: string; route: StageRoute } | undefined;
  const fetch = (request: Request, env?: unknown): Response | Promise<Response> => {
    const incoming = (env as Bindings | undefined)?.incoming;
    // The target as sent (listen.ts keeps it: node's req.url is re-encoded for the adapter).
    const sent = requestTarget(request);
    const route = sent !== undefined && sent === lastInner?.sent ? lastInner.route : stageRoute(sent ?? pathAndQuery(request.url));
    if (!route) return app.fetch(request, env as Bindings);
    const definition = findStage(route.slug);
    if (!definition) return errorPage(404, `There is no stage called "${route.slug}". Stages: ${stages.map((s) => s.slug).join(', ')}.`);
    if (route.kind === 'add-slash') return errorPage(301, `The stage is at ${route.location}`, { Location: route.location });
    if (route.kind === 'leaves-stage') {
      return errorPage(400, `This path leaves the stage: it resolves to ${route.resolved}, outside /ch/${route.slug}/.`);
    }
    const outgoing = (env as Bindings | undefined)?.outgoing;
    // listen.ts built the Request at the path inside the stage when innerTarget (below) said so.
    const atStagePath = routedTarget(request) === route.path;
    return answerAndRecord({ request, incoming, outgoing, slug: definition.slug, path: route.path, target: route.target, atStagePath, log, stageFor, stampDate: options.stampDate === true });
  };

  // Through node, a plain stage path (nearly every request) is routed before the adapter builds
  // its Request (listen.ts), which then carries the path inside the stage: the stage is given that
  // Request itself, with no second URL and no view over it (docs/performance.md).
  const innerTarget = (sent: string): string | undefined => {
    const route = plainStageRoute(sent);
    if (route?.kind !== 'stage' || !bySlug.has(route.slug)) return undefined;
    lastInner = { sent, route }; // fetch takes it rather than route the same target again
    return route.path;
  };

  const answerRaw = (slug: string, request: Request, env: unknown, caller: RawCaller | undefined): Promise<Response> => {
    const { incoming, outgoing } = (env ?? {}) as Bindings;
    const path = pathAndQuery(request.url);
    const target = requestTarget(request) ?? path;
    // The stage's own listener: the Request is at the stage's path already.
    return answerAndRecord({ request, incoming, outgoing, slug, path, target, atStagePath: true, log, stageFor, stampDate: false, raw: { caller } });
  };

  return { fetch, innerTarget, log, answerRaw };
}

/** Each stage, built on its current copy of the samples (a reset makes a new copy, a new store). */
function stageInstances(workspace: Workspace, findStage: (slug: string) => StageDefinition | undefined): (slug: string) => Stage | Promise<Stage> {
  const built = new Map<string, { files: FileStore; stage: Stage }>();
  const stageOver = (slug: string, files: FileStore): Stage => {
    let entry = built.get(slug);
    if (entry?.files !== files) {
      entry = { files, stage: findStage(slug)!.create(files) };
      built.set(slug, entry);
    }
    return entry.stage;
  };
  // Once a stage's copy is ready, without waiting a turn (currentStore): most requests.
  return (slug) => {
    const ready = workspace.currentStore?.(slug);
    return ready ? stageOver(slug, ready) : workspace.storeFor(slug).then((files) => stageOver(slug, files));
  };
}

interface StageCall {
  request: Request;
  incoming: IncomingMessage | undefined;
  /** node's response, when the request came through node: the log reads the head it sends. */
  outgoing: ServerResponse | undefined;
  slug: string;
  /** The path (and query) inside the stage, e.g. "/monitor.css". */
  path: string;
  /**
   * The target as sent, "/ch/<stage>" taken out (see stage-route.ts and request-target.ts); for
   * a raw request, the whole target: the stage's own listener has no prefix.
   */
  target: string;
  /** The Request's URL is already the one inside the stage (origin + `path`). */
  atStagePath: boolean;
  log: RequestLog;
  stageFor: (slug: string) => Stage | Promise<Stage>;
  stampDate: boolean;
  /**
   * Set when the request came through a stage's raw listener: who the relay sent it for (the
   * tags come with the API call, not in the bytes), absent for a connection the relay did not open.
   */
  raw?: { caller: RawCaller | undefined };
}

/**
 * Hands the request to the stage with the /ch/<stage> prefix taken off, so every stage sees
 * the same paths it would see alone at /, and records the exchange in the log. The answer goes
 * out as the stage wrote it, followed by the exchange id.
 */
async function answerAndRecord({ request, incoming, outgoing, slug, path, target, atStagePath, log, stageFor, stampDate, raw }: StageCall): Promise<Response> {
  const started = performance.now();
  // Who sent it (the course's tags) is recorded apart: the stage sees the request as written.
  // Most requests through node carry no tag: their fields are copied for the log only if it is read.
  const untagged = incoming !== undefined && !hasCourseTags(incoming.rawHeaders);
  const tags: CourseTags = untagged ? NO_TAGS : takeCourseTags(incoming ? pairs(incoming.rawHeaders) : [...request.headers]);
  // The seed reads the target as sent; known only when the request came through node.
  const sentTarget = requestTarget(request);
  // The client's own Request when it is already at the stage's path with the client's headers
  // (nearly always); otherwise a view of it at that path, without the tags (stage-request.ts).
  const inner = atStagePath && !tags.changed ? request : stageRequest(request, originOf(request.url) + path, tags.changed ? headersOf(tags.headers) : undefined);
  if (sentTarget !== undefined) setRequestTarget(inner, target); // the stage's view of it

  let response: Response;
  try {
    const stage = stageFor(slug);
    response = await (stage instanceof Promise ? await stage : stage)(inner);
  } catch (error) {
    // A stage that throws (none does on purpose) answers a plain 500: no stack trace.
    console.error(`[cachecraft] stage ${slug} threw on ${request.method} ${path}: ${(error as Error).message}`);
    response = errorPage(500, `The ${slug} stage failed on this request: it threw an error (see the server console).`);
  }

  const id = log.reserveId();
  raw?.caller?.exchangeIds.push(id);
  const written = asWritten(response);
  const headers: HeaderPairs = [...written.headers, [EXCHANGE_HEADER, String(id)]];
  // After the stage's own fields, where node puts it.
  if (stampDate && !headers.some(([name]) => name.toLowerCase() === 'date')) headers.push(['Date', formatHttpDate(new Date())]);
  // What the log shows is filled in when it is first read (request-log.ts): under load most
  // exchanges never are, and the answer does not wait for any of it.
  const exchange: Exchange = {
    id,
    time: Date.now(),
    stage: slug,
    method: request.method,
    // Through node the target as sent; otherwise (the static build, a test) its URL's path and query.
    target: sentTarget ?? pathAndQuery(request.url),
    path: '',
    httpVersion: incoming?.httpVersion ?? '1.1',
    requestHeaders: tags.headers,
    status: written.status,
    responseHeaders: headers,
    bodyBytes: 0,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  };
  // A raw request's tags are the API call's: any in its bytes were taken off and are ignored.
  const { learner, chapter } = raw ? (raw.caller ?? {}) : tags;
  if (learner) exchange.learner = learner;
  if (chapter) exchange.chapter = chapter;
  if (raw) exchange.raw = true;
  const rawHeaders = untagged ? incoming.rawHeaders : undefined;
  const ownSize = bodySize(written.body); // a number, so that the log does not keep the body
  const logged = log.record(exchange, (e) => {
    e.path = pathOf(path);
    const noBody = e.method === 'HEAD' || e.status === 304 || e.status === 204;
    // The Content-Length as sent (node adds one to a body given whole, e.g. the seed's error
    // pages, which had none in 2008); without one, the body's own size.
    const declared = e.responseHeaders.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    e.bodyBytes = noBody ? 0 : declared !== undefined ? Number(declared) : ownSize;
    if (rawHeaders) e.requestHeaders = pairs(rawHeaders);
  });
  // Through node, the log shows the head node actually sends (with its own Date, Connection,
  // Keep-Alive…), read from node when it composes it.
  if (outgoing) onHeadWritten(outgoing, (head) => sentHead(logged, head));
  return respond(written.status, headers, written.body, written.reason);
}

const NO_TAGS: CourseTags = Object.freeze({ headers: Object.freeze([]) as unknown as [string, string][], changed: false });

/** Bytes in a body as the stage gave it; 0 for a stream, whose length is known only once sent. */
function bodySize(body: WrittenBody): number {
  if (body === null) return 0;
  if (typeof body === 'string') return utf8.encode(body).byteLength;
  if (body instanceof Uint8Array) return body.byteLength;
  if (isFileBody(body)) return body.end - body.start + 1;
  return 0;
}

const utf8 = new TextEncoder();

/** "http://host:port/a/b?c" → "http://host:port": a Request's URL is always absolute, with a path. */
function originOf(url: string): string {
  return url.slice(0, url.indexOf('/', url.indexOf('//') + 2));
}

/**
 * The path of a path-and-query inside a stage, as a URL's pathname has it. Plain paths (nearly
 * all) are cut at "?"; anything a URL would percent-encode goes through one.
 */
function pathOf(pathAndQuery: string): string {
  const question = pathAndQuery.indexOf('?');
  const pathOnly = question < 0 ? pathAndQuery : pathAndQuery.slice(0, question);
  return /^[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$/.test(pathOnly) ? pathOnly : new URL(`http://x${pathAndQuery}`).pathname;
}

function pathAndQuery(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

function headersOf(fields: [string, string][]): Headers {
  const headers = new Headers();
  for (const [name, value] of fields) {
    try {
      headers.append(name, value);
    } catch {
      // a field node accepted but fetch's Headers refuses: the stage would not have read it either
    }
  }
  return headers;
}

function pairs(raw: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) result.push([raw[i]!, raw[i + 1]!]);
  return result;
}
