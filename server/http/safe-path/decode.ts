// Rule 1: decode exactly once.
import { refuse, type Refusal } from './refusal';

// The path is split on "/" BEFORE decoding, so "%2f" stays inside its segment (as "/") for the
// next rule to refuse, instead of becoming a separator. Decoding once means "%252e%252e" is the
// name "%2e%2e", never "..": a second decode is how double-encoding attacks get through. Broken
// encodings ("%", "%zz") and bytes that are not UTF-8 (the overlong "%c0%ae" for ".") are a 400.
// #region decode-once
/** Each segment of the path, percent-decoded exactly once, as UTF-8; split first. */
export function decodeSegments(path: string): { ok: true; segments: string[] } | Refusal {
  const segments: string[] = [];
  for (const part of path.slice(1).split('/')) {
    try {
      segments.push(decodeURIComponent(part));
    } catch {
      return refuse(400, 'The path has a broken percent-encoding, or bytes that are not UTF-8.');
    }
  }
  return { ok: true, segments };
}
// #endregion
