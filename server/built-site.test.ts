// The built site as `npm run serve` sends it, on a real port, through the whole course app (so
// /ch/ and /api/ keep their place in front of it). A small fake dist/ stands in for `vite build`.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourseApp, type CourseApp } from './app';
import { IMMUTABLE } from './built-site';
import { formatHttpDate } from './http/http-date';
import { rawRequest, serve, type Running } from './testing/serve';

const PAGE = `<!doctype html>\n<html lang="en"><head><title>Cachecraft</title>\n${'<!-- filler so the page compresses -->\n'.repeat(40)}</head><body><div id="root"></div></body></html>\n`;
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const value${i} = "the same words again and again ${i}";`).join('\n');
const STYLE = 'body { color: black; }\n'.repeat(200);
const PNG = randomBytes(4096);
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${'<rect width="1" height="1"/>'.repeat(30)}</svg>`;
const MTIME = new Date('2025-01-02T03:04:05Z');

const JS = '/assets/index-CfGaaGcl.js';
const CSS = '/assets/index-P-DUIlPY.css';
const IMAGE = '/assets/logo-Xy12Ab_4.png';
const TINY = '/assets/tiny-Ab12Cd34.js';

interface Answer {
  status: number;
  headers: Map<string, string>;
  head: string;
  body: Buffer;
}

/** One request on its own connection, read off the wire: nothing decoded, nothing hidden. */
async function raw(port: number, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: x', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  const text = await rawRequest(port, lines.join('\r\n') + '\r\n\r\n');
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split);
  const map = new Map<string, string>();
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    map.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(head.slice(9, 12)), headers: map, head, body: Buffer.from(text.slice(split + 4), 'latin1') };
}

async function makeSite(withRoutes = true): Promise<string> {
  const site = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-dist-'));
  await mkdir(path.join(site, 'assets'));
  const files: [string, string | Buffer][] = [
    ['index.html', PAGE],
    [JS, SCRIPT],
    [CSS, STYLE],
    [IMAGE, PNG],
    [TINY, 'x'],
    ['favicon.svg', ICON],
  ];
  if (withRoutes) files.push(['routes.json', JSON.stringify({ routes: ['/', '/chapters/no-cache', '/chapters/last-modified'] })]);
  for (const [name, content] of files) {
    await writeFile(path.join(site, name), content);
    await utimes(path.join(site, name), MTIME, MTIME);
  }
  return site;
}

let site: string;
let app: CourseApp;
let server: Running;
const get = (target: string, headers?: Record<string, string>, method?: string) => raw(server.port, target, headers, method);

beforeAll(async () => {
  site = await makeSite();
  app = await createCourseApp({ siteDir: site });
  server = await serve(app.fetch, { innerTarget: app.innerTarget });
});
afterAll(async () => {
  await server.close();
  await app.close();
  await rm(site, { recursive: true, force: true });
});

