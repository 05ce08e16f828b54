import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../testing/fixture';
import { serve, type Running } from '../testing/serve';
import { describeFileServer } from '../testing/file-server-behaviour';
import { noCacheStage } from './no-cache';

describeFileServer('no-cache', noCacheStage);

describe('no-cache: never caches', () => {
  let fixture: Fixture;
  let server: Running;
  beforeAll(async () => {
    fixture = await makeFixture();
    server = await serve(noCacheStage(fixture.root));
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

  it('answers conditional requests with the full body anyway', async () => {
    const response = await fetch(`${server.url}/monitor.css`, {
      headers: { 'If-Modified-Since': 'Fri, 31 Dec 9999 23:59:59 GMT', 'If-None-Match': '*' },
    });
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBe(615);
  });
});
