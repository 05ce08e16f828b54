// Test helpers: put a handler on a real port on 127.0.0.1, and speak raw HTTP to it when the
// wire itself is the point (fetch hides bytes a 304 must not carry).
import net from 'node:net';
import { frameResponse, requestMethods } from '../http/message-framing';
import { createHttpServer, listen, type NodeListenerOptions } from '../listen';

export { frameResponse, requestMethods, type Framing } from '../http/message-framing';

type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

export interface Running {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** `options`: as the real server is given them (the course app: `{ innerTarget: app.innerTarget }`). */
export async function serve(handler: FetchHandler, options: NodeListenerOptions = {}): Promise<Running> {
  const server = createHttpServer(handler, options);
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