describe('fingerprinted assets', () => {
  it('are immutable for a year, brotli-compressed for a browser, with Vary and an exact Content-Length', async () => {
    const answer = await get(JS, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.get('content-encoding')).toBe('br');
    expect(answer.headers.get('vary')).toBe('Accept-Encoding');
    expect(answer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Number(answer.headers.get('content-length'))).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    expect(answer.headers.get('etag')).toMatch(/^"[\w-]+-br"$/);
    expect(answer.headers.has('transfer-encoding')).toBe(false);
  });

  it('are gzip-compressed for a client that only takes gzip (x-gzip too)', async () => {
    for (const accept of ['gzip', 'x-gzip', 'br;q=0, gzip', 'br;q=0.5, gzip']) {
      const answer = await get(CSS, { 'Accept-Encoding': accept });
      expect(answer.headers.get('content-encoding'), accept).toBe('gzip');
      expect(answer.headers.get('vary'), accept).toBe('Accept-Encoding');
      expect(Number(answer.headers.get('content-length')), accept).toBe(answer.body.length);
      expect(zlib.gunzipSync(answer.body).toString(), accept).toBe(STYLE);
      expect(answer.headers.get('etag'), accept).toMatch(/-gz"$/);
    }
  });

  it('go as stored, still with Vary, without Accept-Encoding, to identity, and when every coding is refused', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': '' }, { 'Accept-Encoding': 'gzip;q=0, br;q=0' }, { 'Accept-Encoding': 'deflate' }] as Record<string, string>[]) {
      const what = JSON.stringify(headers);
      const answer = await get(JS, headers);
      expect(answer.status, what).toBe(200);
      expect(answer.headers.has('content-encoding'), what).toBe(false);
      expect(answer.headers.get('vary'), what).toBe('Accept-Encoding');
      expect(answer.headers.get('content-length'), what).toBe(String(Buffer.byteLength(SCRIPT)));
      expect(answer.body.toString(), what).toBe(SCRIPT);
      expect(answer.headers.get('etag'), what).toMatch(/^"[\w-]{22}"$/);
    }
  });

  it('have one ETag per coding, and a 304 only for the tag of the coding that would be sent', async () => {
    const br = (await get(JS, { 'Accept-Encoding': 'br' })).headers.get('etag')!;
    const gz = (await get(JS, { 'Accept-Encoding': 'gzip' })).headers.get('etag')!;
    const plain = (await get(JS)).headers.get('etag')!;
    expect(new Set([br, gz, plain]).size).toBe(3);

    const revalidated = await get(JS, { 'Accept-Encoding': 'br', 'If-None-Match': br });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.get('etag')).toBe(br);
    expect(revalidated.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(revalidated.headers.get('vary')).toBe('Accept-Encoding');
    expect(revalidated.headers.get('x-content-type-options')).toBe('nosniff');
    expect(revalidated.head).not.toMatch(/\r\n(Content-Length|Content-Encoding|Transfer-Encoding):/i);

    // The brotli tag does not validate the gzip body: a full 200 in gzip.
    const other = await get(JS, { 'Accept-Encoding': 'gzip', 'If-None-Match': br });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).toBe(gz);
    // A cache holding two variants sends both tags; the one that matches is named in the 304.
    const both = await get(JS, { 'Accept-Encoding': 'gzip', 'If-None-Match': `${br}, ${gz}` });
    expect(both.status).toBe(304);
    expect(both.headers.get('etag')).toBe(gz);
    expect((await get(JS, { 'If-None-Match': plain })).status).toBe(304);
  });

  it('are not compressed when they are compressed already (PNG): no coding, no Vary', async () => {
    const answer = await get(IMAGE, { 'Accept-Encoding': 'br, gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(answer.headers.has('content-encoding')).toBe(false);
    expect(answer.headers.has('vary')).toBe(false);
    expect(answer.body.equals(PNG)).toBe(true);
  });

  it('are sent as stored when a coding would not make them smaller, still with Vary', async () => {
    const answer = await get(TINY, { 'Accept-Encoding': 'br, gzip' });
    expect(answer.headers.has('content-encoding')).toBe(false);
    expect(answer.headers.get('vary')).toBe('Accept-Encoding');
    expect(answer.body.toString()).toBe('x');
  });

  it('answer HEAD with the headers of GET, Content-Length included, and no body', async () => {
    for (const accept of ['br', 'identity']) {
      const got = await get(JS, { 'Accept-Encoding': accept });
      const head = await get(JS, { 'Accept-Encoding': accept }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ['content-length', 'content-encoding', 'etag', 'vary', 'cache-control', 'content-type', 'last-modified']) {
        expect(head.headers.get(name), `${accept} ${name}`).toBe(got.headers.get(name));
      }
    }
  });

  it('404 when missing, with a plain error page rather than the app’s page', async () => {
    for (const target of ['/assets/missing-AbCd1234.js', '/nope.css', '/favicon.ico', '/chapters/no-cache.js']) {
      const answer = await get(target);
      expect(answer.status, target).toBe(404);
      expect(answer.body.toString(), target).not.toContain('Cachecraft</title>');
      expect(answer.headers.get('x-content-type-options'), target).toBe('nosniff');
    }
  });
});

