// The path-stripping stage on a real port: the file server of chapter 5, with the safe resolver
// reading the target as sent. Raw sockets, because fetch would normalise the very bytes tested.
import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskStore } from '../files/disk-store';
import { FAKE_SECRET } from '../files/windows-disk';
import { startCli } from '../testing/cli';
import { useCourseApp } from '../testing/course-app';
import { describeFileServer } from '../testing/file-server-behaviour';
import { makeFixture, SECRET, type Fixture } from '../testing/fixture';
import { rawRequest, serve, type Running } from '../testing/serve';
import { pathStrippingStage } from './path-stripping';

describeFileServer('path-stripping', pathStrippingStage);

const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`;
const statusOf = (raw: string) => Number(raw.slice(9, 12));
const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);

describe('path-stripping: the safe resolver on the target as sent', () => {
  let fixture: Fixture;
  let server: Running;
  beforeAll(async () => {
    fixture = await makeFixture();
    await mkdir(path.join(fixture.root, 'docs'));
    await writeFile(path.join(fixture.root, 'docs', 'index.html'), '<p>docs</p>\n');
    await mkdir(path.join(fixture.root, 'empty'));
    await symlink(path.join(fixture.dir, 'secret.txt'), path.join(fixture.root, 'leak.txt'));
    await symlink(fixture.dir, path.join(fixture.root, 'up'));
    await symlink(path.join(fixture.root, 'docs'), path.join(fixture.root, 'docs-alias'));
    server = await serve(pathStrippingStage(diskStore(fixture.root)));
  });
  afterAll(async () => {
    await server.close();
    await fixture.remove();
  });

  const ask = async (target: string, headers = '') => rawRequest(server.port, get(target, headers));

  it.each([
    ['/..\\secret.txt', 400],
    ['/..%5csecret.txt', 400],
    ['/..%2fsecret.txt', 400],
    ['/../secret.txt', 400],
    ['/%2e%2e/secret.txt', 400],
    ['/docs/../../secret.txt', 400],
    ['/%c0%ae%c0%ae/secret.txt', 400],
    ['/secret.txt%00.css', 400],
    ['*', 400],
    ['/monitor.css#x', 400],
    ['/C:/FreezerBurn/secret.txt', 404],
    ['/monitor.css::$DATA', 404],
    ['/monitor.css.', 404],
    ['/monitor.css%20', 404],
    ['/nul.txt', 404],
    ['/MONITO~1.CSS', 404],
    ['/.env', 404],
    ['/leak.txt', 404],
    ['/up/secret.txt', 404],
    ['/%252e%252e/secret.txt', 404],
  ])('%s: %i, and not a byte of the secret', async (target, status) => {
    const raw = await ask(target);
    expect(statusOf(raw), target).toBe(status);
    expect(raw).not.toContain(SECRET);
    expect(raw).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
  });

  it('serves what stays inside: dot segments that resolve inside, an absolute-form target, a link inside', async () => {
    for (const target of ['/monitor.css', '/docs/../monitor.css', '/docs/%2e%2e/monitor.css', '//monitor.css', 'http://x/monitor.css', '/monitor.css?v=1']) {
      expect(statusOf(await ask(target)), target).toBe(200);
    }
    expect(bodyOf(await ask('/docs-alias/'))).toBe('<p>docs</p>\n');
  });

  it('serves a folder\'s index.html only when the target ends in "/"; no listing, no redirect', async () => {
    expect(bodyOf(await ask('/docs/'))).toBe('<p>docs</p>\n');
    expect(statusOf(await ask('/docs'))).toBe(404);
    expect(statusOf(await ask('/empty/'))).toBe(404);
    expect(await ask('/docs')).not.toMatch(/\r\nLocation:/i);
  });

  it('escapes the target it reflects into its error pages', async () => {
    const raw = await ask('/..%2f<script>alert(1)</script>');
    expect(statusOf(raw)).toBe(400);
    expect(raw).not.toContain('<script>');
    expect(bodyOf(raw)).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    const quote = await ask('/.x"onmouseover=alert(1)');
    expect(bodyOf(quote)).not.toContain('"onmouseover');
  });

  it('says nosniff on every answer: 200, 304, 400, 404, 405, 412', async () => {
    const ok = await ask('/monitor.css');
    const etag = /\r\nETag: ([^\r]+)/i.exec(ok)![1]!;
    const answers = [
      ok,
      await ask('/monitor.css', `If-None-Match: ${etag}\r\n`),
      await ask('/..\\x'),
      await ask('/nope'),
      await rawRequest(server.port, 'DELETE /monitor.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      await ask('/monitor.css', 'If-Match: "other"\r\n'),
    ];
    expect(answers.map(statusOf)).toEqual([200, 304, 400, 404, 405, 412]);
    for (const raw of answers) expect(raw).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
  });

  it('reaches the file by its real path when the root itself is a symlink', async () => {
    const link = path.join(fixture.dir, 'root-link');
    await symlink(fixture.root, link);
    const other = await serve(pathStrippingStage(diskStore(link)));
    try {
      expect(statusOf(await rawRequest(other.port, get('/monitor.css')))).toBe(200);
      const out = await rawRequest(other.port, get('/leak.txt'));
      expect(statusOf(out)).toBe(404);
      expect(out).not.toContain(SECRET);
    } finally {
      await other.close();
      await rm(link);
    }
  });

  it('answers 404 while the root is missing, and serves it once it is there', async () => {
    const later = path.join(fixture.dir, 'later');
    const stage = pathStrippingStage(diskStore(later));
    expect((await stage(new Request('http://x/a.txt'))).status).toBe(404);
    await mkdir(later);
    await writeFile(path.join(later, 'a.txt'), 'a');
    await chmod(path.join(later, 'a.txt'), 0o644);
    expect((await stage(new Request('http://x/a.txt'))).status).toBe(200);
  });
});

describe('npm run serve -- --stage path-stripping --root <dir>', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await makeFixture();
  });
  afterAll(() => fixture.remove());

  it('serves the folder, and refuses the raw climbs out of it', async () => {
    const run = await startCli(['--stage', 'path-stripping', '--root', fixture.root]);
    try {
      const port = Number(new URL(run.url).port);
      expect(statusOf(await rawRequest(port, get('/monitor.css')))).toBe(200);
      for (const target of ['/..\\secret.txt', '/../secret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt']) {
        const raw = await rawRequest(port, get(target));
        expect(statusOf(raw), target).toBe(400);
        expect(raw, target).not.toContain(SECRET);
      }
    } finally {
      expect(await run.stop()).toBe(0);
    }
  }, 30_000);
});

describe('through the course app (/ch/<stage>/, as npm run dev and npm run serve mount it)', () => {
  const course = useCourseApp();
  const send = (target: string) => rawRequest(course.server.port, get(target));

  it('hands the raw target to the stage: the seed leaks the fake secret, path-stripping refuses', async () => {
    // "a/b/" first: the app routes as a browser would resolve the target ("\" as "/"), and a
    // target that climbs out of /ch/<stage>/ that way is refused before any stage sees it.
    const seed = await send('/ch/seed/a/b/..\\secret.txt');
    expect(statusOf(seed)).toBe(200);
    expect(seed).toContain(FAKE_SECRET);
    const safe = await send('/ch/path-stripping/a/b/..\\secret.txt');
    expect(statusOf(safe)).toBe(400);
    expect(safe).not.toContain(FAKE_SECRET);
    expect(statusOf(await send('/ch/path-stripping/a/%2e%2e/monitor.css'))).toBe(200);
    expect(statusOf(await send('/ch/path-stripping/monitor.css%00'))).toBe(400);
  });
});
