// Which file does a request path name? Only the checks that need no disk: the containment and
// symlink checks that do need it live in server/files/disk.ts.
//
// The path arrives already normalised by the URL parser (WHATWG URL removes "." and ".."
// segments, including their %2e forms), but still percent-encoded.
//
// The fixed stages of chapters 1 to 5 keep this one, so their chapters show what they showed.
// Chapter 6's stage (path-stripping) reads the target as sent instead, through the safe
// resolver in ./safe-path/, which does not rely on the URL parser having been there first.

export type PathCheck =
  | { ok: true; segments: string[] }
  | { ok: false; status: 400 | 404; reason: string };

// #region check-request-path
export function checkRequestPath(pathname: string, indexFile = 'index.html'): PathCheck {
  if (!pathname.startsWith('/')) return { ok: false, status: 400, reason: 'The path must start with /.' };

  const encoded = pathname.slice(1).split('/');
  // A path ending in "/" names a folder: serve its index file, as most static servers do.
  if (encoded[encoded.length - 1] === '') encoded[encoded.length - 1] = indexFile;

  const segments: string[] = [];
  for (const part of encoded) {
    let name: string;
    try {
      name = decodeURIComponent(part); // decode once, never twice
    } catch {
      return { ok: false, status: 400, reason: 'The path has a broken percent-encoding.' };
    }
    if (name === '') return { ok: false, status: 404, reason: 'The path has an empty segment.' };
    if (name.includes('\0')) return { ok: false, status: 400, reason: 'The path contains a NUL byte.' };
    if (name.includes('/') || name.includes('\\')) {
      return { ok: false, status: 400, reason: 'A path segment contains an encoded separator.' };
    }
    if (name === '.' || name === '..') return { ok: false, status: 400, reason: 'The path climbs out of its folder.' };
    // Dotfiles (.env, .git, .htpasswd) are never served; say "not found" rather than "forbidden".
    if (name.startsWith('.')) return { ok: false, status: 404, reason: 'Dotfiles are not served.' };
    segments.push(name);
  }
  return { ok: true, segments };
}
// #endregion
