// The path-stripping stage's first step: from the request target AS SENT (not the URL the
// parser normalised) to a file inside the root, or to the error answer that says why not.
import type { FoundFile } from '../files/disk';
import type { SafeFind } from '../files/safe-disk';
import { errorPage } from '../http/error-page';
import { safePath } from '../http/safe-path';
import { requestTargetOrPath } from '../request-target';

// #region locate-safe-file
export async function locateSafeFile(find: SafeFind, request: Request): Promise<FoundFile | Response> {
  const target = requestTargetOrPath(request);
  const checked = safePath(target);
  // The target goes into the page as text: errorPage escapes it (& < > " ').
  if (!checked.ok) return errorPage(checked.status, `${checked.reason} (${target})`);
  const found = await find(checked.segments, checked.folder);
  if ('ok' in found) return errorPage(found.status, `${found.reason} (${target})`);
  return found;
}
// #endregion
