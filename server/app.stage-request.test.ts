// What a stage is given through the course app, on node: the path inside the stage, the target as
// sent without "/ch/<stage>", and the client's headers without the course's tags. A plain path
// (nearly every request) is routed before the adapter builds its Request (listen.ts:
// innerTarget), so the stage gets that Request itself; anything else gets a view of it
// (stage-request.ts). Both must look the same to the stage.
import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CHAPTER_HEADER } from '../common/exchange';
import { respond } from './http/respond';
import { requestTarget } from './request-target';
import type { StageDefinition } from './stages/stage';
import { useCourseApp } from './testing/course-app';
import { rawRequest } from './testing/serve';

interface Seen {
  url: string;
  target: string | undefined;
  method: string;
  headers: [string, string][];
  view: boolean;
}

let seen: Seen | undefined;
const probe: StageDefinition = {
  slug: 'probe',
  title: 'Tells what it was given',
  create: () => async (request) => {
    seen = {
      url: request.url,
      target: requestTarget(request),
      method: request.method,
      headers: [...request.headers],
      view: types.isProxy(request),
    };
    return respond(200, { 'Content-Type': 'text/plain' }, 'ok');
  },
};

const course = useCourseApp({ extraStages: [probe] });

async function send(target: string, headers: Record<string, string> = {}): Promise<Seen> {
  seen = undefined;
  const fields = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  const answer = await rawRequest(course.server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${fields}Connection: close\r\n\r\n`);
  expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  return seen!;
}

describe('the Request a stage is given through the app', () => {
  it('for a plain path: the client’s own Request, at the path inside the stage', async () => {
    const got = await send('/ch/probe/a/b.css?v=1', { 'If-None-Match': '"x"' });
    expect(got).toMatchObject({ url: 'http://127.0.0.1/a/b.css?v=1', target: '/a/b.css?v=1', method: 'GET', view: false });
    expect(got.headers).toContainEqual(['if-none-match', '"x"']);
  });

  it('for a path with dot segments: a view, at the resolved path, with the target as sent', async () => {
    const got = await send('/ch/probe/a/../b.css');
    expect(got).toMatchObject({ url: 'http://127.0.0.1/b.css', target: '/a/../b.css', view: true });
  });

  it('for a tagged request: a view without the course’s tags', async () => {
    const got = await send('/ch/probe/b.css', { [CHAPTER_HEADER]: 'etag', 'If-None-Match': '"x"' });
    expect(got).toMatchObject({ url: 'http://127.0.0.1/b.css', target: '/b.css', view: true });
    expect(got.headers.map(([name]) => name)).not.toContain(CHAPTER_HEADER.toLowerCase());
    expect(got.headers).toContainEqual(['if-none-match', '"x"']);
  });

  it('logs the target as sent, whichever way it went', async () => {
    for (const target of ['/ch/probe/c.css?q', '/ch/probe/x/../c.css']) {
      const answer = await rawRequest(course.server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      const id = /X-Cachecraft-Exchange: (\d+)/i.exec(answer)![1];
      const exchange = (await (await fetch(`${course.server.url}/api/log/${id}`)).json()) as { target: string; path: string };
      expect(exchange.target).toBe(target);
      expect(exchange.path).toBe('/c.css');
    }
  });
});
