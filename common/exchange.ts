/** Added by the course app to every stage's answer: the id of its exchange in the log. */
export const EXCHANGE_HEADER = 'X-Cachecraft-Exchange';

// Course-internal tags on a request (docs/api.md, "Who sent it"). The app takes them off before
// the stage sees the request, and records them apart (Exchange.learner, Exchange.chapter), so
// the stage and "What the server received" show the request as the learner wrote it.
/** The browser's random learner id, sent by the playground on each request. */
export const LEARNER_HEADER = 'X-Cachecraft-Learner';
/** The chapter (its slug) whose playground sent the request. */
export const CHAPTER_HEADER = 'X-Cachecraft-Chapter';
/** The same learner id as a cookie (path /ch/), so the pages the browser loads itself carry it too. */
export const LEARNER_COOKIE = 'cachecraft-learner';
/** What a learner id or a chapter slug may look like; anything else is dropped (and still taken off). */
export const TAG_VALUE = /^[A-Za-z0-9_-]{1,64}$/;

// One request and its answer, as the server saw them. The request log keeps the last few of
// these and streams them to the page; the playground and the "try this" tasks read them.
export interface Exchange {
  /** Increasing number, unique for the life of the server process. */
  id: number;
  /** When the request arrived (ms since the epoch). */
  time: number;
  /** The stage that answered, e.g. "last-modified" or "seed". */
  stage: string;
  method: string;
  /** The request target exactly as received, e.g. "/ch/seed/monitor.css" (a raw request's: "/../secret.txt"). */
  target: string;
  /**
   * The path the stage was asked for, with the /ch/<stage> prefix removed, e.g. "/monitor.css":
   * the path of the URL the stage's Request carries, dot segments resolved as the WHATWG URL
   * parser does ("/../secret.txt" is "/secret.txt"); the target as sent is in `target`.
   */
  path: string;
  /** "1.1" or "1.0". */
  httpVersion: string;
  /** Request header fields in the order and case they arrived. */
  requestHeaders: [string, string][];
  status: number;
  responseHeaders: [string, string][];
  /** Bytes of response body sent (0 for 304 and HEAD). */
  bodyBytes: number;
  /** Time from the request's arrival until the stage returned its response (ms). */
  durationMs: number;
  /** The learner id the request carried (LEARNER_HEADER, else LEARNER_COOKIE); not in requestHeaders. */
  learner?: string;
  /** The chapter whose playground sent it (CHAPTER_HEADER); not in requestHeaders. */
  chapter?: string;
  /**
   * True when the page sent it as raw bytes (POST /api/stages/<stage>/raw): the stage answered
   * alone at /, so `target` has no /ch/<stage> prefix, and `learner` and `chapter` come from the
   * API call.
   */
  raw?: true;
}
