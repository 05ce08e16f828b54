// Puts a fetch-style handler on node:http through the maintained adapter (@hono/node-server),
// with what belongs before and after any handler: the HTTP version and the Host field are
// checked first; errors that escape become a plain 4xx or 500; a large file is sent from disk
// (send-file.ts).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { isMissing } from './files/disk';
import { errorPage } from './http/error-page';
import { asWritten, headerRecord, isFileBody, type Written } from './http/respond';
import { adapterTarget } from './adapter-target';
import { setRequestTarget, setRoutedTarget } from './request-target';
import { openForSending, sendRange } from './send-file';
import { WireResponse } from './wire-response';

type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;
type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface NodeListenerOptions {
  /**
   * The target the handler's Request should be built from, when not the one sent: the course
   * app gives a stage's requests the path inside the stage ("/ch/<slug>/a.css" → "/a.css"), so
   * that a stage gets the adapter's own Request and not a view over it (docs/performance.md).
   * The target as sent stays readable (request-target.ts); `routedTarget` tells what was used.
   */
  innerTarget?: (sent: string) => string | undefined;
}

/** node's req.url as it came off the wire, kept on the request before the adapter is handed a re-encoded one. */
const SENT_TARGET = Symbol('sent target');
/** The target the adapter was handed in its place, when `innerTarget` gave one. */
const INNER_TARGET = Symbol('inner target');
type Sent = IncomingMessage & { [SENT_TARGET]?: string; [INNER_TARGET]?: string };

/** A node:http listener for `handler`. Also used inside Vite's dev server. */
export function nodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): NodeListener {
  const listener = getRequestListener(
    async (request, bindings) => {
      const env = bindings as HttpBindings; // createHttpServer is HTTP/1 only
      const incoming = env.incoming as Sent;
      // The target as sent, for a stage that must read it raw (see request-target.ts).
      setRequestTarget(request, incoming[SENT_TARGET] ?? incoming.url ?? '');
      if (incoming[INNER_TARGET] !== undefined) setRoutedTarget(request, incoming[INNER_TARGET]);
      const response = await handler(request, env);
      const written = asWritten(response);
      // A reason phrase of the stage's own (the seed echoes the request into it, as Python's
      // send_error did); node writes it in place of the standard one.
      if (written.reason !== undefined) env.outgoing.statusMessage = written.reason;
      if (!isFileBody(written.body)) return response;
      sendFile(env.outgoing, written);
      return RESPONSE_ALREADY_SENT;
    },
    {
      // HTTP/1.0 clients may omit Host (node itself answers 400 to an HTTP/1.1 request without it).
      hostname: 'localhost',
      // What the adapter still refuses (a bad Host) is the client's fault: 400, not 500.
      errorHandler: (error) => {
        const status = (error as Error).name === 'RequestError' ? 400 : 500;
        if (status === 500) console.error(`[cachecraft] ${(error as Error).message}`);
        return errorPage(status, status === 400 ? 'The request could not be understood.' : 'The server failed on this request.');
      },
    },
  );
  return (req, res) => {
    // node's parser lets "HTTP/2.0" or "HTTP/0.9" through to us; this server speaks 1.0 and 1.1.
    if (req.httpVersionMajor !== 1 || req.httpVersionMinor > 1) {
      return refuse(res, 505, 'HTTP Version Not Supported', 'this server speaks HTTP/1.0 and HTTP/1.1.');
    }
    // RFC 9112, 3.2: a request with more than one Host field line gets a 400 (node keeps the first).
    if (countFields(req.rawHeaders, 'host') > 1) {
      return refuse(res, 400, 'Bad Request', 'a request names its host once; this one has several Host fields.');
    }
    // The stage sees the target as sent and decides on it; the adapter gets a form it accepts
    // (a raw backslash, "*" or "file:///x" would be its 400 otherwise): adapter-target.ts.
    const sent = req.url ?? '';
    (req as Sent)[SENT_TARGET] = sent;
    const inner = options.innerTarget?.(sent);
    if (inner !== undefined) (req as Sent)[INNER_TARGET] = inner;
    req.url = adapterTarget(inner ?? sent);
    void listener(req, res);
  };
}

export function createHttpServer(handler: FetchHandler, options: NodeListenerOptions = {}): http.Server {
  // WireResponse: the request log reads the head as sent (log/wire-head.ts).
  const server = http.createServer({ ServerResponse: WireResponse }, nodeListener(handler, options));
  // CONNECT asks for a tunnel, which a file server does not make. Without this listener node
  // would drop the connection without a word.
  server.on('connect', (_req: IncomingMessage, socket: import('node:stream').Duplex) => {
    const text = '501 Not Implemented: this server does not make tunnels (CONNECT).\n';
    socket.end(
      `HTTP/1.1 501 Not Implemented\r\nContent-Type: text/plain; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
  return server;
}

/**
 * Sends a FileBody from disk (send-file.ts). The status and headers go out only once the file
 * is open, so a file removed since the stage looked is still a clean 404.
 */
function sendFile(outgoing: ServerResponse, written: Written): void {
  const body = written.body as Extract<Written['body'], { toWebStream: unknown }>;
  if (outgoing.destroyed) return; // the client left while the stage was working
  let fd: number;
  try {
    fd = openForSending(body.path);
  } catch (error) {
    const missing = isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR';
    if (!missing) console.error(`[cachecraft] could not open ${body.path}: ${(error as Error).message}`);
    const answer = asWritten(errorPage(missing ? 404 : 500, missing ? 'The file went away while it was being sent.' : 'The server could not read this file.'));
    outgoing.writeHead(answer.status, headerRecord(answer.headers)).end(answer.body as string);
    return;
  }
  outgoing.writeHead(written.status, headerRecord(written.headers));
  sendRange(outgoing, fd, body.start, body.end);
}

function refuse(res: ServerResponse, status: number, reason: string, why: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', Connection: 'close' });
  res.end(`${status} ${reason}: ${why}\n`);
}

function countFields(rawHeaders: string[], lowerName: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) count++;
  }
  return count;
}

/**
 * Connections waiting to be accepted. A page load opens a dozen at once and a burst opens far
 * more: node's default (511) drops the rest, and a dropped SYN is retried a whole second later.
 * (The 2008 server had 5, Python's default; the kernel caps this at net.core.somaxconn.)
 */
const BACKLOG = 4096;

/** Listens, resolving with the bound port, or rejecting with a one-line, human error. */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new Error(`Port ${port} is already in use on ${host}. Pick another with --port N.`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new Error(`Cannot listen on host ${host}: it is not an address of this machine.`));
      else if (error.code === 'EACCES') reject(new Error(`Not allowed to listen on port ${port} (ports below 1024 need privileges).`));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host, backlog: BACKLOG });
  });
}
