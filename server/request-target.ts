// The request target exactly as the client sent it: node's `req.url`, such as "/a/../b",
// "/<b>x</b>", "/monitor.css#x" or an absolute "https://host/x". A fetch `Request` only carries
// the URL after the WHATWG parser has been over it (dot segments resolved, "<" and ">"
// percent-encoded), and the seed ports a 2008 server that read the request line itself, so it
// needs the target as sent.
//
// It travels with the Request object (a property under a symbol), never in a header: a header could
// be sent by the client itself, and it would show up in the request log as if the client had.
// Who sets it: server/listen.ts for every request that comes through node (the whole target,
// kept before the adapter is handed a re-encoded one: server/adapter-target.ts),
// and the course app for the Request it hands a stage (the target with "/ch/<stage>" taken off).
// A Request that did not come through node (a test calling a stage directly, the in-browser
// mode) has none, and a stage falls back to its URL.

// A property under a registered symbol, not a WeakMap: it costs less per request (no ephemeron
// for the garbage collector), and a second copy of this module (the workshop loads the learner's
// files apart) reads the same property.
const TARGET = Symbol.for('cachecraft.request-target');
const ROUTED = Symbol.for('cachecraft.routed-target');
type WithTarget = Request & { [TARGET]?: string; [ROUTED]?: string };

export function setRequestTarget(request: Request, target: string): void {
  (request as WithTarget)[TARGET] = target;
}

/** The target as the client sent it, when this Request came through node; otherwise undefined. */
export function requestTarget(request: Request): string | undefined {
  return (request as WithTarget)[TARGET];
}

/** The target as sent when known, else the closest the URL can tell: its path and query. */
export function requestTargetOrPath(request: Request): string {
  const sent = (request as WithTarget)[TARGET];
  if (sent !== undefined) return sent;
  const { pathname, search } = new URL(request.url);
  return pathname + search;
}

/**
 * The target this Request's URL was built from, when the listener was told to build it from
 * another than the one sent (listen.ts: `innerTarget`, the path inside a stage); otherwise undefined.
 */
export function routedTarget(request: Request): string | undefined {
  return (request as WithTarget)[ROUTED];
}

export function setRoutedTarget(request: Request, target: string): void {
  (request as WithTarget)[ROUTED] = target;
}
