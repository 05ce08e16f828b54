// The static build's course app (the stages over the samples in memory), on a real port: the same
// answers as on disk, experiments included, and a clear "needs npm run dev" for what it lacks.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryFile } from './files/memory-store';
import { SAMPLES_DIR } from './files/sandbox';
import { MemoryFiles } from './files/memory-store';
import { FAKE_SECRET, WindowsDisk } from './files/windows-disk';
import { strongEtag } from './http/etag';
import { REPLICA_MTIME_SHIFT_MS } from './stages/etag-vs-last-modified-replica';
import { STAGES } from './stages';
import { NEEDS_SERVER_STATUS, staticCourseApp } from './static-app';
import { serve, type Running } from './testing/serve';

let server: Running;
let samples: Map<string, MemoryFile>;
const get = (p: string, headers: Record<string, string> = {}, init: RequestInit = {}) => fetch(`${server.url}${p}`, { headers, ...init });

beforeAll(async () => {
  samples = new Map();
  for (const name of await readdir(SAMPLES_DIR)) {
    const file = path.join(SAMPLES_DIR, name);
    samples.set(name, { bytes: new Uint8Array(await readFile(file)), mtimeMs: (await stat(file)).mtimeMs });
  }
  server = await serve(staticCourseApp(samples).fetch);
});
afterAll(() => server.close());

describe('the course app over the samples in memory', () => {
  it('serves every sample from every stage, byte for byte', async () => {
    for (const { slug } of STAGES) {
      for (const [name, file] of samples) {
        const response = await get(`/ch/${slug}/${name}`);
        expect(response.status, `${slug} ${name}`).toBe(200);
        expect(new Uint8Array(await response.arrayBuffer()), `${slug} ${name}`).toEqual(file.bytes);
      }
    }
  });

  it('answers 304 to a date it sent, and 200 after a touch (last-modified)', async () => {
    const first = await get('/ch/last-modified/monitor.css');
    const lastModified = first.headers.get('last-modified')!;
    expect(lastModified).toBe(new Date(Math.floor(samples.get('monitor.css')!.mtimeMs / 1000) * 1000).toUTCString());
    expect((await get('/ch/last-modified/monitor.css', { 'If-Modified-Since': lastModified })).status).toBe(304);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the next second: a new date
    const touched = await get('/api/stages/last-modified/files/monitor.css/touch', {}, { method: 'POST' });
    expect(touched.status).toBe(200);
    expect((await get('/ch/last-modified/monitor.css', { 'If-Modified-Since': lastModified })).status).toBe(200);
  });

  it('tags the content with the same strong ETag as on disk, and a new one after an edit', async () => {
    const tag = (await get('/ch/etag-vs-last-modified/monitor.css')).headers.get('etag');
    expect(tag).toBe(strongEtag(samples.get('monitor.css')!.bytes));
    expect((await get('/ch/etag-vs-last-modified/monitor.css', { 'If-None-Match': tag! })).status).toBe(304);
    const edited = await get('/api/stages/etag-vs-last-modified/files/monitor.css', {}, { method: 'PUT', body: 'body { color: red }' });
    expect(edited.status).toBe(200);
    const after = await get('/ch/etag-vs-last-modified/monitor.css', { 'If-None-Match': tag! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBe(strongEtag(new TextEncoder().encode('body { color: red }')));
    const same = await get('/api/stages/etag-vs-last-modified/files/monitor.css/rewrite-same-mtime', {}, { method: 'POST' });
    expect(((await same.json()) as { size: number }).size).toBe('body { color: red }'.length);
    expect((await get('/ch/etag-vs-last-modified/monitor.css')).headers.get('etag')).toBe(strongEtag(new TextEncoder().encode('body { color: reD }')));
    const reset = await get('/api/stages/etag-vs-last-modified/reset', {}, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect((await get('/ch/etag-vs-last-modified/monitor.css')).headers.get('etag')).toBe(tag);
  });

  it("dates the replica's copy an hour earlier, as on disk", async () => {
    const files = async (stage: string) => (await (await get(`/api/stages/${stage}/files`)).json()) as { name: string; mtime: number }[];
    const [original, replica] = await Promise.all([files('etag-vs-last-modified'), files('etag-vs-last-modified-replica')]);
    const css = (list: typeof original) => list.find((f) => f.name === 'VERSION')!.mtime;
    expect(Math.abs(css(original) - css(replica) - REPLICA_MTIME_SHIFT_MS)).toBeLessThanOrEqual(0.001); // to the microsecond
  });

  it("puts the seed's pretend Windows disk on the store: names without case, and the fake secret one level up", async () => {
    const disk = new WindowsDisk(new MemoryFiles(samples).store);
    expect(await disk.read('C:\\FreezerBurn\\monitor\\MONITOR.CSS')).toEqual(samples.get('monitor.css')!.bytes);
    expect(new TextDecoder().decode((await disk.read('C:\\FreezerBurn\\monitor\\..\\secret.txt')) as Uint8Array)).toBe(FAKE_SECRET);
    expect(await disk.list('C:\\FreezerBurn\\monitor')).toEqual([...samples.keys()].sort());
    expect(await disk.exists('C:\\FreezerBurn\\monitor\\nope.css')).toBe(false);
  });

  it('records each exchange in the log, with the learner the page tagged it with', async () => {
    const response = await get('/ch/no-cache/VERSION', { 'X-Cachecraft-Learner': 'abc123def456' });
    const id = response.headers.get('x-cachecraft-exchange');
    const exchange = await (await get(`/api/log/${id}`)).json();
    expect(exchange).toMatchObject({ stage: 'no-cache', status: 200, learner: 'abc123def456' });
    expect(response.headers.get('date')).toMatch(/ GMT$/);
  });

  it('dates each answer itself, as node would (in the browser no node writes the head)', async () => {
    const app = staticCourseApp(samples); // called directly, as the service worker's handler does
    const response = await app.fetch(new Request('http://x/ch/no-cache/VERSION'));
    const exchange = app.log.get(Number(response.headers.get('x-cachecraft-exchange')))!;
    expect(exchange.responseHeaders.map(([name]) => name)).toEqual(['Content-Type', 'Content-Length', 'X-Content-Type-Options', 'X-Cachecraft-Exchange', 'Date']);
    expect(Date.parse(response.headers.get('date')!)).toBeGreaterThan(Date.now() - 5_000);
  });

  it('refuses the same experiments as the sandbox on disk, with the same statuses', async () => {
    const post = (p: string) => get(p, {}, { method: 'POST' });
    expect((await post('/api/stages/no-cache/files/nope.css/touch')).status).toBe(404);
    expect((await post('/api/stages/no-cache/files/.hidden/touch')).status).toBe(400);
    expect((await post('/api/stages/no-cache/files/status-ok.png/rewrite-same-mtime')).status).toBe(400); // not text
    expect((await post('/api/stages/nope/reset')).status).toBe(404);
    const big = await get('/api/stages/no-cache/files/VERSION', {}, { method: 'PUT', body: 'x'.repeat(256 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(new Uint8Array(await (await get('/ch/no-cache/VERSION')).arrayBuffer())).toEqual(samples.get('VERSION')!.bytes);
  });

  it('says that an API only the course server has needs `npm run dev`', async () => {
    const response = await get('/api/raw', {}, { method: 'POST', body: 'GET / HTTP/1.1\r\n\r\n' });
    expect(response.status).toBe(NEEDS_SERVER_STATUS);
    expect(((await response.json()) as { error: string }).error).toContain('npm run dev');
  });
});
