// If-None-Match (RFC 9110, section 13.1.2): "send it only if your current representation has
// none of these entity tags". A client echoes the ETag it holds; a match means 304 for GET/HEAD.
//
//   If-None-Match: "abc"                 one tag
//   If-None-Match: "abc", W/"def"        several (a cache holding several variants sends them all)
//   If-None-Match: *                     "any representation at all"

/** The list of entity tags in an If-None-Match value, or '*', or null when it does not parse. */
export function parseEntityTags(fieldValue: string): '*' | string[] | null {
  const value = fieldValue.trim();
  if (value === '*') return '*';
  // entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc excludes DQUOTE, space and controls but
  // includes the comma, so the list is read tag by tag rather than split on commas.
  const tag = /(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/y;
  const tags: string[] = [];
  let i = 0;
  for (;;) {
    while (i < value.length && (value[i] === ' ' || value[i] === '\t' || value[i] === ',')) i++;
    if (i >= value.length) break;
    tag.lastIndex = i;
    const m = tag.exec(value);
    if (!m) return null;
    tags.push(m[0]);
    i = tag.lastIndex;
    if (i < value.length && value[i] !== ',' && value[i] !== ' ' && value[i] !== '\t') return null;
  }
  return tags.length > 0 ? tags : null;
}

const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/**
 * True when `fieldValue` (If-None-Match) matches `etag`, the ETag of the representation the
 * server selected: for GET and HEAD that means 304 Not Modified.
 *
 *  - If-None-Match uses the weak comparison (13.1.2): W/"x" and "x" match;
 *  - `*` matches any current representation;
 *  - a value that does not parse matches nothing, so the full response is sent (safe).
 */
export function ifNoneMatchMatches(fieldValue: string, etag: string): boolean {
  const tags = parseEntityTags(fieldValue);
  if (tags === null) return false;
  if (tags === '*') return true;
  return tags.some((t) => opaque(t) === opaque(etag));
}
