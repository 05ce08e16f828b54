// The containment check, as a pure function of two paths, for either platform's rules (node's
// path.posix or path.win32, passed in: nothing here imports Node, so the browser can use it).

/** The part of node:path this needs. */
export interface PathRules {
  relative(from: string, to: string): string;
  isAbsolute(path: string): boolean;
  sep: string;
}

// #region is-inside
/**
 * Is `candidate` the root itself or below it? Asked of the REAL paths (symlinks resolved), never
 * of the names in the request. `path.relative` is the test, not a string prefix: "/srv/site2"
 * starts with "/srv/site" and is outside it; and on Windows it compares without regard to case
 * ("C:\Site\x" is inside "c:\site") and sees another drive ("D:\x") as outside.
 */
export function isInside(root: string, candidate: string, rules: PathRules): boolean {
  const relative = rules.relative(root, candidate);
  if (relative === '') return true;
  if (rules.isAbsolute(relative)) return false; // another drive, on Windows
  return relative !== '..' && !relative.startsWith('..' + rules.sep);
}
// #endregion
