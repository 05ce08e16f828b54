// Over a long run the course app returns to where it started: every file it opened is closed,
// every event-stream client that left is forgotten, and what it keeps in memory stays bounded.
// (The bench prints the processes' RSS before and after; here the file descriptors, which a leak
// would pile up one per request, and the JavaScript heap after a full collection.)
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCourseApp } from './testing/course-app';
import { serve } from './testing/serve';

const course = useCourseApp();

const openFiles = async () => (await readdir('/proc/self/fd')).length;
// One keep-alive pool for the test's own requests, closed before counting.
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function get(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: course.server.port, path, headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    request.on('error', reject);
  });
}

/** Starts a download of a large (streamed) file and hangs up after its first bytes. */
function abortMidBody(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: course.server.port, path, agent: false }, (response) => {
      response.once('data', () => {
        request.destroy();
        resolve();
      });
    });
    request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error)));
  });
}

/** An event-stream client that reads until it has seen one exchange, then leaves. */
function listenOnce(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: course.server.port, path: '/api/log?stage=no-cache', agent: false }, (response) => {
      response.once('data', () => {
        request.destroy();
        resolve();
      });
    });
    request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error)));
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

// A full collection on demand, in this process (vitest's worker): node's own flag, set at run time.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;
async function heapAfterCollection(): Promise<number> {
  await settle();
  for (let i = 0; i < 3; i++) collect();
  return process.memoryUsage().heapUsed;
}

/** Many exchanges of every kind the log records: 200s, 304s, 404s, with and without the course's tags. */
async function exchanges(rounds: number): Promise<void> {
  const lastModified = 'Wed, 01 Jan 2200 00:00:00 GMT';
  for (let round = 0; round < rounds; round++) {
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      batch.push(get('/ch/etag-vs-last-modified/monitor.css'), get('/ch/last-modified/monitor.js', { 'If-Modified-Since': lastModified }));
      batch.push(get('/ch/no-cache/missing.css'), get(`/ch/seed/monitor.css?round=${round}`, { 'X-Cachecraft-Chapter': 'seed' }));
    }
    await Promise.all(batch);
  }
}

describe('a long run', () => {
  it('closes every file and forgets every listener: descriptors return to their baseline', async () => {
    // A file far larger than the socket's buffers, so a hang-up really comes mid-body.
    await writeFile(path.join(await course.app.sandbox.rootFor('no-cache'), 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 7));
    await get('/ch/no-cache/monitor.css'); // the stage's copy exists, the log has an exchange
    await get('/ch/last-modified/monitor.css');
    agent.destroy();
    await settle();
    const before = await openFiles();

    const lastModified = 'Wed, 01 Jan 2200 00:00:00 GMT'; // later than any file: 304
    for (let round = 0; round < 40; round++) {
      const batch: Promise<unknown>[] = [];
      for (let i = 0; i < 10; i++) {
        batch.push(get('/ch/no-cache/monitor.css'), get('/ch/last-modified/monitor.js', { 'If-Modified-Since': lastModified }));
        batch.push(get('/ch/no-cache/missing.css'), get('/ch/last-modified/load-graph.png'));
      }
      batch.push(abortMidBody('/ch/no-cache/big.bin'), abortMidBody('/ch/seed/load-graph.png'));
      if (round % 4 === 0) for (let i = 0; i < 10; i++) batch.push(listenOnce());
      await Promise.all(batch);
    }
    agent.destroy();
    await settle();

    expect(course.app.log.listeners).toBe(0);
    // A few descriptors may come and go with the runtime (timers, the thread pool); a leak is
    // one per request: 1,680 requests here, 80 of them aborted mid-body.
    expect(await openFiles()).toBeLessThanOrEqual(before + 4);
  }, 60_000);

  it('keeps what it holds bounded: the heap after 8,000 more exchanges is where it was (within 2 MB)', async () => {
    await exchanges(40); // 1,600 exchanges: the log is full (200 kept), the code is warm
    const before = await heapAfterCollection();
    await exchanges(200); // 8,000 more
    const after = await heapAfterCollection();
    // Kept per exchange, a leak of even 250 bytes would add 2 MB here.
    expect(after - before).toBeLessThan(2 * 1024 * 1024);
  }, 60_000);
});
