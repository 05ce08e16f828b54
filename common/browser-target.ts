// How a browser (the WHATWG URL parser) reads a path-absolute URL: what it would request. Both
// sides need it: the playground, to refuse a path that would leave its stage before sending it,
// and the course server, to route a request target as any client would resolve it.

/** "." or "..", any of the spellings the URL parser accepts (%2e for a dot, either case). */
export const SINGLE_DOT = /^(?:\.|%2e)$/i;
export const DOUBLE_DOT = /^(?:\.|%2e){2}$/i;

export interface BrowserTarget {
  /** The path after "." and ".." segments are resolved, not percent-encoded. */
  path: string;
  /** After "?", when there is one. */
  query?: string;
  /** After "#", when there is one: never sent. */
  fragment?: string;
}

/**
 * What the WHATWG URL parser makes of a path-absolute URL ("/…", not "//…") against an http
 * base, leaving out only its percent-encoding (which keeps the bytes the same). Written out here
 * rather than trusted to the runtime's URL: Node 20's parser, for one, leaves "/ch/x/.a/.."
 * unresolved, where browsers go up to /ch/x/. A browser test checks this against Chromium.
 */
export function browserTarget(pathAbsolute: string): BrowserTarget {
  // Leading and trailing C0 controls and spaces go, then every tab and line break.
  let rest = pathAbsolute.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const target: Partial<BrowserTarget> = {};
  const hash = rest.indexOf('#');
  if (hash >= 0) [rest, target.fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  const question = rest.indexOf('?');
  if (question >= 0) [rest, target.query] = [rest.slice(0, question), rest.slice(question + 1)];

  // For http(s) URLs "\" separates segments like "/".
  const segments = rest.slice(1).split(/[/\\]/);
  const path: string[] = [];
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (DOUBLE_DOT.test(segment)) {
      path.pop();
      if (last) path.push('');
    } else if (SINGLE_DOT.test(segment)) {
      if (last) path.push('');
    } else {
      path.push(segment);
    }
  });
  return { ...target, path: '/' + path.join('/') };
}

