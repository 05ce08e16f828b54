// rawRequest against a tiny node:net server whose every byte the test chooses: it must stop
// reading when the answer is complete (the server keeps the connection open), and not before.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { frameResponse, rawRequest, requestMethods } from './serve';

type Answer = (socket: net.Socket, request: string) => void;

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server that calls `answer` once a whole request head has arrived, and never closes on its own. */
async function scripted(answer: Answer): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let received = '';
    let answered = false;
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (!answered && received.includes('\r\n\r\n')) {
        answered = true;
        answer(socket, received);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Writes the parts one by one, a few milliseconds apart, then closes if asked. */
function dribble(socket: net.Socket, parts: string[], close = false): void {
  const next = () => {
    const part = parts.shift();
    if (part === undefined) {
      if (close) socket.end();
      return;
    }
    socket.write(part, 'latin1');
    setTimeout(next, 5);
  };
  next();
}

const GET = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
const HEAD_200 = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n';

describe('rawRequest', () => {
  it('stops after Content-Length bytes on a connection the server keeps open', async () => {
    const port = await scripted((socket) => dribble(socket, ['HTTP/1.1 200 OK\r\nContent-', 'Length: 11\r\n\r\nhello', ' world']));
    expect(await rawRequest(port, GET)).toBe('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world');
  });

  it('reads a chunked body to its last chunk and trailers, however it is split', async () => {
    const response = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: y\r\n\r\n';
    const port = await scripted((socket) => dribble(socket, [...response]));
    expect(await rawRequest(port, GET)).toBe(response);
    const plain = 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n000\r\n\r\n';
    const other = await scripted((socket) => dribble(socket, [plain.slice(0, 50), plain.slice(50)]));
    expect(await rawRequest(other, GET)).toBe(plain);
  });

  it.each([
    ['304', 'HTTP/1.1 304 Not Modified\r\nContent-Length: 615\r\nETag: "x"\r\n\r\n'],
    ['204', 'HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n'],
  ])('reads no body after a %s, whatever Content-Length says', async (_, response) => {
    const port = await scripted((socket) => socket.write(response));
    expect(await rawRequest(port, GET)).toBe(response);
  });

  it('reads no body after the answer to a HEAD', async () => {
    const port = await scripted((socket) => socket.write(HEAD_200));
    expect(await rawRequest(port, 'HEAD / HTTP/1.1\r\nHost: x\r\n\r\n')).toBe(HEAD_200);
  });

  it('waits past a 1xx for the final answer', async () => {
    const response = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
    const port = await scripted((socket) => dribble(socket, [response.slice(0, 30), response.slice(30, 80), response.slice(80)]));
    expect(await rawRequest(port, GET)).toBe(response);
  });

  it('reads every answer to pipelined requests, HEAD included', async () => {
    const responses = [HEAD_200, 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc', 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'];
    const port = await scripted((socket) => dribble(socket, [...responses]));
    const requests = 'HEAD /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\nHEAD /x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\n\r\n';
    expect(requestMethods(requests)).toEqual(['HEAD', 'POST', 'GET']);
    // A chunked body is skipped by its chunks: its last chunk's blank line is no request.
    const chunked = 'POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nx\r\n\r\n0\r\n\r\nGET /b HTTP/1.1\r\n\r\n';
    expect(requestMethods(chunked)).toEqual(['POST', 'GET']);
    expect(requestMethods('POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab')).toEqual(['POST']);
    expect(await rawRequest(port, requests)).toBe(responses.join(''));
  });

  it('reads to the close when the server says Connection: close, stray bytes included', async () => {
    const response = 'HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n';
    const port = await scripted((socket) => dribble(socket, [response, 'stray'], true));
    expect(await rawRequest(port, GET)).toBe(response + 'stray');
  });

  it('reads to the close when there is neither length nor chunking, or no HTTP at all', async () => {
    const response = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it';
    const port = await scripted((socket) => dribble(socket, [response, ', and more'], true));
    expect(await rawRequest(port, GET)).toBe(`${response}, and more`);
    const old = await scripted((socket) => dribble(socket, ['HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok'], true));
    expect(await rawRequest(old, GET)).toBe('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok');
    const garbage = await scripted((socket) => dribble(socket, ['SSH-2.0-x\r\n\r\n', 'more'], true));
    expect(await rawRequest(garbage, GET)).toBe('SSH-2.0-x\r\n\r\nmore');
  });

  it('resolves with nothing when the server hangs up without a word', async () => {
    const port = await scripted((socket) => socket.end());
    expect(await rawRequest(port, GET)).toBe('');
  });

  it('rejects with what arrived when the answer never completes', async () => {
    const partial = 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf';
    const port = await scripted((socket) => socket.write(partial));
    const started = Date.now();
    await expect(rawRequest(port, GET, { timeoutMs: 300 })).rejects.toThrow(
      new RegExp(`no complete answer .* within 300 ms \\(${partial.length} bytes received: .*half`),
    );
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(rawRequest(port, GET, 200)).rejects.toThrow(/within 200 ms/);
  });
});

describe('frameResponse', () => {
  const frame = (text: string, method = 'GET') => frameResponse(Buffer.from(text, 'latin1'), 0, method);
  it('needs the whole head first', () => {
    expect(frame('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n')).toEqual({ kind: 'incomplete' });
    expect(frame('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).toMatchObject({ kind: 'complete', end: 38, status: 200 });
  });
  it('reads an invalid or conflicting Content-Length as "until close"', () => {
    expect(frame('HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n')).toEqual({ kind: 'until-close' });
    expect(frame('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab')).toEqual({ kind: 'until-close' });
    expect(frame('HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nab')).toMatchObject({ kind: 'complete', end: 43 });
  });
  it('reads a transfer coding other than chunked last, or a broken chunk, as "until close"', () => {
    expect(frame('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxx')).toEqual({ kind: 'until-close' });
    expect(frame('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')).toEqual({ kind: 'until-close' });
    expect(frame('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc')).toEqual({ kind: 'until-close' });
  });
});
