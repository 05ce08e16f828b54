// No request through the course app gets a 5xx, whatever its method, its target or its Host;
// stage answers go out as the stage wrote them. Raw requests, because fetch normalises targets,
// refuses some methods and hides header case.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_HEADER } from './app';
import type { Exchange } from '../common/exchange';
import { STAGES } from './stages';
import { useCourseApp } from './testing/course-app';
import { rawRequest } from './testing/serve';

const course = useCourseApp();

const send = (head: string) => rawRequest(course.server.port, `${head}\r\nConnection: close\r\n\r\n`);
const statusOf = (raw: string) => Number(raw.slice(9, 12));
const headerNames = (raw: string) =>
  raw
    .split('\r\n\r\n')[0]!
    .split('\r\n')
    .slice(1)
    .map((line) => line.slice(0, line.indexOf(':')));
// The seed and its variants on another clock (seed-chicago, seed-tokyo) keep 2008's behaviour.
const FIXED = STAGES.filter((s) => s.slug !== 'seed' && !s.slug.startsWith('seed-')).map((s) => s.slug);

describe('every method node accepts reaches the stage, which decides', () => {
  const methods = http.METHODS.filter((m) => m !== 'CONNECT'); // CONNECT has its own test below
  it.each(FIXED)('%s: GET and HEAD are served, any other method is a 405 with Allow', async (slug) => {
    for (const method of methods) {
      const raw = await send(`${method} /ch/${slug}/monitor.css HTTP/1.1\r\nHost: x\r\nContent-Length: 0`);
      if (method === 'GET' || method === 'HEAD') expect(statusOf(raw), method).toBe(200);
      else {
        expect(statusOf(raw), method).toBe(405);
        expect(raw, method).toMatch(/\r\nAllow: GET, HEAD\r\n/);
      }
    }
  });

  it('seed: 501 to anything but GET and HEAD, as in 2008', async () => {
    for (const method of methods.filter((m) => m !== 'GET' && m !== 'HEAD')) {
      const raw = await send(`${method} /ch/seed/monitor.css HTTP/1.1\r\nHost: x\r\nContent-Length: 0`);
      expect(statusOf(raw), method).toBe(501);
    }
  });

  it('TRACE is answered, and recorded with its own method', async () => {
    const raw = await send('TRACE /ch/last-modified/monitor.css HTTP/1.1\r\nHost: x');
    expect(statusOf(raw)).toBe(405);
    const id = /\r\nX-Cachecraft-Exchange: (\d+)\r\n/.exec(raw)![1];
    expect(course.app.log.get(Number(id))).toMatchObject({ method: 'TRACE', status: 405 });
  });

  it('CONNECT gets a 501: this server makes no tunnels', async () => {
    const raw = await send('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443');
    expect(raw).toMatch(/^HTTP\/1\.1 501 /);
  });
});

describe('targets that leave or bend the stage prefix', () => {
  it.each([
    ['/ch/last-modified/nonexistent/../../secret.txt', 400],
    ['/ch/last-modified/../../api/stages', 400],
    ['/ch/last-modified/%2e%2e/%2e%2e/api/log', 400],
    ['/ch/seed/../no-cache/monitor.css', 400],
    ['/ch/seed/.a/../../../api/log', 400],
    ['/ch/last-modified///example.com/..', 404],
    ['/ch/last-modified//monitor.css', 404],
    ['/ch/nope/monitor.css', 404],
  ])('%s is a %i from the app, never a redirect or a 5xx', async (target, status) => {
    const raw = await send(`GET ${target} HTTP/1.1\r\nHost: x`);
    expect(statusOf(raw)).toBe(status);
    expect(raw).not.toMatch(/\r\nLocation:/i);
  });

  it('a climb that stays inside the stage is served', async () => {
    expect(statusOf(await send('GET /ch/last-modified/folder/../monitor.css HTTP/1.1\r\nHost: x'))).toBe(200);
  });

  it('/ch/<stage> gets its slash, and only its own', async () => {
    const raw = await send('GET /ch/last-modified HTTP/1.1\r\nHost: x');
    expect(statusOf(raw)).toBe(301);
    expect(raw).toMatch(/\r\nLocation: \/ch\/last-modified\/\r\n/);
  });

  it('odd targets and hosts are 4xx, never 5xx', async () => {
    const targets = ['/ch/seed/%', '/ch/last-modified/%zz', '/ch/last-modified/a%00b', `/ch/no-cache/${'a'.repeat(5000)}`, '/ch/no-cache/é', '/ch/%2e%2e/api/log', 'http://x/ch/no-cache/monitor.css', '*'];
    for (const target of targets) {
      const status = statusOf(await send(`GET ${target} HTTP/1.1\r\nHost: x`));
      expect(status, target).toBeGreaterThanOrEqual(200);
      expect(status, target).toBeLessThan(500);
    }
    for (const host of ['exa mple', 'x:y:z', '[::1']) {
      expect(statusOf(await send(`GET /ch/no-cache/monitor.css HTTP/1.1\r\nHost: ${host}`)), host).toBe(400);
    }
  });

  it('two Host fields are a 400 (RFC 9112, 3.2)', async () => {
    const raw = await send('GET /ch/no-cache/monitor.css HTTP/1.1\r\nHost: a\r\nHost: b');
    expect(statusOf(raw)).toBe(400);
  });
});

