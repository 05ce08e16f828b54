// Sends a byte range of a file into node's response: how a large file leaves this server.
//
// Why not `createReadStream(path).pipe(res)`, as serve-static does: that allocates a new 64 KiB
// buffer for every read (16 per MiB) and hands each read to libuv's thread pool. The buffers
// live outside V8's heap, and allocating them this fast made V8 collect garbage all the time:
// in this server's process (more code loaded than serve-static's) a 1 MiB answer cost about
// 1.6–2 ms of CPU against serve-static's 1.1–1.2 ms, a third of it in the collector
// (docs/performance.md). Here each answer borrows one buffer from a small pool, reads into it,
// writes it, and reads the next chunk only when node says the write is done: no garbage per
// chunk, and about 0.5 ms per MiB.
//
// The reads are synchronous, like the finder's look-ups (files/disk.ts) and like nginx's by
// default: from the page cache a 64 KiB read takes microseconds, less than the hand-off to the
// thread pool. The price is that a read from a slow disk holds up the event loop meanwhile.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/** The size of one read and one write. */
export const CHUNK_BYTES = 64 * 1024;
/** Free buffers kept for later answers; beyond that (after a burst) they are left to the GC. */
const POOL_LIMIT = 32;
const pool: Buffer[] = [];

/** Opens the file, or throws (ENOENT…) before anything is written: the caller can still answer 404. */
export function openForSending(filePath: string): number {
  const fd = openSync(filePath, 'r');
  try {
    // A folder opens on Linux, and only fails at the first read: refuse it now, while a status can still be chosen.
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${filePath} is not a file`), { code: 'EISDIR' });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/**
 * Writes bytes `start` to `end` (inclusive) of the open file `fd` into `res` and ends it, or
 * cuts the response short if the file shrank or a read failed (a response shorter than its
 * Content-Length is how HTTP/1.1 tells the client the body is incomplete). Closes `fd` in
 * every case: sent, failed, or the client gone.
 */
export function sendRange(res: ServerResponse, fd: number, start: number, end: number): void {
  let buffer: Buffer | null = pool.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
  let position = start;
  let writing = false;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    res.off('close', onClose);
    closeSync(fd);
    // A buffer still being written belongs to node until its callback: never reuse it then.
    if (buffer && !writing && pool.length < POOL_LIMIT) pool.push(buffer);
    buffer = null;
  };
  const onClose = () => finish();
  res.once('close', onClose);

  const next = (error?: Error | null) => {
    writing = false;
    if (finished) return;
    if (error || res.destroyed) return finish();
    if (position > end) {
      finish();
      res.end();
      return;
    }
    let read: number;
    try {
      read = readSync(fd, buffer!, 0, Math.min(CHUNK_BYTES, end - position + 1), position);
    } catch (readError) {
      console.error(`[cachecraft] reading a file failed mid-answer: ${(readError as Error).message}`);
      read = 0;
    }
    if (read === 0) {
      // The file is shorter than the Content-Length already sent (or unreadable): cut it short.
      finish();
      res.destroy();
      return;
    }
    position += read;
    writing = true;
    res.write(read === CHUNK_BYTES ? buffer! : buffer!.subarray(0, read), next);
  };
  next();
}
