// The relay against small real TCP servers on 127.0.0.1 that answer with chosen bytes: when it
// stops reading (complete, closed, timed out, cut), and that it sends the bytes unchanged.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { relay } from './relay';

const servers: net.Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve)))));

/** A server that records what it receives and, for each chunk, writes what `answer` says. */
async function tcpServer(answer: (received: Buffer, socket: net.Socket) => void): Promise<{ port: number; received: Buffer[] }> {
  const received: Buffer[] = [];
  const server = net.createServer((socket) => {
    let all = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      all = Buffer.concat([all, chunk]);
      received.push(chunk);
      answer(all, socket);
    });
    socket.on('error', () => {});
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, received };
}

const limits = { timeoutMs: 400, maxResponseBytes: 1000 };
const ok = (body: string) => `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('relay', () => {
  it('sends the bytes unchanged and stops at the end of the response, the connection still open', async () => {
    const bytes = Buffer.from('GET /../a\\b%2e%2e HTTP/1.1\r\nHost: example.com:80\r\nX: \u00ff\0\r\n\r\n', 'latin1');
    const server = await tcpServer((all, socket) => {
      if (all.includes('\r\n\r\n')) socket.write(ok('hello'));
    });
    let local: number | undefined;
    const result = await relay(server.port, bytes, limits, (port) => (local = port));
    expect(Buffer.concat(server.received).equals(bytes)).toBe(true);
    expect(result.ended).toBe('complete');
    expect(result.response.toString('latin1')).toBe(ok('hello'));
    expect(result.timeMs).toBeLessThan(limits.timeoutMs);
    expect(local).toBeGreaterThan(0);
  });

  it('waits for one final answer per complete request (pipelined), past a 100 Continue', async () => {
    const server = await tcpServer((all, socket) => {
      if (all.toString().split('\r\n\r\n').length === 3) {
        socket.write('HTTP/1.1 100 Continue\r\n\r\n' + ok('one'));
        setTimeout(() => socket.write(ok('two')), 50);
      }
    });
    const result = await relay(server.port, Buffer.from('GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n'), limits);
    expect(result.ended).toBe('complete');
    expect(result.response.toString()).toBe(`HTTP/1.1 100 Continue\r\n\r\n${ok('one')}${ok('two')}`);
  });

  it('reads a response to HEAD as having no body, and one without a length until the close', async () => {
    const head = await tcpServer((_all, socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n'));
    expect((await relay(head.port, Buffer.from('HEAD / HTTP/1.1\r\nHost: x\r\n\r\n'), limits)).ended).toBe('complete');

    const untilClose = await tcpServer((_all, socket) => {
      socket.write('HTTP/1.0 200 OK\r\n\r\nsome');
      setTimeout(() => socket.end(' more'), 30);
    });
    const result = await relay(untilClose.port, Buffer.from('GET / HTTP/1.0\r\n\r\n'), limits);
    expect(result.ended).toBe('closed');
    expect(result.response.toString()).toBe('HTTP/1.0 200 OK\r\n\r\nsome more');
  });

  it('gives up after the time limit with what arrived, when the request is incomplete', async () => {
    const server = await tcpServer((all, socket) => {
      if (!all.includes('\r\n\r\n')) socket.write('HTTP/1.1 1'); // a first byte or two, never more
    });
    const started = performance.now();
    const result = await relay(server.port, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n'), limits);
    expect(result.ended).toBe('timed-out');
    expect(result.response.toString()).toBe('HTTP/1.1 1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(limits.timeoutMs - 5);
    expect(performance.now() - started).toBeLessThan(limits.timeoutMs + 300);
  });

  it('cuts the response at the size limit', async () => {
    const server = await tcpServer((_all, socket) => socket.write(ok('x'.repeat(5000))));
    const result = await relay(server.port, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), limits);
    expect(result.ended).toBe('cut');
    expect(result.response.length).toBe(limits.maxResponseBytes);
    expect(result.response.toString().startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
  });

  it('a response of exactly the limit is complete, not cut', async () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Length: 000\r\n\r\n';
    const body = 'y'.repeat(limits.maxResponseBytes - head.length);
    const server = await tcpServer((_all, socket) => socket.write(head.replace('000', String(body.length)) + body));
    const result = await relay(server.port, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), limits);
    expect(result.ended).toBe('complete');
    expect(result.response.length).toBe(limits.maxResponseBytes);
  });

  it('rejects when nothing listens on the port', async () => {
    const server = await tcpServer(() => {});
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(relay(server.port, Buffer.from('GET / HTTP/1.1\r\n\r\n'), limits)).rejects.toThrow(/ECONNREFUSED/);
  });
});
