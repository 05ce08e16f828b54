import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { strongEtag, weakEtag } from '../http/etag';
import { formatHttpDate } from '../http/http-date';
import { switchLastLetterCase } from '../files/sandbox';
import { describeFileServer } from '../testing/file-server-behaviour';
import { makeFixture, type Fixture } from '../testing/fixture';
import { rawRequest, serve, type Running } from '../testing/serve';
import { etagVsLastModifiedStage } from './etag-vs-last-modified';
import { diskStore } from '../files/disk-store';

describeFileServer('etag-vs-last-modified', etagVsLastModifiedStage);

describe('etag-vs-last-modified: a strong ETag and Last-Modified', () => {
  let fixture: Fixture;
  let server: Running;
  let original: Buffer;
  const MTIME = new Date(Date.UTC(2008, 2, 19, 20, 32, 0, 750));
  const LAST_MODIFIED = 'Wed, 19 Mar 2008 20:32:00 GMT';
  const EARLIER = formatHttpDate(MTIME.getTime() - 60_000); // a stale date: the file changed since
  const css = () => `${server.url}/monitor.css`;
  const file = () => path.join(fixture.root, 'monitor.css');
  const get = (headers: Record<string, string> = {}, method = 'GET') => fetch(css(), { method, headers });

  beforeAll(async () => {
    fixture = await makeFixture();
    original = await readFile(file());
    server = await serve(etagVsLastModifiedStage(diskStore(fixture.root)));
  });
  beforeEach(async () => {
    await writeFile(file(), original);
    await utimes(file(), MTIME, MTIME);
  });
  afterAll(async () => {
    await server.close();
    await fixture.remove();
  });

  it('sends both validators: a strong, quoted hash of the content and the mtime to the second', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(strongEtag(original));
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(response.headers.get('last-modified')).toBe(LAST_MODIFIED);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(original);
  });

  it('answers 304 to its tag, weakly compared, alone or in a list (RFC 9110, 13.1.2)', async () => {
    const tag = strongEtag(original);
    for (const value of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
      expect((await get({ 'If-None-Match': value })).status, value).toBe(304);
    }
    expect((await get({ 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('sends a 304 with no body that repeats both validators (RFC 9110, 15.4.5)', async () => {
    const raw = await rawRequest(
      server.port,
      `GET /monitor.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: ${strongEtag(original)}\r\nConnection: close\r\n\r\n`,
    );
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 304 Not Modified/);
    expect(body).toBe('');
    expect(head).toContain(`\r\nETag: ${strongEtag(original)}`);
    expect(head).toContain(`\r\nLast-Modified: ${LAST_MODIFIED}`);
    expect(head).toMatch(/\r\nDate: /i);
    expect(head).not.toMatch(/\r\n(Content-Length|Content-Type|Transfer-Encoding):/i);
  });

  describe('If-None-Match takes precedence over If-Modified-Since (RFC 9110, 13.1.3 and 13.2.2)', () => {
    it('a matching tag with a stale date: 304 (the date alone would give a 200)', async () => {
      expect((await get({ 'If-Modified-Since': EARLIER })).status).toBe(200);
      const response = await get({ 'If-None-Match': strongEtag(original), 'If-Modified-Since': EARLIER });
      expect(response.status).toBe(304);
    });

    it('a tag that does not match with a fresh date: 200 with the body (the date alone would give a 304)', async () => {
      expect((await get({ 'If-Modified-Since': LAST_MODIFIED })).status).toBe(304);
      const response = await get({ 'If-None-Match': '"an-old-version"', 'If-Modified-Since': LAST_MODIFIED });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(original);
    });

    it('the same for HEAD', async () => {
      expect((await get({ 'If-None-Match': strongEtag(original), 'If-Modified-Since': EARLIER }, 'HEAD')).status).toBe(304);
      expect((await get({ 'If-None-Match': '"x"', 'If-Modified-Since': LAST_MODIFIED }, 'HEAD')).status).toBe(200);
    });
  });

  it('If-Match compares strongly: its tag passes, the W/ form of it fails with 412 (RFC 9110, 13.1.1)', async () => {
    const tag = strongEtag(original);
    expect((await get({ 'If-Match': tag })).status).toBe(200);
    expect((await get({ 'If-Match': `W/${tag}` })).status).toBe(412);
    expect((await get({ 'If-Match': '"other"' })).status).toBe(412);
  });

  it('a same-size rewrite that keeps the mtime: the date says 304 (stale), the tag says 200', async () => {
    const before = await get();
    const tag = before.headers.get('etag')!;
    const { size, mtimeMs } = await stat(file());
    const changed = Buffer.from(original);
    switchLastLetterCase(changed);
    await writeFile(file(), changed);
    await utimes(file(), MTIME, MTIME); // the second edit "in the same tick"
    const now = await stat(file());
    expect(weakEtag(now.size, now.mtimeMs)).toBe(weakEtag(size, mtimeMs)); // a size-mtime tag misses it too

    const byDate = await get({ 'If-Modified-Since': LAST_MODIFIED });
    expect(byDate.status).toBe(304); // the client keeps the old bytes: wrong, and nothing can tell
    const byTag = await get({ 'If-None-Match': tag });
    expect(byTag.status).toBe(200);
    expect(byTag.headers.get('etag')).toBe(strongEtag(changed));
    expect(Buffer.from(await byTag.arrayBuffer())).toEqual(changed);
    // Both validators sent by a browser that kept both: the tag decides, and the edit is seen.
    expect((await get({ 'If-None-Match': tag, 'If-Modified-Since': LAST_MODIFIED })).status).toBe(200);
  });

  it('a touch (same bytes, new mtime): the date says 200, the tag still says 304', async () => {
    const tag = (await get()).headers.get('etag')!;
    const later = new Date(MTIME.getTime() + 5000);
    await utimes(file(), later, later);
    const byDate = await get({ 'If-Modified-Since': LAST_MODIFIED });
    expect(byDate.status).toBe(200);
    expect(byDate.headers.get('last-modified')).toBe(formatHttpDate(later));
    expect(byDate.headers.get('etag')).toBe(tag);
    const byTag = await get({ 'If-None-Match': tag });
    expect(byTag.status).toBe(304);
    // The 304 carries the new date, so a cache updates the Last-Modified it stored (15.4.5).
    expect(byTag.headers.get('last-modified')).toBe(formatHttpDate(later));
    expect((await get({ 'If-None-Match': tag, 'If-Modified-Since': LAST_MODIFIED })).status).toBe(304);
  });

  it('keeps a 404 a 404 and refuses other methods with 405, whatever the conditions', async () => {
    expect((await fetch(`${server.url}/missing.css`, { headers: { 'If-None-Match': '*' } })).status).toBe(404);
    expect((await fetch(css(), { method: 'POST', headers: { 'If-Match': '*' } })).status).toBe(405);
  });
});
