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

/** Sends `head` (request line and headers, CRLF-separated) and returns everything the server wrote. */
export function rawRequest(port: number, head: string, waitMs = 300): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    // The server keeps the connection alive: stop listening after a quiet moment.
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
  });
}