describe('X-Content-Type-Options: nosniff', () => {
  it.each(FIXED)('on every answer of %s: 200, 304, 404, 405', async (slug) => {
    const ok = await send(`GET /ch/${slug}/monitor.css HTTP/1.1\r\nHost: x`);
    const heads = [ok, await send(`GET /ch/${slug}/missing HTTP/1.1\r\nHost: x`), await send(`DELETE /ch/${slug}/monitor.css HTTP/1.1\r\nHost: x`)];
    const lastModified = /\r\nLast-Modified: ([^\r]+)/.exec(ok)?.[1];
    if (lastModified) heads.push(await send(`GET /ch/${slug}/monitor.css HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: ${lastModified}`));
    for (const raw of heads) expect(raw, raw.slice(0, 30)).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/);
  });

  it('on the app’s own answers', async () => {
    for (const target of ['/api/stages/seed/files', '/api/nothing', '/nothing', '/ch/nope/x', '/ch/seed', '/ch/seed/../x']) {
      expect(await send(`GET ${target} HTTP/1.1\r\nHost: x`), target).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
    }
  });

  it('not on the seed’s: it keeps 2008’s headers', async () => {
    expect(await send('GET /ch/seed/monitor.css HTTP/1.1\r\nHost: x')).not.toMatch(/nosniff/i);
  });
});

describe('headers as the stage wrote them', () => {
  it('case and order, then the exchange id, then what node adds', async () => {
    const raw = await send('GET /ch/last-modified/monitor.css HTTP/1.1\r\nHost: x');
    expect(headerNames(raw)).toEqual(['Last-Modified', 'Content-Type', 'Content-Length', 'X-Content-Type-Options', EXCHANGE_HEADER, 'Date', 'Connection']);
  });

  it('the same for a large file sent from disk, and for a 304', async () => {
    const big = await send('GET /ch/no-cache/load-graph.png HTTP/1.1\r\nHost: x');
    expect(statusOf(big)).toBe(200);
    expect(headerNames(big)).toEqual(['Content-Type', 'Content-Length', 'X-Content-Type-Options', EXCHANGE_HEADER, 'Date', 'Connection']);
    const lastModified = /\r\nLast-Modified: ([^\r]+)/.exec(await send('HEAD /ch/last-modified/monitor.css HTTP/1.1\r\nHost: x'))![1];
    const notModified = await send(`GET /ch/last-modified/monitor.css HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: ${lastModified}`);
    expect(statusOf(notModified)).toBe(304);
    expect(headerNames(notModified)).toEqual(['Last-Modified', 'X-Content-Type-Options', EXCHANGE_HEADER, 'Date', 'Connection']);
  });

  it('the seed’s 2008 headers, verbatim', async () => {
    const raw = await send('GET /ch/seed/monitor.css HTTP/1.1\r\nHost: x');
    expect(raw).toMatch(/\r\nServer: SimpleHTTP\/0\.6 Python\/2\.5\.2\r\n/);
    expect(headerNames(raw).slice(0, 7)).toEqual(['Server', 'Date', 'Cache-Control', 'Expires', 'Content-Length', 'Last-Modified', 'Content-Type']);
  });

  it('the seed sees the target as sent, and may write its own reason phrase', async () => {
    const escaped = await send('GET /ch/seed/<b>x</b> HTTP/1.1\r\nHost: x');
    expect(escaped).toMatch(/^HTTP\/1\.1 404 Unknown url \/<b>x<\/b>\r\n/);
    expect(escaped.split('\r\n\r\n')[1]).toContain('Message: Unknown url /&lt;b&gt;x&lt;/b&gt;.');
    expect(await send('GET /ch/seed/monitor.css#x HTTP/1.1\r\nHost: x')).toMatch(/^HTTP\/1\.1 400 bad url \/monitor\.css#x\r\n/);
    // The fixed stages still get the URL as a browser would resolve it.
    expect(statusOf(await send('GET /ch/no-cache/monitor.css#x HTTP/1.1\r\nHost: x'))).toBe(200);
  });

  it('the log records them the same way, with what node added: the head as sent', async () => {
    const raw = await send('GET /ch/seed/monitor.css HTTP/1.1\r\nHost: x');
    const id = Number(/\r\nX-Cachecraft-Exchange: (\d+)\r\n/.exec(raw)![1]);
    const exchange = (await (await fetch(`${course.server.url}/api/log/${id}`)).json()) as Exchange;
    // Exactly the head that went over the wire: the stage's fields, the id, then node's own.
    const head = raw.split('\r\n\r\n')[0]!.split('\r\n').slice(1).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]);
    expect(exchange.responseHeaders).toEqual(head);
    expect(exchange.responseHeaders.map(([name]) => name)).toEqual(['Server', 'Date', 'Cache-Control', 'Expires', 'Content-Length', 'Last-Modified', 'Content-Type', EXCHANGE_HEADER, 'Connection']);
    expect(exchange.responseHeaders[0]).toEqual(['Server', 'SimpleHTTP/0.6 Python/2.5.2']);
  });
});
