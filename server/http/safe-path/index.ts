// The safe path resolver: from the request target as the client sent it to the segments of a
// file below the root, or to a refusal (refusal.ts has the table of statuses and why). The rules,
// in the order they run, each in its own file:
//
//   0. targetPath        the path of an origin-form (or http absolute-form) target      400
//   1. decodeSegments    split on "/", then decode each segment exactly once            400
//   2. refuseSeparators  NUL and control bytes, "\" (raw or %5c), "/" that was %2f       400
//   3. normalise         "." and ".." resolved, empty segments dropped
//   4. climbsOut         a ".." left over climbs above the root                          400
//   5. windowsUnsafe     drives, streams, devices, trailing dots and spaces, 8.3 names   404
//   6. isDotfile         .env, .git/                                                     404
//   then the disk (server/files/safe-disk.ts): resolve against the root, follow symlinks,
//   check the real path is still inside the real root, serve regular files only.        404/403
//
// Pure: no disk, no platform. The same segments are safe to join with path.posix and path.win32.
import { decodeSegments } from './decode';
import { isDotfile } from './dotfiles';
import { climbsOut, normalise } from './normalise';
import { refuse, type SafePath } from './refusal';
import { refuseSeparators } from './separators';
import { targetPath } from './target-path';
import { windowsUnsafe } from './windows-names';

export type { Refusal, SafePath } from './refusal';

// #region safe-path
export function safePath(target: string): SafePath {
  const path = targetPath(target);
  if (!path.ok) return path;
  const decoded = decodeSegments(path.path);
  if (!decoded.ok) return decoded;
  const separators = refuseSeparators(decoded.segments);
  if (separators) return separators;
  const { segments, folder } = normalise(decoded.segments);
  if (climbsOut(segments)) return refuse(400, 'The path climbs above the root.');
  for (const segment of segments) {
    const why = windowsUnsafe(segment);
    if (why) return refuse(404, `Not served: the name has ${why}.`);
  }
  if (isDotfile(segments)) return refuse(404, 'Not served: dotfiles are hidden.');
  return { ok: true, segments, folder };
}
// #endregion