describe('the page', () => {
  it('is sent with validators and no-cache, compressed like the assets', async () => {
    const answer = await get('/', { 'Accept-Encoding': 'gzip, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('last-modified')).toBe(formatHttpDate(MTIME));
    expect(answer.headers.get('etag')).toMatch(/^"[\w-]+-br"$/);
    expect(answer.headers.get('vary')).toBe('Accept-Encoding');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(PAGE);
  });

  it('answers 304 to its ETag (weak form too) and to its Last-Modified', async () => {
    const first = await get('/');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    for (const headers of [{ 'If-None-Match': etag }, { 'If-None-Match': `W/${etag}` }, { 'If-None-Match': '*' }, { 'If-Modified-Since': lastModified }] as Record<string, string>[]) {
      const what = JSON.stringify(headers);
      const answer = await get('/', headers);
      expect(answer.status, what).toBe(304);
      expect(answer.body.length, what).toBe(0);
      expect(answer.headers.get('etag'), what).toBe(etag);
      expect(answer.headers.get('cache-control'), what).toBe('no-cache');
      expect(answer.headers.get('vary'), what).toBe('Accept-Encoding');
      expect(answer.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(answer.head, what).not.toMatch(/\r\n(Content-Length|Content-Type|Transfer-Encoding):/i);
    }
    expect((await get('/', { 'If-None-Match': etag }, 'HEAD')).status).toBe(304);
    // The same for a chapter's URL, which is the same page.
    expect((await get('/chapters/no-cache', { 'If-None-Match': etag })).status).toBe(304);
  });

  it('lets If-None-Match take precedence over If-Modified-Since (RFC 9110, 13.2.2)', async () => {
    const first = await get('/');
    const answer = await get('/', { 'If-None-Match': '"something-else"', 'If-Modified-Since': first.headers.get('last-modified')! });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(PAGE);
  });

  it('answers If-Match: 200 to its own strong tag or *, 412 to another or a weak one (RFC 9110, 13.1.1)', async () => {
    const etag = (await get('/')).headers.get('etag')!;
    for (const value of [etag, '*', `"x", ${etag}`]) expect((await get('/', { 'If-Match': value })).status, value).toBe(200);
    for (const value of ['"x"', `W/${etag}`]) {
      const answer = await get('/', { 'If-Match': value });
      expect(answer.status, value).toBe(412);
      expect(answer.headers.get('x-content-type-options'), value).toBe('nosniff');
    }
    // A 412 comes before the 304 If-None-Match would have given (13.2.2).
    expect((await get('/', { 'If-Match': '"x"', 'If-None-Match': etag })).status).toBe(412);
  });

  it('answers 200 to an older date, and ignores a date that does not parse', async () => {
    expect((await get('/', { 'If-Modified-Since': formatHttpDate(MTIME.getTime() - 1000) })).status).toBe(200);
    expect((await get('/', { 'If-Modified-Since': 'yesterday' })).status).toBe(200);
  });

  it('is every known client route, with or without a trailing slash', async () => {
    for (const target of ['/', '/chapters/no-cache', '/chapters/last-modified', '/chapters/no-cache/', '/chapters/no-cache?from=home']) {
      const answer = await get(target);
      expect(answer.status, target).toBe(200);
      expect(answer.body.toString(), target).toBe(PAGE);
      expect(answer.headers.get('cache-control'), target).toBe('no-cache');
    }
  });

  it('answers an unknown chapter, or any unknown page, with a 404 status and the page as the body', async () => {
    for (const target of ['/chapters/no-such-chapter', '/chapters/', '/chapters', '/chapters/no-cache/more', '/nowhere', '/assets', '/assets/']) {
      const answer = await get(target, { 'Accept-Encoding': 'gzip' });
      expect(answer.status, target).toBe(404);
      expect(zlib.gunzipSync(answer.body).toString(), target).toBe(PAGE);
      expect(answer.headers.get('content-type'), target).toBe('text/html; charset=utf-8');
      expect(answer.headers.get('cache-control'), target).toBe('no-cache');
      expect(answer.headers.get('x-content-type-options'), target).toBe('nosniff');
      expect(Number(answer.headers.get('content-length')), target).toBe(answer.body.length);
      // An error carries no validator, and its conditions are ignored (RFC 9110, 13.2.1).
      expect(answer.headers.has('etag'), target).toBe(false);
    }
    expect((await get('/chapters/nope', { 'If-None-Match': '*' })).status).toBe(404);
    const head = await get('/chapters/nope', {}, 'HEAD');
    expect(head.status).toBe(404);
    expect(head.body.length).toBe(0);
    expect(head.headers.get('content-length')).toBe(String(PAGE.length));
  });

  it('serves other files of dist/ with validators and no-cache: their names do not change', async () => {
    const answer = await get('/favicon.svg');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(answer.headers.get('vary')).toBe('Accept-Encoding');
    expect((await get('/favicon.svg', { 'If-None-Match': answer.headers.get('etag')! })).status).toBe(304);
  });
});

describe('the rest of the app', () => {
  it('refuses other methods with 405 and Allow', async () => {
    for (const [method, target] of [['POST', '/'], ['PUT', JS], ['DELETE', '/chapters/no-cache'], ['OPTIONS', '/nowhere']] as const) {
      const answer = await get(target, { 'Content-Length': '0' }, method);
      expect(answer.status, `${method} ${target}`).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('keeps /ch/ and /api/ in front of the site', async () => {
    expect((await get('/ch/seed/monitor.css')).status).toBe(200);
    const api = await get('/api/nothing');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('refuses paths that climb, hide or are broken', async () => {
    expect((await get('/..%2fsecret')).status).toBe(400);
    expect((await get('/.env')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});

describe('a new build under a running server', () => {
  it('sends the new page with a new ETag, and learns new chapters', async () => {
    const dir = await makeSite();
    const own = await createCourseApp({ siteDir: dir });
    const running = await serve(own.fetch, { innerTarget: own.innerTarget });
    try {
      const before = await raw(running.port, '/');
      expect((await raw(running.port, '/chapters/etag')).status).toBe(404);

      await writeFile(path.join(dir, 'index.html'), PAGE.replace('Cachecraft', 'Cachecraft 2'));
      await writeFile(path.join(dir, 'routes.json'), JSON.stringify({ routes: ['/', '/chapters/etag'] }));
      const after = await raw(running.port, '/', { 'If-None-Match': before.headers.get('etag')! });
      expect(after.status).toBe(200);
      expect(after.body.toString()).toContain('Cachecraft 2');
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
      expect((await raw(running.port, '/chapters/etag')).status).toBe(200);
      expect((await raw(running.port, '/chapters/no-cache')).status).toBe(404);
    } finally {
      await running.close();
      await own.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('without routes.json (a dist/ from an older build), serves the page with 200 for every page path', async () => {
    const dir = await makeSite(false);
    const own = await createCourseApp({ siteDir: dir });
    const running = await serve(own.fetch, { innerTarget: own.innerTarget });
    try {
      expect((await raw(running.port, '/chapters/anything')).status).toBe(200);
      expect((await raw(running.port, '/assets/missing-AbCd1234.js')).status).toBe(404);
    } finally {
      await running.close();
      await own.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
