// Entity tags (RFC 9110, section 8.8.3): the ETag a server sends, and the lists of them a client
// sends back in If-Match and If-None-Match.
//
//   ETag: "abc"                          a strong tag: this exact byte sequence
//   ETag: W/"abc"                        a weak one: equivalent content, maybe not the same bytes
//   If-None-Match: "abc", W/"def"        a list (a cache holding several variants sends them all)
//   If-Match: *                          "any current representation at all"

// #region parse-entity-tags
// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, where etagc is any visible character but DQUOTE,
// and obs-text. It includes the comma, so a list is read tag by tag, not split on commas.
const ENTITY_TAG = /(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"/y;
const isOws = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * The entity tags of an If-Match or If-None-Match value, each as written (`"x"` or `W/"x"`), or
 * '*' when the value is exactly `*`. The grammar is `"*" / #entity-tag`, so:
 *  - members may be separated by commas with or without spaces, and empty members are allowed;
 *  - a member that is not an entity-tag (`abc`, `w/"x"`, `W/ "x"`, `"x" y`, a `*` inside a list)
 *    is ignored, and the others still count;
 *  - a value with no valid member gives an empty list. Never throws.
 */
export function parseEntityTags(fieldValue: string): '*' | string[] {
  const value = fieldValue.replace(/^[ \t]+|[ \t]+$/g, '');
  if (value === '*') return '*';
  const tags: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === ',' || isOws(value[i])) {
      i++;
      continue;
    }
    ENTITY_TAG.lastIndex = i;
    const tag = ENTITY_TAG.exec(value);
    const end = tag ? ENTITY_TAG.lastIndex : i;
    let next = end;
    while (isOws(value[next])) next++;
    if (tag && (next === value.length || value[next] === ',')) {
      tags.push(tag[0]);
      i = next;
      continue;
    }
    // Not an entity-tag: skip this member, up to the next comma after what was read.
    const comma = value.indexOf(',', end);
    i = comma === -1 ? value.length : comma + 1;
  }
  return tags;
}
// #endregion

// #region compare-entity-tags
const isWeak = (tag: string) => tag.startsWith('W/');
const opaqueTag = (tag: string) => (isWeak(tag) ? tag.slice(2) : tag);

/**
 * Strong comparison (RFC 9110, 8.8.3.2): both tags strong, and the same characters. Used by
 * If-Match, which guards changes: only the very same bytes may be overwritten.
 */
export function strongMatch(a: string, b: string): boolean {
  return !isWeak(a) && !isWeak(b) && a === b;
}

/**
 * Weak comparison (RFC 9110, 8.8.3.2): the same opaque tag, `W/` ignored on either side. Used
 * by If-None-Match: a copy that is equivalent is good enough to keep using.
 */
export function weakMatch(a: string, b: string): boolean {
  return opaqueTag(a) === opaqueTag(b);
}
// #endregion
