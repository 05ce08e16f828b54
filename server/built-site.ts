// The built site (dist/), as `npm run serve` sends it. A course on HTTP caching should practise
// what it teaches, so this is the policy the README describes for instructors who deploy it:
//
//   /assets/<name>-<hash>.<ext>   Cache-Control: public, max-age=31536000, immutable
//                                 (Vite puts a hash of the content in the name: new content,
//                                 new URL, so a copy may be kept for a year without asking)
//   the page and every other file Cache-Control: no-cache, with ETag and Last-Modified, so a
//                                 browser asks each time and gets a bodiless 304 while unchanged
//   text (HTML, JS, CSS, JSON, SVG) compressed with brotli or gzip as Accept-Encoding allows,
//                                 with Vary: Accept-Encoding
//   /chapters/<unknown>           404, with the page as the body, so the app still shows its
//                                 friendly "nothing here"
//
// The client routes come from dist/routes.json, written by `npm run build`
// (site/vite/routes-plugin.ts). Every answer carries X-Content-Type-Options: nosniff.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { fileFinder, isMissing, type FoundFile } from './files/disk';
import { negotiateEncoding, type ContentCoding } from './http/accept-encoding';
import { isCompressible } from './http/compressible';
import { contentTypeFor } from './http/content-type';
import { errorPage, preconditionFailed } from './http/error-page';
import { formatHttpDate } from './http/http-date';
import { lastModifiedTime } from './http/last-modified';
import { refuseUnlessReadMethod } from './http/methods';
import { evaluatePreconditions } from './http/preconditions';
import { checkRequestPath } from './http/request-path';

/** The list of client routes in dist/, written at build time: `{ "routes": ["/", "/chapters/…"] }`. */
export const ROUTES_FILE = 'routes.json';
export interface RoutesManifest {
  routes: string[];
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
// The page's URL never changes when a new build changes it, and it names the assets of that
// build: it must be checked every time. no-cache (not no-store) keeps the copy and makes the
// check a conditional request, answered 304 with no body. Files outside assets/ (a favicon,
// routes.json) have fixed names too, so they get the same rule rather than a guessed max-age.
export const REVALIDATE = 'no-cache';

export type SiteHandler = (request: Request) => Promise<Response>;

/** A fetch-style handler serving the built site in `siteDir`. */
export function builtSite(siteDir: string): SiteHandler {
  const cache = new RepresentationCache();
  const findFile = fileFinder(siteDir);
  const routes = new RouteList(path.join(siteDir, ROUTES_FILE));

  const sendFile = async (request: Request, file: FoundFile, segments: string[], status: 200 | 404): Promise<Response> => {
    const type = contentTypeFor(file.name);
    const compressible = isCompressible(type);
    let stored: StoredFile;
    try {
      stored = await cache.get(file, compressible);
    } catch (error) {
      if (isMissing(error)) return errorPage(404, 'That file was removed while being read.');
      throw error;
    }
    const coding = negotiateEncoding(
      request.headers.get('Accept-Encoding'),
      stored.variants.map((v) => v.coding),
    );
    // Nothing acceptable (e.g. "identity;q=0" alone): RFC 9110, 12.1 lets a server disregard
    // the field rather than answer 406; the file as stored is the answer every client can try.
    const chosen = stored.variants.find((v) => v.coding === (coding ?? 'identity'))!;

    const headers = new Headers({ 'Cache-Control': isFingerprinted(segments) ? IMMUTABLE : REVALIDATE });
    // On every answer for a resource that has codings, identity and 304 included: a cache must
    // know the body depends on Accept-Encoding before it hands a stored br body to a client
    // that cannot read it.
    if (compressible) headers.set('Vary', 'Accept-Encoding');
    if (status === 200) {
      // No validators on the 404 page: it is an error, never a 304 (RFC 9110, 13.2.1).
      headers.set('ETag', chosen.etag);
      headers.set('Last-Modified', formatHttpDate(stored.lastModified));
      // If-None-Match first, else If-Modified-Since; If-Match too (RFC 9110, 13.2.2).
      const outcome = evaluatePreconditions(request, { etag: chosen.etag, lastModified: stored.lastModified });
      if (outcome.status === 304) return new Response(null, { status: 304, headers });
      if (outcome.status === 412) return preconditionFailed(outcome.by);
    }
    headers.set('Content-Type', type);
    if (chosen.coding !== 'identity') headers.set('Content-Encoding', chosen.coding);
    headers.set('Content-Length', String(chosen.body.length));
    return new Response(request.method === 'HEAD' ? null : chosen.body, { status, headers });
  };

  const sendPage = async (request: Request, status: 200 | 404): Promise<Response> => {
    const page = await findFile(['index.html']);
    if (!page) return errorPage(404, 'The built site has no index.html: run `npm run build`.');
    return sendFile(request, page, ['index.html'], status);
  };

  const answer = async (request: Request): Promise<Response> => {
    const refused = refuseUnlessReadMethod(request.method);
    if (refused) return refused;
    const pathname = new URL(request.url).pathname;
    const check = checkRequestPath(pathname);
    if (!check.ok) return errorPage(check.status, `${check.reason} (${pathname})`);

    // The route a client-side router sees: decoded, without the index.html a trailing "/" adds.
    const route = '/' + (pathname.endsWith('/') ? check.segments.slice(0, -1) : check.segments).join('/');
    const known = await routes.has(route);
    if (known === true) return sendPage(request, 200);

    const file = await findFile(check.segments);
    if (file) return sendFile(request, file, check.segments, 200);

    // A missing asset stays a plain 404: a script tag must not receive the page as JavaScript.
    if (/\.[^/.]+$/.test(route)) return errorPage(404, `There is no file at ${pathname}.`);
    // Any other path is a page the app does not have: say so with the status, and let the app
    // render its own "nothing here". Without a route list (a dist/ built before there was one),
    // every such path gets the page with 200, as before.
    return sendPage(request, known === null ? 200 : 404);
  };

  return async (request) => {
    let response: Response;
    try {
      response = await answer(request);
    } catch (error) {
      console.error(`[cachecraft] ${request.method} ${new URL(request.url).pathname} failed: ${(error as Error).message}`);
      response = errorPage(500, 'The server failed while answering this request; the details are in its console.');
    }
    response.headers.set('X-Content-Type-Options', 'nosniff');
    return response;
  };
}

/**
 * True for the files Vite emitted under assets/ with a content hash in the name, e.g.
 * `assets/index-P-DUIlPY.css` (Vite's default `[name]-[hash]`, eight characters). Only Vite
 * writes dist/assets/ (it empties dist/ on each build); a name it did not hash is left out by the
 * pattern, and a miss only costs a revalidation, never a stale file.
 */
export function isFingerprinted(segments: string[]): boolean {
  return segments.length === 2 && segments[0] === 'assets' && /.-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/.test(segments[1]!);
}

// --- Representations, compressed once ---------------------------------------------------------

interface Representation {
  coding: ContentCoding;
  body: Uint8Array<ArrayBuffer>;
  /**
   * A strong ETag per coding: "<hash>", "<hash>-br", "<hash>-gz". The gzip body is not the same
   * bytes as the identity one, so it is another representation and a strong validator must
   * differ (RFC 9110, 8.8.3 and its example in 8.8.3.3). One shared tag would let a cache that
   * holds the gzip body revalidate it for a client that asked for identity, and would break byte
   * ranges; weak tags would also be correct, but strong ones say more and cost nothing here.
   */
  etag: string;
}

interface StoredFile {
  lastModified: number;
  /** In the server's order of preference: br, gzip, identity (always there, last). */
  variants: Representation[];
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** Enough for every file of a few builds; the oldest entry goes beyond it. */
const MAX_ENTRIES = 500;

/**
 * Each file's bytes, hash and compressed bodies, computed once per version of the file (its
 * real path, mtime and size) at the first request, at the best (slowest) settings: the assets
 * never change, so the work is paid once (about half a second of brotli for the main bundle, off
 * the event loop). Concurrent first requests share the same work. dist/ is the site's own
 * build, a few hundred KiB, so it is held in memory whole.
 */
class RepresentationCache {
  private entries = new Map<string, { version: string; stored: Promise<StoredFile> }>();

