// One request on its own TCP connection, with a time limit: the only I/O of the cases.
import net from 'node:net';
import { isComplete } from './response';
import { CheckError, type Target } from './target';

export const DEFAULT_TIMEOUT_MS = 5000;

/** After a complete answer, how long to wait for the close (or for stray bytes) before hanging up. */
export const GRACE_MS = 300;

/**
 * Writes `request`, then resolves with every byte the server wrote until it closed the
 * connection, or, if it keeps it open, until GRACE_MS after the answer was complete (so a stray
 * byte after a 304 still shows).
 */
export function exchangeBytes(target: Target, request: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
  const method = request.slice(0, request.indexOf(' '));
  return new Promise((resolve, reject) => {
    const where = `${target.host}:${target.port}`;
    const chunks: Buffer[] = [];
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const socket = net.connect({ host: target.host, port: target.port });
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(() => {
      const got = Buffer.concat(chunks).length;
      finish(new CheckError(`no complete answer from ${where} within ${timeoutMs} ms (${got} bytes received; the server did not close the connection)`));
    }, timeoutMs);
    // Written, not half-closed: a FIN right after the request makes some servers drop the answer.
    socket.on('connect', () => socket.write(Buffer.from(request, 'latin1')));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      clearTimeout(grace);
      if (isComplete(Buffer.concat(chunks), method)) grace = setTimeout(() => finish(), GRACE_MS);
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') return finish(new CheckError(`connection refused by ${where}: is the server running?`));
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return finish(new CheckError(`cannot resolve the host ${target.host}`));
      // A reset after some answer arrived: the server hung up with bytes of ours unread. What it wrote is here.
      if (error.code === 'ECONNRESET' && chunks.length > 0) return finish();
      finish(new CheckError(`${where}: ${error.message}`));
    });
  });
}
