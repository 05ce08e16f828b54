// Puts a fetch-style handler on node:http through the maintained adapter (@hono/node-server),
// with the two checks that belong before any handler: the HTTP version, and errors that escape.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { errorPage } from './http/error-page';

type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;
type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** A node:http listener for `handler`. Also used inside Vite's dev server. */
export function nodeListener(handler: FetchHandler): NodeListener {
  const listener = getRequestListener(handler, {
    // HTTP/1.0 clients may omit Host (node itself answers 400 to an HTTP/1.1 request without it).
    hostname: 'localhost',
    // Malformed targets (a backslash, a bad Host) are the client's fault: 400, not 500.
    errorHandler: (error) => {
      const status = (error as Error).name === 'RequestError' ? 400 : 500;
      if (status === 500) console.error(`[cachecraft] ${(error as Error).message}`);
      return errorPage(status, status === 400 ? 'The request could not be understood.' : 'The server failed on this request.');
    },
  });
  return (req, res) => {
    // node's parser lets "HTTP/2.0" or "HTTP/0.9" through to us; this server speaks 1.0 and 1.1.
    if (req.httpVersionMajor !== 1 || req.httpVersionMinor > 1) {
      res.writeHead(505, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('505 HTTP Version Not Supported: this server speaks HTTP/1.0 and HTTP/1.1.\n');
      return;
    }
    void listener(req, res);
  };
}

export function createHttpServer(handler: FetchHandler): http.Server {
  return http.createServer(nodeListener(handler));
}

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
    server.listen(port, host);
  });
}
