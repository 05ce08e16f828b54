// Rule 0: from the request target as sent to its path, still percent-encoded.
import { refuse, type Refusal } from './refusal';

// #region target-path
/**
 * The path of an origin-form target ("/a/b?q") or of an http(s) absolute-form one
 * ("http://host/a/b?q", which RFC 9112, 3.2.2 says a server must accept). The query is cut off.
 * Anything else ("*", "C:\x", "\\server\share") is not a path on this server: 400. So is a
 * fragment, which a request target never carries (RFC 9112, 3.2: no "#" in its grammar).
 */
export function targetPath(target: string): { ok: true; path: string } | Refusal {
  const absolute = /^https?:\/\/[^/?#]*/i.exec(target);
  const rest = absolute ? target.slice(absolute[0].length) : target;
  const origin = absolute && !rest.startsWith('/') ? '/' + rest : rest; // "http://h?x" is "/?x"
  if (!origin.startsWith('/')) return refuse(400, 'The request target is not a path starting with "/".');
  const query = origin.indexOf('?');
  const path = query === -1 ? origin : origin.slice(0, query);
  if (path.includes('#')) return refuse(400, 'A request target carries no fragment ("#").');
  return { ok: true, path };
}
// #endregion
