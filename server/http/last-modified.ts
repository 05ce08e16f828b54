// Last-Modified (RFC 9110, section 8.8.2): the modification time the server vouches for.

// #region last-modified-value
/**
 * The Last-Modified time to send for a file, in ms since the epoch.
 *
 * HTTP-dates have whole seconds, so the file's mtime is cut to the second here, once: the
 * header and every comparison then use the same value. (The 2008 server compared whole
 * seconds too. Comparing the raw mtime instead would answer 200 to the file's own echoed date
 * whenever the mtime has a fraction of a second.)
 * A time in the future is replaced by now (RFC 9110, 8.8.2.1): a clock that ran ahead must
 * not leave caches holding a date that will never be passed.
 */
export function lastModifiedTime(mtimeMs: number, nowMs: number = Date.now()): number {
  const seconds = Math.floor(Math.min(mtimeMs, nowMs) / 1000);
  return seconds * 1000;
}
// #endregion
