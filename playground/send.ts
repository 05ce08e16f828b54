// Sends the playground's request and measures what came back.
import { EXCHANGE_HEADER } from '../server/log/exchange';
import { previewKind, type PreviewKind } from './preview';


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

/** "/ch/<stage>/<path>" with exactly one slash between the parts. */
export function stageUrl(stage: string, path: string): string {
  const clean = path.trim().replace(/^\/+/, '');
  return `/ch/${encodeURIComponent(stage)}/${clean}`;
}

/**
 * Sends with cache: 'no-store' so the browser's cache neither answers nor rewrites the
 * conditional headers. Rejects (like fetch) when nothing answers.
 */
export async function sendRequest(request: SentRequest, fetchImpl: typeof fetch = fetch, now = () => performance.now()): Promise<SendResult> {
  const url = stageUrl(request.stage, request.path);
  const started = now();
  const response = await fetchImpl(url, { method: request.method, headers: request.headers, cache: 'no-store' });
  const buffer = await response.arrayBuffer();
  const timeMs = now() - started;
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
