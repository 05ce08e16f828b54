// Test helpers: put a handler on a real port on 127.0.0.1, and speak raw HTTP to it when the
// wire itself is the point (fetch hides bytes a 304 must not carry).
import net from 'node:net';
import { createHttpServer, listen } from '../listen';

type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

export interface Running {
  url: string;
  port: number;
  close: () => Promise<void>;
}

export async function serve(handler: FetchHandler): Promise<Running> {
  const server = createHttpServer(handler);
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawRequestOptions {
  /** Give up after this long, rejecting with what arrived so far (default 5000 ms). */
  timeoutMs?: number;
}

/**
 * Sends `text` (one request, or several pipelined, CRLF-separated, with their bodies if any) on a
 * new connection and resolves with everything the server wrote, as latin1 text, as soon as the
 * answer is complete:
 *  - the response to each request sent, read by its framing: no body for 1xx (interim: the final
 *    answer follows), 204, 304 and any response to HEAD; else the chunked coding up to the last
 *    chunk and its trailers, else Content-Length bytes;
 *  - when the server closes the connection (it said `Connection: close`, or the response has
 *    neither length nor chunking, or it is not HTTP at all): up to the close, every byte, so a
 *    stray byte after a 304 still shows.
 * Rejects after `timeoutMs` (5 s) with what did arrive, rather than resolving with half an answer.
 * A number as the third argument is taken as `timeoutMs`.
 */
export function rawRequest(port: number, text: string, options: RawRequestOptions | number = {}): Promise<string> {
  const timeoutMs = typeof options === 'number' ? options : (options.timeoutMs ?? 5000);
  const bytes = Buffer.from(text);
  const methods = requestMethods(bytes.toString('latin1'));
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = Buffer.alloc(0);
    let parsed = 0; // where the next response starts
    let answered = 0; // final responses read
    let untilClose = false;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(data.toString('latin1'));
    };
    const received = () => `${data.length} bytes received: ${JSON.stringify(data.toString('latin1', 0, 300))}`;
    const timer = setTimeout(
      () => finish(new Error(`rawRequest: no complete answer from 127.0.0.1:${port} within ${timeoutMs} ms (${received()})`)),
      timeoutMs,
    );

    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      while (!untilClose) {
        const framing = frameResponse(data, parsed, methods[answered] ?? 'GET');
        if (framing.kind === 'incomplete') return;
        if (framing.kind === 'until-close') {
          untilClose = true;
          return;
        }
        parsed = framing.end;
        if (framing.interim) continue;
        answered++;
        if (framing.closes) untilClose = true;
        else if (answered >= methods.length) return finish();
      }
    });
    // The server hung up: all it wrote is here.
    socket.on('close', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset once the answer is complete, or once only the close could end it, is the server
      // hanging up with some of our bytes unread: what it wrote is here.
      if (answered > 0 || (untilClose && error.code === 'ECONNRESET')) finish();
      else finish(new Error(`rawRequest: ${error.message} (${received()})`));
    });
  });
}

/** The method of each request in `text` (as latin1), in order: the first word of each request line. */
export function requestMethods(text: string): string[] {
  const methods: string[] = [];
  let at = 0;
  for (;;) {
    const end = text.indexOf('\r\n\r\n', at);
    if (end === -1) break;
    const head = text.slice(at, end).replace(/^(?:\r\n)+/, '');
    methods.push(head.split(/[ \r]/, 1)[0]!);
    const length = /\r\ncontent-length:[ \t]*(\d+)[ \t]*(?=\r\n|$)/i.exec(head);
    at = end + 4 + (length ? Number(length[1]) : 0);
  }
  return methods.length > 0 ? methods : [''];
}

export type Framing =
  | { kind: 'incomplete' }
  | { kind: 'until-close' }
  | { kind: 'complete'; end: number; status: number; interim: boolean; closes: boolean };

/**
 * Where the response starting at `start` in `data` ends (RFC 9112, section 6.3), for a request
 * made with `method`: 'incomplete' when more bytes are needed, 'until-close' when only the
 * connection closing can end it.
 */
export function frameResponse(data: Buffer, start: number, method: string): Framing {
  const headEnd = data.indexOf('\r\n\r\n', start, 'latin1');
  if (headEnd === -1) return { kind: 'incomplete' };
  const [statusLine = '', ...lines] = data.toString('latin1', start, headEnd).split('\r\n');
  const status = /^HTTP\/(\d)\.(\d) (\d{3})(?: |$)/.exec(statusLine);
  if (!status) return { kind: 'until-close' };
  const code = Number(status[3]);
  const fields = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    fields.set(name, [...(fields.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const tokens = (name: string) => (fields.get(name) ?? []).flatMap((v) => v.split(',')).map((t) => t.trim().toLowerCase()).filter(Boolean);
  const connection = tokens('connection');
  const closes = connection.includes('close') || (status[1] === '1' && status[2] === '0' && !connection.includes('keep-alive'));
  const bodyStart = headEnd + 4;
  const complete = (end: number): Framing => ({ kind: 'complete', end, status: code, interim: code < 200, closes: code >= 200 && closes });

  if (code === 101) return { kind: 'until-close' }; // another protocol follows
  if (code < 200 || code === 204 || code === 304 || method === 'HEAD') return complete(bodyStart);

  const codings = tokens('transfer-encoding');
  if (codings.length > 0) {
    if (codings[codings.length - 1] !== 'chunked') return { kind: 'until-close' };
    const end = chunkedEnd(data, bodyStart);
    if (end === 'malformed') return { kind: 'until-close' };
    return end === null ? { kind: 'incomplete' } : complete(end);
  }
  const lengths = [...new Set(tokens('content-length'))];
  if (lengths.length === 1 && /^\d+$/.test(lengths[0]!)) {
    const end = bodyStart + Number(lengths[0]);
    return data.length >= end ? complete(end) : { kind: 'incomplete' };
  }
  return { kind: 'until-close' };
}

/** The end of a chunked body starting at `at`: after the last chunk and the trailer section. */
function chunkedEnd(data: Buffer, at: number): number | null | 'malformed' {
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd === -1) return null;
    const size = data.toString('latin1', at, lineEnd).split(';', 1)[0]!.trim();
    if (!/^[0-9a-f]+$/i.test(size)) return 'malformed';
    at = lineEnd + 2;
    if (/^0+$/.test(size)) break;
    at += parseInt(size, 16) + 2; // the chunk and its CRLF
    if (data.length < at) return null;
    if (data.toString('latin1', at - 2, at) !== '\r\n') return 'malformed';
  }
  // Trailer fields, if any, then an empty line.
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd === -1) return null;
    if (lineEnd === at) return at + 2;
    at = lineEnd + 2;
  }
}
