// The file server's contact with the disk: find a file strictly inside a root folder, and read it.
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

export interface FoundFile {
  /** Real path on disk (symlinks resolved). */
  path: string;
  /** The last segment, used to pick a Content-Type. */
  name: string;
  size: number;
  mtimeMs: number;
}

/** Files up to this size are read in one go and sent as a buffer; larger ones are streamed. */
const SMALL_FILE = 64 * 1024;

/**
 * Finds the regular file that `segments` name below `root`, or null. Symlinks are followed only
 * while they stay inside the root: the real path must be inside the real root.
 */
export async function findFile(root: string, segments: string[]): Promise<FoundFile | null> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(path.join(realRoot, ...segments));
    if (!real.startsWith(realRoot + path.sep)) return null;
    const info = await stat(real);
    if (!info.isFile()) return null; // folders, sockets, devices: not served
    return { path: real, name: segments[segments.length - 1] ?? '', size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * The body of a found file. Small files come back as one buffer (fast, and the file is closed
 * at once); large ones as a stream over exactly `size` bytes, which closes the file when it
 * ends, fails, or the client goes away (the adapter cancels the stream).
 */
export async function fileBody(file: FoundFile): Promise<BodyInit> {
  if (file.size <= SMALL_FILE) {
    const bytes = await readFile(file.path);
    // Never send more than the Content-Length promised, even if the file grew meanwhile.
    return bytes.subarray(0, file.size) as Uint8Array<ArrayBuffer>;
  }
  const stream = createReadStream(file.path, { start: 0, end: file.size - 1 });
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP';
}
