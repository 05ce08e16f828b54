/** Added by the course app to every stage's answer: the id of its exchange in the log. */
export const EXCHANGE_HEADER = 'X-Cachecraft-Exchange';

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
  /** The request target exactly as received, e.g. "/ch/seed/monitor.css". */
  target: string;
  /** The path the stage was asked for, with the /ch/<stage> prefix removed, e.g. "/monitor.css". */
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
}
