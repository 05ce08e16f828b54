// Rule 2: refuse NUL and control bytes, backslashes and encoded separators.
import { refuse, type Refusal } from './refusal';

// #region refuse-separators
/**
 * A decoded segment may not hold "/" (it was "%2f"), "\" (raw or "%5c": Windows takes it for a
 * separator, so "..\" climbs there), NUL (C-based file APIs end the name at it: "a.txt%00.png"
 * would open "a.txt") or any other control byte (Windows forbids 1-31 in names). All are a 400:
 * no file this server serves has them in its name.
 */
export function refuseSeparators(segments: string[]): Refusal | null {
  for (const segment of segments) {
    if (/[\x00-\x1f\x7f]/.test(segment)) return refuse(400, 'The path holds a NUL or another control byte.');
    if (segment.includes('\\')) return refuse(400, 'The path holds a backslash, raw or encoded (%5c).');
    if (segment.includes('/')) return refuse(400, 'The path holds an encoded separator (%2f).');
  }
  return null;
}
// #endregion
