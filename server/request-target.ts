// The request target exactly as the client sent it: node's `req.url`, such as "/a/../b",
// "/<b>x</b>", "/monitor.css#x" or an absolute "https://host/x". A fetch `Request` only carries
// the URL after the WHATWG parser has been over it (dot segments resolved, "<" and ">"
// percent-encoded), and the seed ports a 2008 server that read the request line itself, so it
// needs the target as sent.
//
// It travels beside the Request, keyed by the Request object, never in a header: a header could
// be sent by the client itself, and it would show up in the request log as if the client had.
// Who sets it: server/listen.ts for every request that comes through node (the whole target,
// kept before the adapter is handed a re-encoded one: server/adapter-target.ts),
// and the course app for the Request it hands a stage (the target with "/ch/<stage>" taken off).
// A Request that did not come through node (a test calling a stage directly, the in-browser
// mode) has none, and a stage falls back to its URL.

const targets = new WeakMap<Request, string>();

export function setRequestTarget(request: Request, target: string): void {
  targets.set(request, target);
}

/** The target as the client sent it, when this Request came through node; otherwise undefined. */
export function requestTarget(request: Request): string | undefined {
  return targets.get(request);
}

/** The target as sent when known, else the closest the URL can tell: its path and query. */
export function requestTargetOrPath(request: Request): string {
  const sent = targets.get(request);
  if (sent !== undefined) return sent;
  const { pathname, search } = new URL(request.url);
  return pathname + search;
}
