// The safe resolver's last step, the only one that asks for a file: from checked segments to a
// regular file inside the root, through the stage's FileStore. On disk (disk.ts's finder) that
// means the REAL path, symlinks resolved, must be inside the REAL root (isInside); in memory
// (the static build) there are no links. No node: module here, so the stage runs in both.
import type { Refusal } from '../http/safe-path';
import { refuse } from '../http/safe-path/refusal';
import type { FileStore, FoundFile } from './store';

export type SafeFind = (segments: string[], folder: boolean) => Promise<FoundFile | Refusal>;

const INDEX_FILE = 'index.html';

// #region safe-disk
/**
 * A missing file, a folder, a socket or device, and a symlink whose real path leaves the root
 * are all a 404: "exists but refused" would tell a probe that something is at that name. A
 * folder is served only as its index.html, when the target ends in "/" (no redirect from
 * "/docs" to "/docs/", which would tell a probe which folders exist). 403 is kept for the one
 * case it means: the file is inside the root, but the system will not let this process read it.
 */
export function safeFileFinder(files: FileStore): SafeFind {
  return async (segments, folder) => {
    const wanted = folder ? [...segments, INDEX_FILE] : segments;
    try {
      return (await files.find(wanted)) ?? refuse(404, 'Not served: no such file, a folder, or a link that leads outside the served folder.');
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'EACCES' || code === 'EPERM') return refuse(403, 'The file is there, but the server may not read it.');
      throw error;
    }
  };
}
// #endregion
