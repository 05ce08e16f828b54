// Chapter "echoed-date": the two ways to compare If-Modified-Since, on real ports. The parsed
// rule (RFC 9110, 13.1.3) and nginx's exact rule each win somewhere and lose somewhere; each case
// the chapter names is here, with the seed beside them where it answers differently.
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAsctimeDate, formatHttpDate, formatRfc850Date, parseHttpDate } from '../http/http-date';
import { describeFileServer } from '../testing/file-server-behaviour';
import { makeFixture, type Fixture } from '../testing/fixture';
import { rawRequest, serve, type Running } from '../testing/serve';
import { echoedDateStage } from './echoed-date';
import { echoedDateExactStage } from './echoed-date-exact';
import { seedStage } from './seed';
import { diskStore } from '../files/disk-store';

describeFileServer('echoed-date', echoedDateStage);
describeFileServer('echoed-date-exact', echoedDateExactStage);

const MTIME = new Date(Date.UTC(2008, 2, 19, 20, 32, 0, 250));
const LAST_MODIFIED = 'Wed, 19 Mar 2008 20:32:00 GMT';

let fixture: Fixture;
let parsed: Running;
let exact: Running;
let seed: Running; // run at UTC+0, so its dates are right and only its parsing differs

beforeAll(async () => {
  fixture = await makeFixture();
  await utimes(path.join(fixture.root, 'monitor.css'), MTIME, MTIME);
  [parsed, exact, seed] = await Promise.all([
    serve(echoedDateStage(diskStore(fixture.root))),
    serve(echoedDateExactStage(diskStore(fixture.root))),
    serve(seedStage(diskStore(fixture.root), { utcOffsetMinutes: 0 })),
  ]);
});
afterAll(async () => {
  await Promise.all([parsed, exact, seed].map((s) => s.close()));
  await fixture.remove();
});

const status = async (server: Running, since: string, name = 'monitor.css') =>
  (await fetch(`${server.url}/${name}`, { headers: { 'If-Modified-Since': since } })).status;

describe('echoed-date: both rules answer the echo', () => {
  it('both send the same Last-Modified, and both answer 304 to it, with it repeated and no body', async () => {
    for (const server of [parsed, exact]) {
      const first = await fetch(`${server.url}/monitor.css`);
      expect(first.headers.get('last-modified')).toBe(LAST_MODIFIED);
      const raw = await rawRequest(server.port, `GET /monitor.css HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: ${LAST_MODIFIED}\r\nConnection: close\r\n\r\n`);
      const [head, body] = raw.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 304 Not Modified/);
      expect(head).toContain(`\r\nLast-Modified: ${LAST_MODIFIED}`);
      expect(head).not.toMatch(/\r\nContent-(Length|Type):/i);
      expect(body).toBe('');
    }
  });

  it('both answer HEAD conditionally, and send the file for an earlier date', async () => {
    for (const server of [parsed, exact]) {
      const head = await fetch(`${server.url}/monitor.css`, { method: 'HEAD', headers: { 'If-Modified-Since': LAST_MODIFIED } });
      expect(head.status).toBe(304);
      expect(await status(server, formatHttpDate(MTIME.getTime() - 1000))).toBe(200);
    }
  });
});

describe('echoed-date: where each rule wins and loses', () => {
  it('a later date: the parsed rule answers 304, the exact rule sends the whole file again', async () => {
    const later = formatHttpDate(Date.UTC(2008, 2, 20, 9, 0, 0)); // e.g. the Date of the 200, kept by a cache
    expect(await status(parsed, later)).toBe(304);
    const response = await fetch(`${exact.url}/monitor.css`, { headers: { 'If-Modified-Since': later } });
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(615);
  });

  it('the same second in the obsolete forms: both answer 304 (nginx parses before comparing); the seed does not', async () => {
    for (const form of [formatRfc850Date(MTIME), formatAsctimeDate(MTIME)]) {
      expect(await status(parsed, form), form).toBe(304);
      expect(await status(exact, form), form).toBe(304);
      expect(await status(seed, form), form).toBe(200); // strptime knows one form; the bare except hides the rest
    }
  });

  it('"; length=615" after the date: both fixed stages ignore the header (not an HTTP-date); the seed split it off', async () => {
    const withLength = `${LAST_MODIFIED}; length=615`;
    expect(await status(parsed, withLength)).toBe(200);
    expect(await status(exact, withLength)).toBe(200);
    expect(await status(seed, withLength)).toBe(304);
  });

  describe('a date from another server behind the same name', () => {
    // Server A has the new monitor.css, written at MTIME. Server B still has the old one, but its
    // copy was made an hour later (a deploy that does not keep mtimes), so B's date is later.
    let other: Fixture;
    let parsedB: Running;
    let exactB: Running;
    const copiedLater = new Date(MTIME.getTime() + 3600_000);

    beforeAll(async () => {
      other = await makeFixture();
      await writeFile(path.join(other.root, 'monitor.css'), 'body { color: black } /* the old version */\n');
      await utimes(path.join(other.root, 'monitor.css'), copiedLater, copiedLater);
      [parsedB, exactB] = await Promise.all([serve(echoedDateStage(diskStore(other.root))), serve(echoedDateExactStage(diskStore(other.root)))]);
    });
    afterAll(async () => {
      await Promise.all([parsedB, exactB].map((s) => s.close()));
      await other.remove();
    });

    it("B's date sent to A: the parsed rule confirms B's old copy (304), the exact rule sends A's file", async () => {
      const fromB = (await fetch(`${parsedB.url}/monitor.css`)).headers.get('last-modified')!;
      expect(fromB).toBe(formatHttpDate(copiedLater.getTime()));
      expect(await status(parsed, fromB)).toBe(304); // the client keeps the old version
      const response = await fetch(`${exact.url}/monitor.css`, { headers: { 'If-Modified-Since': fromB } });
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain('the old version');
    });

    it("A's date sent to B: both send the file (B's is later), a transfer that was needed here", async () => {
      expect(await status(parsedB, LAST_MODIFIED)).toBe(200);
      expect(await status(exactB, LAST_MODIFIED)).toBe(200);
    });
  });
});

describe('echoed-date: Last-Modified is never later than Date (RFC 9110, 8.8.2.1)', () => {
  it('a file whose mtime is a day ahead is sent with Last-Modified no later than Date', async () => {
    const future = new Date(Date.now() + 24 * 3600_000);
    await writeFile(path.join(fixture.root, 'future.css'), 'a {}');
    await utimes(path.join(fixture.root, 'future.css'), future, future);
    for (const server of [parsed, exact]) {
      const response = await fetch(`${server.url}/future.css`);
      const lastModified = parseHttpDate(response.headers.get('last-modified')!)!;
      const date = parseHttpDate(response.headers.get('date')!)!;
      expect(lastModified).toBeLessThanOrEqual(date);
      expect(lastModified).toBeLessThan(future.getTime() - 3600_000); // clamped, not the mtime
    }
    // The seed has no such clamp: its Last-Modified is the mtime, a day after its own Date.
    const fromSeed = await fetch(`${seed.url}/future.css`);
    expect(parseHttpDate(fromSeed.headers.get('last-modified')!)!).toBeGreaterThan(parseHttpDate(fromSeed.headers.get('date')!)! + 3600_000);
  });
});
