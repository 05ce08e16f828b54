// The seed is the 2008 server with its bugs kept on purpose: these tests prove each bug is there.
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond } from '../http/respond';
import { FAKE_SECRET, WindowsDisk } from '../files/windows-disk';
import { parseHttpDate } from '../http/http-date';
import { startCli } from '../testing/cli';
import { makeFixture, SECRET, type Fixture } from '../testing/fixture';
import { rawRequest, serve, type Running } from '../testing/serve';
import { monitorPathFor, seedStage } from './seed';

let fixture: Fixture;
let server: Running;
const MTIME = new Date(Date.UTC(2008, 2, 19, 20, 32, 0));

beforeAll(async () => {
  fixture = await makeFixture();
  await utimes(path.join(fixture.root, 'monitor.css'), MTIME, MTIME);
  await writeFile(path.join(fixture.root, 'my file.css'), 'body {}');
  await mkdir(path.join(fixture.root, 'css'));
  server = await serve(seedStage(fixture.root));
});
afterAll(async () => {
  await server.close();
  await fixture.remove();
});

describe('seed: what worked in 2008', () => {
  it('serves the monitoring page and its assets', async () => {
    const response = await fetch(`${server.url}/monitor.css`);
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBe(615);
    expect(response.headers.get('server')).toBe('BaseHTTP/0.3 Python/2.5.2');
  });
  it('answers 304 to its own echoed Last-Modified', async () => {
    const echoed = (await fetch(`${server.url}/monitor.css`)).headers.get('last-modified')!;
    expect((await fetch(`${server.url}/monitor.css`, { headers: { 'If-Modified-Since': echoed } })).status).toBe(304);
  });
});

describe('seed: the bugs, present', () => {
  it('answers 304 to ANY If-None-Match, though it never sends an ETag', async () => {
    const plain = await fetch(`${server.url}/monitor.css`);
    expect(plain.headers.get('etag')).toBeNull();
    const response = await fetch(`${server.url}/monitor.css`, { headers: { 'If-None-Match': '"made-up"' } });
    expect(response.status).toBe(304);
  });

  it('sends ten days of max-age and an Expires date stuck in 2010', async () => {
    const response = await fetch(`${server.url}/monitor.css`);
    expect(response.headers.get('cache-control')).toBe('max-age=864000');
    expect(response.headers.get('expires')).toBe('Fri, 30 Jan 2010 12:00:00 GMT');
  });

  it('sends "Content-Type: None" for a file type Python did not know', async () => {
    expect((await fetch(`${server.url}/VERSION`)).headers.get('content-type')).toBe('None');
  });

  it('has no HEAD: 501', async () => {
    expect((await fetch(`${server.url}/monitor.css`, { method: 'HEAD' })).status).toBe(501);
  });

  it('keeps only the last path segment', async () => {
    expect((await fetch(`${server.url}/any/folder/at/all/monitor.css`)).status).toBe(200);
  });

  it('does not percent-decode: "my%20file.css" is never found', async () => {
    expect((await fetch(`${server.url}/my%20file.css`)).status).toBe(404);
  });

  it('accepts a "; length=N" suffix but not the obsolete date forms', async () => {
    const url = `${server.url}/monitor.css`;
    // monitor.css was modified at 20:32:00 UTC; the seed reads dates as local time, so use a date
    // well after that in every zone.
    expect((await fetch(url, { headers: { 'If-Modified-Since': 'Sat, 22 Mar 2008 00:00:00 GMT; length=615' } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'If-Modified-Since': 'Saturday, 22-Mar-08 00:00:00 GMT' } })).status).toBe(200);
    expect((await fetch(url, { headers: { 'If-Modified-Since': 'Sat Mar 22 00:00:00 2008' } })).status).toBe(200);
  });

  it('crashes on a path whose last segment names a folder (exists, then open fails)', async () => {
    for (const target of ['/css/', '/..;x']) {
      const raw = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(raw, target).toMatch(/^HTTP\/1\.1 500 /);
      expect(raw, target).not.toMatch(/at .*\.ts:\d+/); // the stack trace stays in the console
    }
  });

  it('echoes the request path into its 404 page (escaped, as Python 2.5 did)', async () => {
    const raw = await rawRequest(server.port, 'GET /<b>x</b> HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 404 /);
    expect(raw).toContain('Unknown url /%3Cb%3Ex%3C/b%3E');
  });

  it('would climb out with a backslash path: the join reaches the fake secret', async () => {
    const disk = new WindowsDisk(fixture.root);
    const filePath = monitorPathFor('/..\\secret.txt');
    expect(filePath).toBe('C:\\FreezerBurn\\monitor\\..\\secret.txt');
    const body = await respond(200, {}, await disk.read(filePath)).text();
    expect(body).toBe(FAKE_SECRET);
  });

  it('is saved from that by the platform: the node adapter refuses a raw backslash', async () => {
    const raw = await rawRequest(server.port, 'GET /..\\secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).not.toContain(FAKE_SECRET);
    expect(raw).not.toContain(SECRET);
  });
});

describe('seed: local time labelled GMT', () => {
  // Started as a real process, so the zone is the process's own, as on the 2008 machine.
  async function lastModifiedIn(timeZone: string) {
    const run = await startCli(['--stage', 'seed', '--root', fixture.root], { TZ: timeZone });
    try {
      const response = await fetch(`${run.url}/monitor.css`);
      const sent = response.headers.get('last-modified')!;
      const echoed = await fetch(`${run.url}/monitor.css`, { headers: { 'If-Modified-Since': sent } });
      const now = new Date();
      await utimes(path.join(fixture.root, 'monitor.js'), now, now);
      const justEdited = (await fetch(`${run.url}/monitor.js`)).headers.get('last-modified')!;
      return { sent, echoedStatus: echoed.status, justEdited };
    } finally {
      await run.stop();
    }
  }

  it('east of UTC, Last-Modified is in the future, and the echo round trip hides it', async () => {
    const { sent, echoedStatus, justEdited } = await lastModifiedIn('Asia/Tokyo'); // UTC+9, no summer time
    expect(parseHttpDate(justEdited)!).toBeGreaterThan(Date.now() + 8 * 3600 * 1000);
    expect(sent).toBe('Thu, 20 Mar 2008 05:32:00 GMT'); // 20:32 UTC is 05:32 the next day in Tokyo
    expect(parseHttpDate(sent)! - MTIME.getTime()).toBe(9 * 3600 * 1000);
    expect(echoedStatus).toBe(304);
  }, 30_000);

  it('in UTC the same code happens to be right', async () => {
    const { sent } = await lastModifiedIn('UTC');
    expect(sent).toBe('Wed, 19 Mar 2008 20:32:00 GMT');
  }, 30_000);
});
