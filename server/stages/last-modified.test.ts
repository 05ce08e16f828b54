import { stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHttpDate, formatRfc850Date, formatAsctimeDate, parseHttpDate } from '../http/http-date';
import { makeFixture, type Fixture } from '../testing/fixture';
import { rawRequest, serve, type Running } from '../testing/serve';
import { describeFileServer } from '../testing/file-server-behaviour';
import { lastModifiedStage } from './last-modified';
import { diskStore } from '../files/disk-store';

describeFileServer('last-modified', lastModifiedStage);

describe('last-modified: Last-Modified and If-Modified-Since', () => {
  let fixture: Fixture;
  let server: Running;
  const MTIME = new Date(Date.UTC(2008, 2, 19, 20, 32, 0, 750)); // with milliseconds, as disks have
  const css = () => `${server.url}/monitor.css`;
  const lastModified = async () => (await fetch(css())).headers.get('last-modified')!;

  beforeAll(async () => {
    fixture = await makeFixture();
    await utimes(path.join(fixture.root, 'monitor.css'), MTIME, MTIME);
    server = await serve(lastModifiedStage(diskStore(fixture.root)));
  });
  afterAll(async () => {
    await server.close();
    await fixture.remove();
  });

  it('sends the mtime as an IMF-fixdate in GMT, cut to the second', async () => {
    expect(await lastModified()).toBe('Wed, 19 Mar 2008 20:32:00 GMT');
  });

  it('answers 200, then 304 to the echoed date', async () => {
    const first = await fetch(css());
    expect(first.status).toBe(200);
    const echoed = first.headers.get('last-modified')!;
    const second = await fetch(css(), { headers: { 'If-Modified-Since': echoed } });
    expect(second.status).toBe(304);
    expect(second.headers.get('last-modified')).toBe(echoed);
  });

  it('sends a 304 with no body bytes on the wire, and what RFC 9110 15.4.5 asks', async () => {
    const raw = await rawRequest(
      server.port,
      `GET /monitor.css HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: ${await lastModified()}\r\nConnection: close\r\n\r\n`,
    );
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 304 Not Modified/);
    expect(body).toBe('');
    expect(head).toMatch(/\r\nDate: /i);
    expect(head).toMatch(/\r\nLast-Modified: Wed, 19 Mar 2008 20:32:00 GMT/i);
    expect(head).not.toMatch(/\r\n(Content-Length|Content-Type|Transfer-Encoding):/i);
  });

  it('answers 304 to a later date and to the obsolete forms of the same date', async () => {
    const later = Date.UTC(2009, 0, 1);
    for (const date of [formatHttpDate(later), formatRfc850Date(MTIME), formatAsctimeDate(MTIME)]) {
      expect((await fetch(css(), { headers: { 'If-Modified-Since': date } })).status, date).toBe(304);
    }
  });

  it('answers 200 with the body to an earlier date', async () => {
    const earlier = formatHttpDate(MTIME.getTime() - 1000);
    const response = await fetch(css(), { headers: { 'If-Modified-Since': earlier } });
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBe(615);
  });

  it.each(['garbage', 'Wed, 19 Mar 2008 20:32:00', '2008-03-19T20:32:00Z', 'Wed, 19 Mar 2008 20:32:00 GMT; length=615'])(
    'answers 200 to an invalid date %j (ignored)',
    async (value) => {
      expect((await fetch(css(), { headers: { 'If-Modified-Since': value } })).status).toBe(200);
    },
  );

  it('ignores If-Modified-Since when If-None-Match is present: a tag matches nothing here (no ETag)', async () => {
    for (const tag of ['"x"', 'W/"x"', '"x", "y"', 'garbage']) {
      const response = await fetch(css(), { headers: { 'If-Modified-Since': await lastModified(), 'If-None-Match': tag } });
      expect(response.status, tag).toBe(200);
      expect((await response.text()).length, tag).toBe(615);
    }
  });

  it('answers If-None-Match: * with 304: the file exists, so "*" matches (RFC 9110, 13.1.2)', async () => {
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(css(), { method, headers: { 'If-None-Match': '*' } });
      expect(response.status, method).toBe(304);
      expect(response.headers.get('last-modified'), method).toBe('Wed, 19 Mar 2008 20:32:00 GMT');
    }
    // It takes precedence over an If-Modified-Since that alone would send the file.
    const earlier = formatHttpDate(MTIME.getTime() - 1000);
    expect((await fetch(css(), { headers: { 'If-None-Match': '*', 'If-Modified-Since': earlier } })).status).toBe(304);
  });

  it('answers 412 to a false If-Match or If-Unmodified-Since, on GET too (RFC 9110, 13.1.1, 13.1.4)', async () => {
    const earlier = formatHttpDate(MTIME.getTime() - 1000);
    for (const headers of [{ 'If-Match': '"x"' }, { 'If-Unmodified-Since': earlier }, { 'If-Match': '"x"', 'If-None-Match': '*' }] as Record<string, string>[]) {
      const response = await fetch(css(), { headers });
      expect(response.status, JSON.stringify(headers)).toBe(412);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    for (const headers of [{ 'If-Match': '*' }, { 'If-Unmodified-Since': await lastModified() }, { 'If-Unmodified-Since': 'garbage' }] as Record<string, string>[]) {
      expect((await fetch(css(), { headers })).status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('refuses other methods with 405 before looking at any condition (RFC 9110, 13.2.1)', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(css(), { method, headers: { 'If-None-Match': '*', 'If-Match': '"x"' } });
      expect(response.status, method).toBe(405);
    }
  });

  it('answers HEAD conditionally too', async () => {
    const response = await fetch(css(), { method: 'HEAD', headers: { 'If-Modified-Since': await lastModified() } });
    expect(response.status).toBe(304);
  });

  it('keeps a 404 a 404, whatever the conditions', async () => {
    for (const headers of [{ 'If-Modified-Since': await lastModified() }, { 'If-Match': '*' }, { 'If-None-Match': '*' }] as Record<string, string>[]) {
      const response = await fetch(`${server.url}/missing.css`, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(404);
    }
  });

  it('sends the file again once it changes', async () => {
    const file = path.join(fixture.root, 'status-ok.png');
    await utimes(file, MTIME, MTIME);
    const before = (await fetch(`${server.url}/status-ok.png`)).headers.get('last-modified')!;
    const newer = new Date(parseHttpDate(before)! + 5000); // still in the past
    await utimes(file, newer, newer);
    const response = await fetch(`${server.url}/status-ok.png`, { headers: { 'If-Modified-Since': before } });
    expect(response.status).toBe(200);
    expect(response.headers.get('last-modified')).toBe(formatHttpDate(newer));
    expect((await stat(file)).size).toBe(Number(response.headers.get('content-length')));
  });
});
