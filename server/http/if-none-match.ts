// If-None-Match (RFC 9110, section 13.1.2): "send it only if your current representation has
// none of these entity tags". A client echoes the ETag it holds; a match means 304 for GET/HEAD.
//
//   If-None-Match: "abc"                 one tag
//   If-None-Match: "abc", W/"def"        several (a cache holding several variants sends them all)
//   If-None-Match: *                     "only if there is no representation at all"
import { fieldValue, type Condition, type ConditionalRequest, type Current } from './condition';
import { parseEntityTags, weakMatch } from './entity-tag';

// #region check-if-none-match
/**
 *  - absent: 'none';
 *  - `*`: false when the target has a current representation (it "matches" any), true otherwise;
 *  - a list: false when one of its tags matches the current ETag by the weak comparison
 *    (W/"x" and "x" match); true when none does, when there is no ETag, or no valid tag.
 */
export function checkIfNoneMatch(request: ConditionalRequest, current: Current): Condition {
  const value = fieldValue(request, 'If-None-Match');
  if (value === null) return 'none';
  const tags = parseEntityTags(value);
  if (tags === '*') return current === null;
  const etag = current?.etag;
  if (etag === undefined) return true;
  return !tags.some((tag) => weakMatch(tag, etag));
}
// #endregion
