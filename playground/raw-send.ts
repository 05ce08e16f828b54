// Sends a raw request through the course server (POST /api/stages/<stage>/raw, docs/api.md) and
// decodes the bytes that came back. The server gives up after 5 s; the page waits a little longer
// (10 s) for the server's answer before it gives up too.
import { apiJson } from '../client/api';
import type { RawAnswer } from '../common/raw-request';

export const RAW_SEND_TIMEOUT_MS = 10_000;

/**
 * The send was given up: it took longer than the timeout, or the caller cancelled it. (Like
 * send.ts's SendAborted, not imported from there: see the note at the top of RawRequest.tsx.)
 */
export class RawSendAborted extends Error {
  constructor(readonly reason: 'timeout' | 'cancelled', timeoutMs = RAW_SEND_TIMEOUT_MS) {
    super(reason === 'timeout' ? `No answer from the course server within ${timeoutMs / 1000} s; the request was cancelled.` : 'Cancelled.');
    this.name = 'RawSendAborted';
  }
}

export interface RawResult extends RawAnswer {
  /** The response bytes, decoded from base64. */
  responseBytes: Uint8Array;
  /** The bytes that were sent. */
  sent: number;
}

export interface RawSendOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The course's tags (client/learner.ts): who sent it, for the log; not part of the bytes. */
  tags?: [string, string][];
  fetch?: typeof fetch;
}

/** Rejects with RawSendAborted on a timeout or a cancel, with ApiError (client/api.ts) otherwise. */
export async function sendRaw(stage: string, bytes: Uint8Array, options: RawSendOptions = {}): Promise<RawResult> {
  const timeoutMs = options.timeoutMs ?? RAW_SEND_TIMEOUT_MS;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const answer = await apiJson<RawAnswer>(
      `/api/stages/${encodeURIComponent(stage)}/raw`,
      { method: 'POST', body: bytes as BodyInit, headers: [['Content-Type', 'application/octet-stream'], ...(options.tags ?? [])], signal: controller.signal },
      options.fetch,
    );
    return { ...answer, responseBytes: base64Bytes(answer.response), sent: bytes.length };
  } catch (error) {
    if (controller.signal.aborted) throw new RawSendAborted(timedOut ? 'timeout' : 'cancelled', timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

export function base64Bytes(base64: string): Uint8Array {
  const text = atob(base64);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
