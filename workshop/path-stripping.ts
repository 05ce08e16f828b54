// Workshop exercise "path-stripping": write safePath, the rule of chapter "path-stripping".
// npm run workshop -- check path-stripping   runs the chapter's tests on this file
// npm run workshop -- solve path-stripping   writes the course's solution here
// npm run workshop -- reset path-stripping   brings this start back
import { decodeSegments } from '../server/http/safe-path/decode';
import { isDotfile } from '../server/http/safe-path/dotfiles';
import { climbsOut, normalise } from '../server/http/safe-path/normalise';
import { refuse, type SafePath } from '../server/http/safe-path/refusal';
import { refuseSeparators } from '../server/http/safe-path/separators';
import { targetPath } from '../server/http/safe-path/target-path';
import { windowsUnsafe } from '../server/http/safe-path/windows-names';
export type { Refusal, SafePath } from '../server/http/safe-path/refusal';

export function safePath(target: string): SafePath {
  // TODO Compose the rules, imported above, in this order: each may rely on the ones before (chapter 6, "The safe resolver").
  //     0. targetPath(target): the path of the target as sent. A refusal (400) is passed on as it is.
  //     1. decodeSegments(path): split on "/" first, then decode each segment exactly once. A refusal (400) is passed on.
  //     2. refuseSeparators(segments): NUL, control bytes, "\" (raw or %5c), a "/" that was %2f. Its refusal (400) is passed on.
  //     3. normalise(segments): ".", ".." and empty segments resolved as the OS would; it gives { segments, folder }.
  //     4. climbsOut(segments): a ".." left at the front climbed above the root: refuse(400, why).
  //     5. windowsUnsafe(segment), for each segment: a string names what Windows reads differently: refuse(404, why).
  //     6. isDotfile(segments): .env, .git/config are never served: refuse(404, why).
  // TODO The statuses (the table in refusal.ts): 400 for what no server could read as a path inside its root, a
  //     client error (RFC 9110, 15.5.1); 404 for a well-formed name never served, without saying which (15.5.5).
  // TODO All rules passed: { ok: true, segments, folder } (normalised segments). The disk comes after, in the stage.
  throw new Error('TODO: write safePath in workshop/path-stripping.ts');
}
