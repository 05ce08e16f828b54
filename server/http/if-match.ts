// If-Match (RFC 9110, section 13.1.1): "do this only if the current representation is one of
// these". It guards changes against lost updates; when false the answer is 412.
import { fieldValue, type Condition, type ConditionalRequest, type Current } from './condition';
import { parseEntityTags, strongMatch } from './entity-tag';

// #region check-if-match
/**
 *  - absent: 'none';
 *  - `*`: true when the target has a current representation;
 *  - a list: true when one of its tags matches the current ETag by the strong comparison, so a
 *    weak tag never matches; false when there is no ETag to match, or no valid tag in the list.
 */
export function checkIfMatch(request: ConditionalRequest, current: Current): Condition {
  const value = fieldValue(request, 'If-Match');
  if (value === null) return 'none';
  const tags = parseEntityTags(value);
  if (tags === '*') return current !== null;
  const etag = current?.etag;
  if (etag === undefined) return false;
  return tags.some((tag) => strongMatch(tag, etag));
}
// #endregion
