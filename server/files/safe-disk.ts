// The safe resolver's last step, the only one that touches the disk: from checked segments to a
// regular file whose REAL path is inside the REAL root. Kept to two small I/O functions
// (realRoot, lookUp) so another file access (the in-browser mode) can stand in for them.
import { realpathSync, statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../http/safe-path/containment';
import { refuse, type Refusal } from '../http/safe-path/refusal';
import type { FoundFile } from './disk';

export type SafeFind = (segments: string[], folder: boolean) => Promise<FoundFile | Refusal>;

const INDEX_FILE = 'index.html';

/**
 * Symlinks are followed, and then the real path must still be inside the real root: a link that
 * leads out is a 404, exactly like a missing file. (Not a 403: "exists but refused" would tell a
 * probe that something is at that name, and where the layout leads; and nothing the client can
 * change makes it servable.) A root reached through a symlink is fine: it is resolved first.
 *
 * A folder is a 404 unless the target ends in "/" and the folder has an index.html. No redirect
 * from "/docs" to "/docs/": the course's stages list no folders, and a redirect would tell
 * a probe which folders exist.
 *
 * 403 is kept for the one case it means: the file is inside the root, but the operating system
 * will not let this process read it (EACCES, EPERM).
 */
export function safeFileFinder(root: string): SafeFind {
  let base: Promise<string> | undefined;
  return async (segments, folder) => {
    base ??= realpath(root);
    const realRoot = await base.catch(() => {
      base = undefined; // the root may appear later
      return null;
    });
    if (realRoot === null) return refuse(404, 'The served folder does not exist.');
    const wanted = folder ? [...segments, INDEX_FILE] : segments;
    return lookUp(realRoot, wanted);
  };
}

// #region safe-disk
/** The real path (symlinks resolved) must be inside the real root, and a regular file. */
function lookUp(realRoot: string, segments: string[]): FoundFile | Refusal {
  try {
    const real = realpathSync.native(path.join(realRoot, ...segments));
    if (!isInside(realRoot, real, path)) return refuse(404, 'Not served: a link leads outside the served folder.');
    const info = statSync(real);
    if (!info.isFile()) return refuse(404, 'Not served: not a regular file (a folder, a socket, a device).');
    return { path: real, name: segments[segments.length - 1] ?? INDEX_FILE, size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return refuse(403, 'The file is there, but the server may not read it.');
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP') {
      return refuse(404, 'There is no such file.');
    }
    throw error;
  }
}
// #endregion
