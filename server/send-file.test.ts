// send-file.ts over real HTTP on 127.0.0.1: the bytes arrive whole and in order (its buffers are
// reused, so concurrent answers must never see each other's), a file that shrinks cuts the
// answer short, and the file is closed however the answer ends.
import { mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { truncateSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, openForSending, sendRange } from './send-file';

let dir: string;
let server: http.Server;
let base: string;

/** Distinct bytes per file and per position: a chunk sent to the wrong answer shows. */
function contentOf(seed: number, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 12)) & 0xff;
  return bytes;
}

const SIZES = { a: 3 * CHUNK_BYTES + 123, b: 5 * CHUNK_BYTES, c: 17, d: CHUNK_BYTES + 1 };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-send-file-'));
  let seed = 1;
  for (const [name, size] of Object.entries(SIZES)) await writeFile(path.join(dir, name), contentOf(seed++, size));
  await writeFile(path.join(dir, 'big'), contentOf(9, 64 * CHUNK_BYTES)); // 4 MiB, for the cut-off answers
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const file = path.join(dir, url.pathname.slice(1));
    let fd: number;
    try {
      fd = openForSending(file);
    } catch (error) {
      res.writeHead(404, { 'X-Code': (error as NodeJS.ErrnoException).code ?? '' }).end();
      return;
    }
    const start = Number(url.searchParams.get('start') ?? 0);
    const end = Number(url.searchParams.get('end'));
    res.writeHead(200, { 'Content-Length': String(end - start + 1) });
    // The file loses bytes after the head promised them (another process rewrote it).
    const shrinkTo = url.searchParams.get('shrink-to');
    if (shrinkTo !== null) truncateSync(file, Number(shrinkTo));
    sendRange(res, fd, start, end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** This process's descriptors open on the test's files (sockets come and go on their own). */
async function openFiles(): Promise<number> {
  const links = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return links.filter((target) => target.startsWith(dir)).length;
}

describe('sendRange', () => {
  it('sends every byte of the range, in order, to many clients at once', async () => {
    const requests = [];
    for (let round = 0; round < 12; round++) {
      for (const [name, size] of Object.entries(SIZES)) {
        // Whole files, and ranges that start and end inside a chunk.
        const start = round % 2 === 0 ? 0 : Math.min(size - 1, 1000 + round);
        const end = round % 3 === 0 ? size - 1 : Math.max(start, size - 1 - round * 7);
        requests.push(
          fetch(`${base}/${name}?start=${start}&end=${end}`).then(async (response) => ({
            name,
            start,
            end,
            body: Buffer.from(await response.arrayBuffer()),
          })),
        );
      }
    }
    const seeds: Record<string, number> = { a: 1, b: 2, c: 3, d: 4 };
    for (const { name, start, end, body } of await Promise.all(requests)) {
      const expected = contentOf(seeds[name]!, SIZES[name as keyof typeof SIZES]).subarray(start, end + 1);
      expect(body.equals(expected), `${name} ${start}-${end}`).toBe(true);
    }
  });

  it('keeps each buffer until its write is done, when slow clients make node queue the writes', async () => {
    // Slow readers fill the socket buffers, so node holds the chunks it was given: a buffer
    // reused too early would send another answer's bytes.
    const size = 64 * CHUNK_BYTES;
    const names = Array.from({ length: 6 }, (_, i) => `slow-${i}`);
    for (const [i, name] of names.entries()) await writeFile(path.join(dir, name), contentOf(20 + i, size));
    const bodies = await Promise.all(
      names.map(
        (name) =>
          new Promise<Buffer>((resolve, reject) => {
            http
              .get(`${base}/${name}?start=0&end=${size - 1}`, (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => {
                  chunks.push(chunk);
                  res.pause();
                  setTimeout(() => res.resume(), 2);
                });
                res.on('end', () => resolve(Buffer.concat(chunks)));
              })
              .on('error', reject);
          }),
      ),
    );
    for (const [i, body] of bodies.entries()) expect(body.equals(contentOf(20 + i, size)), names[i]).toBe(true);
  });

  it('refuses to open what is missing or a folder, before any status is chosen', () => {
    expect(() => openForSending(path.join(dir, 'nothing'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => openForSending(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });

  it('cuts the answer short when the file shrinks while it is sent, and closes it', async () => {
    const name = 'shrinking';
    const size = 64 * CHUNK_BYTES;
    await writeFile(path.join(dir, name), contentOf(5, size));
    await expect.poll(openFiles).toBe(0); // the answers before have ended (their files close just after)
    const received = await new Promise<{ bytes: number; complete: boolean }>((resolve) => {
      http.get(`${base}/${name}?start=0&end=${size - 1}&shrink-to=${2 * CHUNK_BYTES + 5}`, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('close', () => resolve({ bytes, complete: res.complete }));
      });
    });
    expect(received.complete).toBe(false);
    expect(received.bytes).toBe(2 * CHUNK_BYTES + 5); // what the file still had, and no more
    await expect.poll(openFiles).toBe(0);
  });

  it('closes the file when the client leaves mid-body', async () => {
    await expect.poll(openFiles).toBe(0); // the answers before have ended (their files close just after)
    await Promise.all(
      Array.from({ length: 20 }, () =>
        new Promise<void>((resolve) => {
          const request = http.get(`${base}/big?start=0&end=${64 * CHUNK_BYTES - 1}`, (res) => {
            res.once('data', () => request.destroy());
            res.on('close', () => resolve());
          });
          request.on('error', () => resolve());
        }),
      ),
    );
    await expect.poll(openFiles, { timeout: 5000 }).toBe(0);
  });
});
