// The file server's contact with the disk: find a file strictly inside a root folder, and read it.
import { createReadStream, lstatSync, readFileSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FileBody } from '../http/respond';
import { isInside } from '../http/safe-path/containment';
import { identityOf } from './content-hash';
import type { FileIdentity } from './racy';
import type { FindFile, FoundFile } from './store';

export type { FindFile, FoundFile };

/**
 * A file the disk finder found, with what its stat said to the nanosecond: the tag cache
 * (content-hash.ts) checks its entry against that, so a 304 costs one stat, not two.
 */
export interface DiskFoundFile extends FoundFile {
  identity: FileIdentity;
}


/** Files up to this size are read in one go and sent as a buffer; larger ones are streamed. */
const SMALL_FILE = 64 * 1024;

/**
 * A finder for the regular files below `root`. Symlinks are followed only while they stay
 * inside the root: a file's real path must be inside the real root. The root itself does not
 * move while it is served, so its real path is looked up once, not on every request.
 *
 * The look-ups are synchronous, as nginx's are by default: on a local disk realpath and stat
 * take microseconds, less than the round trip to node's thread pool that the async calls cost,
 * and it is that round trip that made this server slower than serve-static (docs/performance.md).
 */
export function fileFinder(root: string): FindFile {
  let realRoot: Promise<string> | undefined;
  let knownRoot: string | undefined; // once realRoot has resolved: no await on every request
  return async (segments) => {
    try {
      realRoot ??= realpath(root);
      const base = knownRoot ?? (knownRoot = await realRoot);
      const direct = directFile(base, segments);
      if (direct !== undefined) return direct;
      // #region contained-file
      // Symlinks resolved first: the REAL path must be inside the REAL root.
      const real = realpathSync.native(path.join(base, ...segments));
      if (!isInside(base, real, path)) return null;
      // #endregion
      const info = statSync(real, { bigint: true });
      if (!info.isFile()) return null; // folders, sockets, devices: not served
      return found(real, segments[segments.length - 1] ?? '', info);
    } catch (error) {
      if (isMissing(error)) {
        if (!(await realRoot?.catch(() => null))) realRoot = knownRoot = undefined; // the root may appear later
        return null;
      }
      throw error;
    }
  };
}

/**
 * The common case in one system call: a plain file (not a symlink) right in the real root is
 * inside it, with nothing to resolve. Undefined when the long way is needed (a symlink, a
 * deeper path).
 */
function directFile(base: string, segments: string[]): FoundFile | null | undefined {
  const name = segments[0];
  if (segments.length !== 1 || !name || name === '.' || name === '..' || /[/\\]/.test(name)) return undefined;
  // `name` is one plain segment: nothing for path.join to do but the separator.
  const file = base.endsWith(path.sep) ? base + name : base + path.sep + name;
  const info = lstatSync(file, { bigint: true, throwIfNoEntry: false });
  if (!info) return null;
  if (info.isSymbolicLink()) return undefined;
  if (!info.isFile()) return null;
  return found(file, name, info);
}

function found(filePath: string, name: string, info: BigIntStats): DiskFoundFile {
  return { path: filePath, name, size: Number(info.size), mtimeMs: msOf(info.mtimeNs), identity: identityOf(info) };
}

/** The mtime in ms as a plain (non-bigint) stat gives it: seconds × 1000 + nanoseconds / 1e6. */
export function msOf(timeNs: bigint): number {
  let seconds = timeNs / 1_000_000_000n;
  let ns = timeNs % 1_000_000_000n;
  if (ns < 0n) {
    seconds -= 1n; // before 1970: whole seconds round down, the nanoseconds count up from there
    ns += 1_000_000_000n;
  }
  return Number(seconds) * 1e3 + Number(ns) / 1e6;
}

/**
 * The body of a found file. Small files come back as one buffer, read at once (synchronously,
 * for the reason above: at 64 KiB or less the read is as quick as the hand-off), and the file
 * is closed at once; large ones as a FileBody over exactly `size` bytes: node:http sends it from disk (send-file.ts),
 * and a web stream reads it only when asked, closing the file when it ends, fails or is
 * cancelled (the client went away).
 */
export function fileBody(file: FoundFile): Uint8Array<ArrayBuffer> | FileBody {
  if (file.size <= SMALL_FILE) {
    const bytes = readFileSync(file.path);
    // Never send more than the Content-Length promised, even if the file grew meanwhile.
    return bytes.subarray(0, file.size) as Uint8Array<ArrayBuffer>;
  }
  return fileRange(file.path, 0, file.size - 1);
}

export function fileRange(filePath: string, start: number, end: number): FileBody {
  return {
    path: filePath,
    start,
    end,
    toWebStream: () => {
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
      const open = () => (reader ??= (Readable.toWeb(createReadStream(filePath, { start, end })) as ReadableStream<Uint8Array>).getReader());
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const { done, value } = await open().read();
            if (done) controller.close();
            else controller.enqueue(value);
          },
          cancel: (reason) => reader?.cancel(reason),
        },
        { highWaterMark: 0 }, // nothing is opened until someone reads
      );
    },
  };
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP';
}
