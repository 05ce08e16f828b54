// Single requests outside the load: to learn a file's validator, to check that a conditional
// request really gets 304 before loading it, and to check that a server still answers after a
// burst. A fresh connection every time (agent: false), so a poisoned keep-alive pool cannot hide
// a server that stopped accepting.
import http from 'node:http';

export interface ProbeAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
  ms: number;
}

export function probe(url: string, headers: Record<string, string> = {}, timeoutMs = 5000): Promise<ProbeAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers }, (response) => {
      let bodyBytes = 0;
      response.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, bodyBytes, ms: performance.now() - started }),
      );
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/** A probe that never rejects: the answer, or the reason there was none. */
export async function tryProbe(url: string, headers: Record<string, string> = {}, timeoutMs = 5000): Promise<ProbeAnswer | { error: string }> {
  try {
    return await probe(url, headers, timeoutMs);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Polls until `url` answers at all (any status), for servers that print nothing (nginx). */
export async function waitUntilAnswering(url: string, timeoutMs: number, gaveUp: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await tryProbe(url, {}, 1000);
    if (!('error' in answer)) return;
    const reason = gaveUp();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s (${answer.error})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The conditional request a client would make after a first GET: If-None-Match with the ETag
 * when the server sent one (it takes precedence, RFC 9110 13.2.2), else If-Modified-Since with
 * the Last-Modified. Null when the server sent no validator at all.
 */
export function conditionalHeaders(first: ProbeAnswer): Record<string, string> | null {
  const etag = first.headers.etag;
  if (etag) return { 'If-None-Match': etag };
  const lastModified = first.headers['last-modified'];
  if (lastModified) return { 'If-Modified-Since': lastModified };
  return null;
}
