// One request on its own TCP connection, with a time limit: the only I/O of the cases.
import net from 'node:net';
import { CheckError, type Target } from './target';

export const DEFAULT_TIMEOUT_MS = 5000;

/** Writes `request`, then resolves with every byte the server wrote until it closed the connection. */
export function exchangeBytes(target: Target, request: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const where = `${target.host}:${target.port}`;
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect({ host: target.host, port: target.port });
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
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
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') return finish(new CheckError(`connection refused by ${where}: is the server running?`));
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return finish(new CheckError(`cannot resolve the host ${target.host}`));
      // A reset after the answer arrived: the server hung up with our half-close unread. What it wrote is here.
      if (error.code === 'ECONNRESET' && chunks.length > 0) return finish();
      finish(new CheckError(`${where}: ${error.message}`));
    });
  });
}
