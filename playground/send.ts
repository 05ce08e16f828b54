// Sends the playground's request and measures what came back.
import { atBase } from '../client/api';
import { EXCHANGE_HEADER } from '../common/exchange';
import { previewKind, type PreviewKind } from './preview';
import { stagePathProblem, stageUrl } from './stage-path';

export { stageUrl };


export interface SentRequest {
  stage: string;
  method: string;
  /** Path inside the stage, starting with "/". */
  path: string;
  headers: [string, string][];
}

export interface SendResult {
  request: SentRequest;
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  /** Bytes actually received (after any content decoding the browser did). */
  bodyBytes: number;
  preview: PreviewKind;
  /** The body as text, for text types (cut at PREVIEW_CHARS). */
  text?: string;
  /** The body, for images. */
  blob?: Blob;
  timeMs: number;
  /** The server's id for this exchange; missing when something other than the course server answered. */
  exchangeId?: string;
}

const PREVIEW_CHARS = 20_000;


/** How long a send may take, answer and body included, before it is given up. */
export const SEND_TIMEOUT_MS = 10_000;

/** The send was given up: it took longer than the timeout, or the caller cancelled it. */
export class SendAborted extends Error {
  constructor(readonly reason: 'timeout' | 'cancelled', timeoutMs = SEND_TIMEOUT_MS) {
    super(
      reason === 'timeout'
        ? `No answer within ${timeoutMs / 1000} s; the request was cancelled.`
        : 'Cancelled before the answer was complete. The server may still have received the request: see the history below.',
    );
    this.name = 'SendAborted';
  }
}

/** The path would leave the stage or not be sent as written (see stage-path.ts); nothing was sent. */
export class StagePathRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StagePathRefused';
  }
}

export interface SendOptions {
  /** Aborting it cancels the send (it then rejects with SendAborted 'cancelled'). */
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * Course-internal headers sent after the learner's (client/learner.ts): who sent it. The server
   * takes them off before the stage sees the request; they are not part of `request`.
   */
  tags?: [string, string][];
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Sends with cache: 'no-store' so the browser's cache neither answers nor rewrites the
 * conditional headers. Rejects like fetch when nothing answers; with SendAborted when it times
 * out (after `timeoutMs`, body included) or is cancelled; with StagePathRefused, before any
 * request, when the path would not stay in the stage as written.
 */
export async function sendRequest(request: SentRequest, options: SendOptions = {}): Promise<SendResult> {
  const { signal, timeoutMs = SEND_TIMEOUT_MS, tags = [], fetch: fetchImpl = fetch, now = () => performance.now() } = options;
  const problem = stagePathProblem(request.stage, request.path);
  if (problem) throw new StagePathRefused(problem.message);
  if (signal?.aborted) throw new SendAborted('cancelled', timeoutMs);

  const url = atBase(stageUrl(request.stage, request.path)); // under the site's base in a sub-path build
  const controller = new AbortController();
  const stop = (reason: 'timeout' | 'cancelled') => {
    if (!controller.signal.aborted) controller.abort(new SendAborted(reason, timeoutMs));
  };
  const onCancel = () => stop('cancelled');
  signal?.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  // Settles only when aborted: wins the race even against a fetch that ignores its signal.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as SendAborted), { once: true });
  });

  const started = now();
  const exchange = (async () => {
    const headers = [...request.headers, ...tags];
    const response = await fetchImpl(url, { method: request.method, headers, cache: 'no-store', signal: controller.signal });
    // The body counts too: an event stream answers at once but never ends.
    const buffer = await response.arrayBuffer();
    return { response, buffer, timeMs: now() - started };
  })();
  exchange.catch(() => {}); // when the abort wins, the fetch's own rejection is expected and unread

  let response: Response, buffer: ArrayBuffer, timeMs: number;
  try {
    ({ response, buffer, timeMs } = await Promise.race([exchange, aborted]));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
  const headers = [...response.headers.entries()];
  const contentType = response.headers.get('content-type') ?? undefined;
  const preview = previewKind(response.status, request.method, contentType, buffer.byteLength);
  return {
    request,
    url,
    status: response.status,
    statusText: response.statusText,
    headers,
    bodyBytes: buffer.byteLength,
    preview,
    text: preview === 'text' ? new TextDecoder().decode(buffer).slice(0, PREVIEW_CHARS) : undefined,
    blob: preview === 'image' ? new Blob([buffer], { type: contentType }) : undefined,
    timeMs,
    exchangeId: response.headers.get(EXCHANGE_HEADER) ?? undefined,
  };
}
