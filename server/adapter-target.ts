// What the node adapter (@hono/node-server) is handed in place of the request target as sent.
//
// The adapter builds the Request's URL from node's `req.url`, and answers 400 itself, before any
// stage runs, when it does not like the target: a raw backslash before the query ("Backslash in
// request path"), a target that is neither "/..." nor "http(s)://..." ("*", "file:///x"), an
// absolute URL the WHATWG parser refuses. Those are exactly the bytes a path-traversal lesson
// needs a stage to see, and to decide on. So the listener keeps the raw target for the stage
// (server/request-target.ts) and gives the adapter this re-encoded one, which it accepts, and
// whose URL means no more than the raw one did:
//
//   - a backslash before the query becomes %5C: the WHATWG parser would read a raw "\" as "/" (it does so for
//     http URLs), turning "/..\x" into a climb; %5C stays a byte inside one segment, and the
//     fixed stages' checkRequestPath refuses it (an encoded separator, 400);
//   - a target that is not origin-form nor an http(s) absolute-form becomes one opaque segment,
//     "/" + the target percent-encoded ("*" → "/*", "file:///x" → "/file%3A%2F%2F%2Fx"): nothing
//     that a stage reading the URL could take for a path of several segments;
//   - everything else is handed over unchanged, so every request node and the adapter accepted
//     before gets the very same URL as before.

// #region adapter-target
export function adapterTarget(target: string): string {
  if (target.startsWith('/')) return encodeBackslashes(target);
  if (/^https?:\/\//i.test(target)) {
    const encoded = encodeBackslashes(target);
    if (URL.canParse(encoded)) return encoded;
  }
  return '/' + encodeURIComponent(target);
}
// #endregion

/** "\" as %5C before the query, where the adapter refuses it; the query is left as it was. */
function encodeBackslashes(target: string): string {
  if (!target.includes('\\')) return target; // nearly every target: nothing to encode
  const query = target.indexOf('?');
  const head = query === -1 ? target : target.slice(0, query);
  return head.replaceAll('\\', '%5C') + (query === -1 ? '' : target.slice(query));
}
