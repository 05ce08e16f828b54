// The FileStore on disk (Node): a folder, served through disk.ts's finder and reader, with the
// content-hash cache (content-hash.ts) for strong tags that cost one stat.
import { readdir, readFile, realpath, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { ContentHashCache } from './content-hash';
import { fileBody, fileFinder, isMissing, type DiskFoundFile } from './disk';
import type { CopyFiles, FileStore } from './store';

export function diskStore(root: string): FileStore {
  const find = fileFinder(root);
  const hashes = new ContentHashCache();
  return {
    find,
    body: fileBody,
    read: async (file) => new Uint8Array(await readFile(file.path)),
    contentTag: (file) =>
      // The finder's own stat, when the file came from it: one stat per answer, not two.
      hashes.tagFor(file.path, (file as Partial<DiskFoundFile>).identity).catch((error: unknown) => {
        if (isMissing(error)) return null; // removed since it was found
        throw error;
      }),
    list: async (segments) => {
      try {
        const base = await realpath(root);
        const real = await realpath(path.join(base, ...segments));
        // Symlinks may not lead out of the root.
        if (real !== base && !real.startsWith(base + path.sep)) return null;
        if (!(await stat(real)).isDirectory()) return null;
        return await readdir(real);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
  };
}

/** A fresh copy on disk, for a stage's prepareCopy. */
export function diskCopyFiles(site: string): CopyFiles {
  return {
    names: async () => (await readdir(site, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
    mtimeNs: async (name) => (await stat(path.join(site, name), { bigint: true })).mtimeNs,
    setMtimeNs: async (name, mtimeNs) => {
      const file = path.join(site, name);
      const { atimeNs } = await stat(file, { bigint: true });
      await utimes(file, utimesSeconds(atimeNs), utimesSeconds(mtimeNs)); // to the microsecond
    },
  };
}

/**
 * A time for utimes, which takes seconds as a double and keeps whole microseconds, truncating
 * (libuv, uv__fs_to_timespec): aim at the middle of the microsecond, so that rounding in the
 * double cannot fall into the one before. The same microsecond, hence the same ms and second.
 */
export function utimesSeconds(timeNs: bigint): number {
  return (Number(timeNs / 1000n) + 0.5) / 1e6;
}
