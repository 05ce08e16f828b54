// Which paths the playground may send. The browser parses a URL before fetch sends it (the
// WHATWG URL parser): it removes "." and ".." segments (also spelled %2e), reads "\" as "/",
// drops tabs and line breaks, and keeps the "#…" fragment to itself. So "../../api/stages"
// typed after /ch/<stage>/ would really ask for /api/stages. The playground refuses a path that
// would leave its stage, and one the browser would send differently from how it is written.
import { stageUrl } from '../common/stage-url';
import { browserTarget, DOUBLE_DOT, SINGLE_DOT, type BrowserTarget } from '../common/browser-target';

export { browserTarget, type BrowserTarget };

export { stageUrl };

export type StagePathProblemKind =
  /** After the browser's parsing, the path is no longer under /ch/<stage>/. */
  | 'leaves-stage'
  /** It has a "#": the browser never sends the fragment. */
  | 'fragment'
  /** It stays in the stage, but the browser would send another path than the one written. */
  | 'rewritten';

export interface StagePathProblem {
  kind: StagePathProblemKind;
  /** Says what is wrong in plain words, to show next to the path field. */
  message: string;
  /** The path and query the browser would request, e.g. "/api/stages" or "/ch/seed/index.html". */
  resolved: string;
}

/** Tabs and line breaks (removed anywhere), or control characters at the end (trimmed). */
const DROPPED = /[\t\n\r]|[\u0000-\u0020]$/;

/** Any origin will do: stageUrl always gives a path starting with "/", so only the path is read. */
const BASE = 'http://cachecraft.invalid';

/**
 * Undefined when the browser would send exactly `stageUrl(stage, path)`, inside the stage;
 * otherwise why not. Pure; never throws.
 */
export function stagePathProblem(stage: string, path: string): StagePathProblem | undefined {
  const written = stageUrl(stage, path);
  const prefix = stageUrl(stage, '');
  const target = browserTarget(written);
  const sent = target.path + (target.query === undefined ? '' : `?${target.query}`);
  // A second opinion from this runtime's own parser, the one its fetch uses.
  const url = new URL(written, BASE);

  const outside = [target.path, url.pathname].find((p) => !p.startsWith(prefix));
  if (outside !== undefined) {
    return {
      kind: 'leaves-stage',
      resolved: outside,
      message:
        `This path leaves the stage: the browser would resolve it to ${outside}. ` +
        `The playground only sends requests inside ${prefix}.`,
    };
  }
  if (target.fragment !== undefined || url.hash !== '' || written.includes('#')) {
    return {
      kind: 'fragment',
      resolved: sent,
      message:
        'The browser never sends the part from “#” on (it is a fragment, kept by the page). ' +
        'Remove it, or write %23 to send a “#”.',
    };
  }
  const urlSent = url.href.slice(url.origin.length); // not pathname + search: "?" alone is sent too
  const rewrittenTo = sent !== written ? sent : !sameBytes(urlSent, written) ? urlSent : undefined;
  if (rewrittenTo === undefined) return undefined;

  const inStage = rewrittenTo.slice(prefix.length - 1);
  const typedPath = path.split('?')[0] ?? '';
  const causes: string[] = [];
  const hints: string[] = [];
  if (typedPath.split(/[/\\]/).some((segment) => SINGLE_DOT.test(segment) || DOUBLE_DOT.test(segment))) {
    causes.push('it removes “.” and “..” segments (also when written %2e)');
    hints.push('curl --path-as-is sends the dots as they are.');
  }
  if (typedPath.includes('\\')) {
    causes.push('it reads “\\” as “/”');
    hints.push('Write %5C to send a backslash.');
  }
  if (DROPPED.test(path.trim())) {
    causes.push('it drops tabs, line breaks and control characters at the end');
  }
  if (causes.length === 0) causes.push('it rewrites it');
  return {
    kind: 'rewritten',
    resolved: rewrittenTo,
    message: `The browser would not send this path as written: ${causes.join(', and ')}, so it would ask for ${inStage}. ${hints.join(' ')}`.trimEnd(),
  };
}

/**
 * Whether two URL paths name the same bytes: "%XX" stands for its byte and any other character
 * for its UTF-8 bytes, so "/a b" and "/a%20b" (which is how the browser sends it) are the same.
 */
function sameBytes(a: string, b: string): boolean {
  return bytesOf(a) === bytesOf(b);
}

const encoder = new TextEncoder();

function bytesOf(text: string): string {
  const bytes: number[] = [];
  for (const piece of text.split(/(%[0-9A-Fa-f]{2})/)) {
    if (/^%[0-9A-Fa-f]{2}$/.test(piece)) bytes.push(parseInt(piece.slice(1), 16));
    else bytes.push(...encoder.encode(piece));
  }
  return bytes.join(',');
}
