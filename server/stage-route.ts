// Which stage does a request target go to? Decided on the target exactly as the client sent it
// (node's req.url), because the WHATWG URL that a Request carries has already removed "." and
// ".." segments (%2e%2e too): "/ch/last-modified/x/../../secret.txt" must not become
// "/ch/secret.txt" and be routed as if a stage called "secret.txt" had been asked for.
import { browserTarget } from '../common/browser-target';

export type StageRoute =
  /**
   * Hand `path` (with its query, always starting with "/") to the stage `slug`. `target` is the
   * target as sent with "/ch/<slug>" taken out and nothing else changed (dot segments, a
   * fragment, an absolute form's "http://host" all kept), for a stage that reads it raw.
   */
  | { kind: 'stage'; slug: string; path: string; target: string }
  /** "/ch/<slug>" without the slash: the stage's pages link relative to "/ch/<slug>/". */
  | { kind: 'add-slash'; slug: string; location: string }
  /** Dot segments climb out of "/ch/<slug>/": the client is told so, never sent elsewhere. */
  | { kind: 'leaves-stage'; slug: string; resolved: string };

const STAGE_PREFIX = /^\/ch\/([^/?#]+)(.*)$/s;

/** The route for a request target, or null when the target is not under /ch/<slug>. */
export function stageRoute(target: string): StageRoute | null {
  return plainStageRoute(target) ?? resolvedStageRoute(target);
}

/**
 * "/ch/<slug>/<path>[?query]" with nothing to resolve: no dot segment, no backslash, no
 * percent sign, no space or control character. Nearly every request is like this, and
 * resolving it (below) would give it back unchanged: the course app routes it without the work.
 * Null when the target needs the long way (stage-route.test.ts checks both agree).
 */
export function plainStageRoute(target: string): StageRoute | null {
  const match = PLAIN_TARGET.exec(target);
  if (!match || DOT_SEGMENT.test(match[2]!)) return null;
  const rest = match[2]! + (match[3] ?? '');
  return { kind: 'stage', slug: match[1]!, path: rest, target: rest };
}

const PLAIN_TARGET = /^\/ch\/([A-Za-z0-9_-]+)(\/[A-Za-z0-9._~\-\/]*)(\?[\x21-\x22\x24-\x7e]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/** Any target: dot segments resolved as a browser would, an absolute form's origin taken off. */
export function resolvedStageRoute(target: string): StageRoute | null {
  const origin = originForm(target);
  const match = STAGE_PREFIX.exec(origin);
  if (!match) return null;
  const slug = match[1]!;
  const rest = match[2]!;
  if (rest === '' || rest.startsWith('?')) return { kind: 'add-slash', slug, location: `/ch/${slug}/${rest}` };
  if (!rest.startsWith('/')) return null; // "/ch/x#y" and the like: not a stage path

  // Resolve the dot segments as a browser would (not with Node's URL: Node 20 leaves
  // "/ch/x/.a/../.." unresolved, see common/browser-target.ts).
  const prefix = `/ch/${slug}/`;
  const resolved = browserTarget(`/ch/${slug}${rest}`);
  if (!resolved.path.startsWith(prefix)) return { kind: 'leaves-stage', slug, resolved: resolved.path };
  const query = resolved.query === undefined ? '' : `?${resolved.query}`;
  const absolutePart = target.slice(0, target.length - origin.length);
  return { kind: 'stage', slug, path: resolved.path.slice(prefix.length - 1) + query, target: absolutePart + rest };
}

/** "http://host/ch/x" (absolute-form, RFC 9112 3.2.2) to "/ch/x"; origin-form stays as it is. */
function originForm(target: string): string {
  const absolute = /^https?:\/\/[^/?#]*/i.exec(target);
  return absolute ? target.slice(absolute[0].length) || '/' : target;
}
