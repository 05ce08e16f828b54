// Raw requests (docs/api.md, "Raw requests"): the page sends the exact bytes of a request, the
// course server relays them to a stage over TCP and answers with the raw response bytes. Shared
// by the server (server/raw/) and the page (playground/RawRequest.tsx).

/** Most bytes a raw request may have (413 beyond). */
export const MAX_RAW_REQUEST_BYTES = 16 * 1024;
/** How long the relay waits for the stage's answer before it returns what arrived. */
export const RAW_TIMEOUT_MS = 5_000;
/** Most response bytes the relay keeps; the rest is cut. */
export const MAX_RAW_RESPONSE_BYTES = 1024 * 1024;

/** Why the relay stopped reading. */
export type RawEnd =
  /** A final response for each complete request in the bytes was read (by its framing). */
  | 'complete'
  /** The stage closed the connection first. */
  | 'closed'
  /** RAW_TIMEOUT_MS passed: what arrived until then. */
  | 'timed-out'
  /** MAX_RAW_RESPONSE_BYTES arrived: the response is cut there. */
  | 'cut';

/** The JSON answer of POST /api/stages/<stage>/raw. */
export interface RawAnswer {
  stage: string;
  /** Every byte the stage wrote (up to the size limit), base64. */
  response: string;
  /** How many bytes that is. */
  bytes: number;
  ended: RawEnd;
  timedOut: boolean;
  cut: boolean;
  /** From the connection's start until reading stopped (ms). */
  timeMs: number;
  /** The exchanges the stage recorded for these bytes, in the order it answered (none when node refused the bytes). */
  exchangeIds: number[];
}
