// Rule 6: hide dotfiles.

// #region hide-dotfiles
/**
 * .env, .git/, .htpasswd: files a site's folder often holds and never means to publish. Any
 * segment starting with "." is hidden, folders too ("/.git/config"). A 404, not a 403: a 403
 * would confirm that the file is there.
 */
export function isDotfile(segments: string[]): boolean {
  return segments.some((segment) => segment.startsWith('.'));
}
// #endregion
