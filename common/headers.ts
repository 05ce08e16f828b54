// Header lists as the request log gives them: [name, value] pairs in arrival order and case.

/** The first value of a header, compared case-insensitively (HTTP field names are). */
export function headerValue(pairs: readonly (readonly [string, string])[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return pairs.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

/** The request headers that make a request conditional or steer caches: the ones the course is about. */
export const CACHE_REQUEST_HEADERS = ['if-modified-since', 'if-none-match', 'cache-control', 'pragma', 'if-match', 'if-unmodified-since', 'if-range', 'range'];

export function isCacheRequestHeader(name: string): boolean {
  return CACHE_REQUEST_HEADERS.includes(name.toLowerCase());
}
