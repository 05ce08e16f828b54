// What every fixed file-serving stage must do, whatever its caching: run against a stage on a
// real port. The chapters' own tests add what is particular to each stage.
import { mkdir, readFile, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, SECRET, type Fixture } from '../testing/fixture';
import { rawRequest, serve, type Running } from '../testing/serve';
import { diskStore } from '../files/disk-store';
import type { FileStore } from '../files/store';
import type { Stage } from '../stages/stage';

export function describeFileServer(name: string, create: (files: FileStore) => Stage): void {
  describe(`${name}: a safe file server`, () => {
    let fixture: Fixture;
    let server: Running;
    beforeAll(async () => {
      fixture = await makeFixture();
      await mkdir(path.join(fixture.root, 'folder'));
      await symlink(path.join(fixture.dir, 'secret.txt'), path.join(fixture.root, 'leak.txt'));
      await symlink(path.join(fixture.root, 'monitor.css'), path.join(fixture.root, 'alias.css'));
      server = await serve(create(diskStore(fixture.root)));
    });
    afterAll(async () => {
      await server.close();
      await fixture.remove();
    });

    it('serves every sample whole, with its type and length', async () => {
      for (const file of await readdir(fixture.root)) {
        if (file === 'folder' || file.endsWith('.txt')) continue;
        const bytes = await readFile(path.join(fixture.root, file));
        const response = await fetch(`${server.url}/${file}`);
        expect(response.status, file).toBe(200);
        expect(response.headers.get('content-length'), file).toBe(String(bytes.length));
        expect(Buffer.from(await response.arrayBuffer()).equals(bytes), file).toBe(true);
      }
      const css = await fetch(`${server.url}/monitor.css`);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      const png = await fetch(`${server.url}/status-ok.png`);
      expect(png.headers.get('content-type')).toBe('image/png');
      const unknown = await fetch(`${server.url}/VERSION`);
      expect(unknown.headers.get('content-type')).toBe('application/octet-stream');
    });

    it('serves index.html for /', async () => {
      const response = await fetch(`${server.url}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('FreezerBurn monitor');
    });

    it('answers HEAD with the headers of GET and no body', async () => {
      // A second request on the same connection: its status line must come right after the
      // HEAD's header block, with no body byte in between.
      const raw = await rawRequest(server.port, 'HEAD /monitor.css HTTP/1.1\r\nHost: x\r\n\r\nGET /VERSION HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      const headBlock = raw.slice(0, raw.indexOf('\r\n\r\n') + 4);
      expect(headBlock).toMatch(/^HTTP\/1\.1 200 /);
      expect(headBlock).toMatch(/\r\nContent-Length: 615\r\n/i);
      expect(raw.slice(headBlock.length)).toMatch(/^HTTP\/1\.1 200 /);
      // Every header, in order, but Date (the clock moves) and the course app's exchange id.
      const head = (raw: string) => {
        const [statusLine, ...lines] = raw.slice(0, raw.indexOf('\r\n\r\n')).split('\r\n');
        return [statusLine, ...lines.filter((line) => !/^(date|x-cachecraft-exchange):/i.test(line))];
      };
      for (const target of ['/monitor.css', '/load-graph.png', '/VERSION', '/nope.css']) {
        const ask = (method: string) => rawRequest(server.port, `${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 10_000);
        const [get, headOnly] = [await ask('GET'), await ask('HEAD')];
        expect(head(headOnly), target).toEqual(head(get));
        expect(headOnly.endsWith('\r\n\r\n'), target).toBe(true); // and nothing after the headers
      }
      expect(await rawRequest(server.port, 'HEAD /monitor.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 10_000)).toMatch(/\r\nContent-Length: 615\r\n/i);
    });

    it('refuses other methods with 405 and Allow', async () => {
      const response = await fetch(`${server.url}/monitor.css`, { method: 'POST', body: 'x' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    });

    it('404s a missing file, a folder and a dotfile', async () => {
      await mkdir(path.join(fixture.root, '.hidden'), { recursive: true });
      for (const p of ['/nope.css', '/folder', '/.hidden', '/.env']) {
        expect((await fetch(server.url + p)).status, p).toBe(404);
      }
    });

    it('never serves anything outside the root, symlinks included', async () => {
      const attempts = [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/..%2fsecret.txt',
        '/..%5csecret.txt',
        '/%2e%2e%2fsecret.txt',
        '/folder/../../secret.txt',
        '/..\\secret.txt',
        '/leak.txt',
        '//secret.txt',
        '/%252e%252e/secret.txt',
      ];
      for (const target of attempts) {
        const raw = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        const status = Number(raw.slice(9, 12));
        expect(status, target).toBeGreaterThanOrEqual(400);
        expect(status, target).toBeLessThan(500);
        expect(raw, target).not.toContain(SECRET);
      }
      // A symlink that stays inside the root is an ordinary file.
      expect((await fetch(`${server.url}/alias.css`)).status).toBe(200);
    });

    it('escapes the request in its error pages', async () => {
      const raw = await rawRequest(server.port, 'GET /<script>alert(1)</script> HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(raw).toMatch(/^HTTP\/1\.1 404 /);
      expect(raw).not.toContain('<script>');
    });

    it('speaks HTTP/1.0 and 1.1, and answers 505 to other versions', async () => {
      expect(await rawRequest(server.port, 'GET /VERSION HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
      for (const version of ['HTTP/2.0', 'HTTP/0.9']) {
        expect(await rawRequest(server.port, `GET /VERSION ${version}\r\nHost: x\r\n\r\n`), version).toMatch(/^HTTP\/1\.1 505 /);
      }
      // node's parser itself refuses versions it cannot read at all.
      expect(await rawRequest(server.port, 'GET /VERSION HTTP/3.0\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
      expect(await rawRequest(server.port, 'GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    });

    it('answers odd requests with a 4xx, never a 500', async () => {
      const targets = ['/%', '/%zz', '/a%00b', '/' + 'a'.repeat(5000), '/é', '/?', '/;', '/..;x', '/a/', '/%2F', '/*', 'http://x/monitor.css', '*'];
      for (const target of targets) {
        const raw = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        const status = Number(raw.slice(9, 12));
        expect(status, target).toBeLessThan(500);
        expect(raw, target).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      }
    });

    it('refuses a request with two Host fields (RFC 9112, 3.2)', async () => {
      const raw = await rawRequest(server.port, 'GET /monitor.css HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n');
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    });

    it('tells the browser not to sniff: X-Content-Type-Options on 200, 404 and 405', async () => {
      for (const [method, target] of [['GET', '/monitor.css'], ['GET', '/nope.css'], ['DELETE', '/monitor.css']]) {
        const response = await fetch(server.url + target, { method });
        expect(response.headers.get('x-content-type-options'), `${method} ${target}`).toBe('nosniff');
      }
    });

    it('closes every file it opens, even when the client goes away mid-body', async () => {
      const openFiles = async () => (await readdir('/proc/self/fd')).length;
      const before = await openFiles();
      for (let i = 0; i < 20; i++) {
        await (await fetch(`${server.url}/load-graph.png`)).arrayBuffer();
        await (await fetch(`${server.url}/monitor.css`)).text();
        // Read the first bytes of the large (streamed) file, then hang up.
        const controller = new AbortController();
        const response = await fetch(`${server.url}/load-graph.png`, { signal: controller.signal });
        await response.body!.getReader().read();
        controller.abort();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      // fetch keeps a few pooled sockets: allow for those, not for 40 leaked file handles.
      expect(await openFiles()).toBeLessThan(before + 8);
    });
  });
}
