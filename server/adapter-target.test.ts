// The stage sees the target as sent, whatever node's parser let through; the adapter sees a
// re-encoded URL it accepts, which means no more than the raw one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterTarget } from './adapter-target';
import { requestTarget } from './request-target';
import { rawRequest, serve, type Running } from './testing/serve';

describe('adapterTarget', () => {
  it('leaves alone every target the adapter already accepted', () => {
    for (const target of ['/', '/monitor.css', '/a/../b', '/%2e%2e/x', '/a%00b', '/<b>x</b>', '/x?a\\b', 'http://h/x', 'https://h:8/x?y', '//evil/x', '/x#y']) {
      expect(adapterTarget(target), target).toBe(target);
    }
  });

  it('encodes a backslash before the query, so no parser takes it for a "/"', () => {
    expect(adapterTarget('/..\\secret.txt')).toBe('/..%5Csecret.txt');
    expect(adapterTarget('/a\\b?c\\d')).toBe('/a%5Cb?c\\d');
    expect(adapterTarget('http://h/..\\x')).toBe('http://h/..%5Cx');
    // The URL the adapter builds then keeps it inside one segment.
    expect(new URL('http://h' + adapterTarget('/a\\..\\..\\b')).pathname).toBe('/a%5C..%5C..%5Cb');
  });

  it('turns any other form into one opaque segment', () => {
    expect(adapterTarget('*')).toBe('/*');
    expect(adapterTarget('file:///etc/passwd')).toBe('/file%3A%2F%2F%2Fetc%2Fpasswd');
    expect(adapterTarget('http://[bad/x')).toBe('/http%3A%2F%2F%5Bbad%2Fx');
    expect(new URL('http://h' + adapterTarget('file:///etc/passwd')).pathname.split('/')).toHaveLength(2);
  });
});

describe('through node: the stage sees the target as sent', () => {
  let server: Running;
  beforeAll(async () => {
    server = await serve(async (request) => new Response(JSON.stringify({ sent: requestTarget(request), url: request.url })));
  });
  afterAll(() => server.close());

  const ask = async (target: string) => {
    const raw = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(raw, target).toMatch(/^HTTP\/1\.1 200 /);
    return JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { sent: string; url: string };
  };

  it.each(['/..\\secret.txt', '/%2e%2e/secret.txt', '/../secret.txt', '/a%00b', '/%c0%ae%c0%ae/x', '//?/C:/x', '/C:\\x', '*', 'file:///etc/passwd', 'http://x/..\\y'])(
    'hands %s to the stage unchanged (no adapter 400)',
    async (target) => {
      expect((await ask(target)).sent).toBe(target);
    },
  );

  it('gives the stage a URL whose path keeps the backslash encoded', async () => {
    expect(new URL((await ask('/a\\..\\b')).url).pathname).toBe('/a%5C..%5Cb');
  });
});
