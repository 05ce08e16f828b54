// Workshop exercise "etag": write parseEntityTags, strongMatch, weakMatch, the rule of chapter "etag".
// npm run workshop -- check etag   runs the chapter's tests on this file
// npm run workshop -- solve etag   writes the course's solution here
// npm run workshop -- reset etag   brings this start back

/**
 * The entity tags of an If-Match or If-None-Match value, each as written (`"x"` or `W/"x"`), or
 * '*' when the value is exactly `*`. The grammar is `"*" / #entity-tag`, so:
 *  - members may be separated by commas with or without spaces, and empty members are allowed;
 *  - a member that is not an entity-tag (`abc`, `w/"x"`, `W/ "x"`, `"x" y`, a `*` inside a list)
 *    is ignored, and the others still count;
 *  - a value with no valid member gives an empty list. Never throws.
 */
export function parseEntityTags(fieldValue: string): '*' | string[] {
  // TODO A value of exactly "*" (spaces around it allowed) is '*'; anything else is a list (RFC 9110, 13.1.2).
  // TODO A tag is [W/] DQUOTE *etagc DQUOTE, and etagc includes the comma: read tag by tag, do not split on commas.
  // TODO Members are separated by commas with optional spaces or tabs; empty members are allowed.
  // TODO A member that is not a tag (abc, w/"x", W/ "x", "x" y) is ignored, and the others still count.
  // TODO strongMatch: both strong and the same characters; weakMatch: the same once W/ is taken off (8.8.3.2).
  throw new Error('TODO: write parseEntityTags in workshop/etag.ts');
}

/**
 * Strong comparison (RFC 9110, 8.8.3.2): both tags strong, and the same characters. Used by
 * If-Match, which guards changes: only the very same bytes may be overwritten.
 */
export function strongMatch(a: string, b: string): boolean {
  throw new Error('TODO: write strongMatch in workshop/etag.ts');
}

/**
 * Weak comparison (RFC 9110, 8.8.3.2): the same opaque tag, `W/` ignored on either side. Used
 * by If-None-Match: a copy that is equivalent is good enough to keep using.
 */
export function weakMatch(a: string, b: string): boolean {
  throw new Error('TODO: write weakMatch in workshop/etag.ts');
}