  get(file: FoundFile, compressible: boolean): Promise<StoredFile> {
    const version = `${file.mtimeMs}:${file.size}:${compressible}`;
    const hit = this.entries.get(file.path);
    if (hit?.version === version) return hit.stored;

    const stored = load(file, compressible);
    this.entries.delete(file.path);
    this.entries.set(file.path, { version, stored });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    stored.catch(() => {
      if (this.entries.get(file.path)?.stored === stored) this.entries.delete(file.path);
    });
    return stored;
  }
}

async function load(file: FoundFile, compressible: boolean): Promise<StoredFile> {
  const bytes = (await readFile(file.path)) as Uint8Array<ArrayBuffer>;
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
  const variants: Representation[] = [];
  if (compressible) {
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
    ]);
    // A coding that does not make the body smaller (a tiny file) is not offered.
    if (br.length < bytes.length) variants.push({ coding: 'br', body: br as Uint8Array<ArrayBuffer>, etag: `"${hash}-br"` });
    if (gz.length < bytes.length) variants.push({ coding: 'gzip', body: gz as Uint8Array<ArrayBuffer>, etag: `"${hash}-gz"` });
  }
  variants.push({ coding: 'identity', body: bytes, etag: `"${hash}"` });
  return { lastModified: lastModifiedTime(file.mtimeMs), variants };
}

// --- The client routes ---------------------------------------------------------------------

/** dist/routes.json, re-read when a new build replaces it. */
class RouteList {
  private cached: { version: string; routes: Set<string> } | undefined;
  private warned = false;

  constructor(private readonly file: string) {}

  /** Whether `route` is a page of the app, or null when the build has no route list. */
  async has(route: string): Promise<boolean | null> {
    const info = await stat(this.file).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    if (!info) {
      if (!this.warned) console.warn(`[cachecraft] ${this.file} is missing: every page path answers 200. Run \`npm run build\`.`);
      this.warned = true;
      return null;
    }
    const version = `${info.mtimeMs}:${info.size}`;
    if (this.cached?.version !== version) {
      this.cached = { version, routes: parseRoutes(await readFile(this.file, 'utf8'), this.file) };
    }
    return this.cached.routes.has(route);
  }
}

function parseRoutes(text: string, file: string): Set<string> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    manifest = null;
  }
  const routes = (manifest as Partial<RoutesManifest> | null)?.routes;
  if (!Array.isArray(routes) || !routes.every((r) => typeof r === 'string' && r.startsWith('/'))) {
    throw new Error(`${file} is not a route list ({ "routes": ["/", …] }); run \`npm run build\` again.`);
  }
  return new Set(routes);
}
