// Rules 3 and 4: normalise, then refuse what climbs out.

// #region normalise
/**
 * Resolves "." and ".." segments and drops empty ones ("a//b" is "a/b"), as the OS would read
 * them. A ".." that has nothing left to climb is kept at the front ("/../x" gives ["..", "x"]),
 * for the next rule. `folder`: the path names a folder (it ends in "/", "." or "..").
 */
export function normalise(segments: string[]): { segments: string[]; folder: boolean } {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  const last = segments[segments.length - 1];
  return { segments: out, folder: last === '' || last === '.' || last === '..' };
}
// #endregion

// #region refuse-climbing-out
/** A path that climbs above the root names nothing this server serves, whatever is there: 400. */
export function climbsOut(segments: string[]): boolean {
  return segments[0] === '..';
}
// #endregion
