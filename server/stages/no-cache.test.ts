import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../testing/fixture';
import { serve, type Running } from '../testing/serve';
import { describeFileServer } from '../testing/file-server-behaviour';
import { noCacheStage } from './no-cache';
import { diskStore } from '../files/disk-store';

describeFileServer('no-cache', noCacheStage);

describe('no-cache: never caches', () => {
  let fixture: Fixture;
  let server: Running;
  beforeAll(async () => {
    fixture = await makeFixture();
    server = await serve(noCacheStage(diskStore(fixture.root)));
  });
  afterAll(async () => {
    await server.close();
    await fixture.remove();
  });

  it('sends no validators and no freshness', async () => {
    const response = await fetch(`${server.url}/monitor.css`);
    for (const name of ['last-modified', 'etag', 'cache-control', 'expires']) {
      expect(response.headers.get(name), name).toBeNull();
    }
  });

  it('answers conditional requests with the full body: it has no validator they could match', async () => {
    const headers: Record<string, string> = { 'If-Modified-Since': 'Fri, 31 Dec 9999 23:59:59 GMT', 'If-None-Match': '"anything"', 'If-Unmodified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' };
    for (const [name, value] of [...Object.entries(headers), ['If-Match', '*']] as [string, string][]) {
      const response = await fetch(`${server.url}/monitor.css`, { headers: { [name]: value } });
      expect(response.status, name).toBe(200);
      expect((await response.text()).length, name).toBe(615);
    }
    expect((await fetch(`${server.url}/monitor.css`, { headers })).status).toBe(200);
  });

  // It still evaluates them, as an origin server must (RFC 9110, 13.2.1): the two conditions
  // that need no validator, only a file that exists, are false.
  it('answers If-None-Match: * with 304, and a tag in If-Match with 412', async () => {
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(`${server.url}/monitor.css`, { method, headers: { 'If-None-Match': '*' } });
      expect(response.status, method).toBe(304);
      for (const name of ['last-modified', 'etag', 'content-length']) expect(response.headers.get(name), name).toBeNull();
    }
    const failed = await fetch(`${server.url}/monitor.css`, { headers: { 'If-Match': '"anything"' } });
    expect(failed.status).toBe(412);
    expect((await fetch(`${server.url}/missing.css`, { headers: { 'If-None-Match': '*' } })).status).toBe(404);
  });
});
