// POST /api/stages/<stage>/raw on the course app on a real port: the bytes reach the stage alone
// at / exactly as typed, the raw answer comes back, the log records the exchange with the API
// call's tags, the limits hold, and nothing is ever sent anywhere but the course's own stages.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SECRET } from '../../common/fake-files';
import { CHAPTER_HEADER, LEARNER_HEADER } from '../../common/exchange';
import { MAX_RAW_REQUEST_BYTES, type RawAnswer } from '../../common/raw-request';
import { createCourseApp } from '../app';
import { useCourseApp } from '../testing/course-app';
import { rawRequest } from '../testing/serve';

const course = useCourseApp();

const rawUrl = (stage: string, query = '') => `${course.server.url}/api/stages/${stage}/raw${query}`;

async function sendRaw(stage: string, text: string, headers: Record<string, string> = {}): Promise<{ answer: RawAnswer; text: string }> {
  const response = await fetch(rawUrl(stage), { method: 'POST', body: text, headers });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as RawAnswer;
  return { answer, text: Buffer.from(answer.response, 'base64').toString('latin1') };
}

const statusOf = (raw: string) => Number(raw.slice(9, 12));
const header = (raw: string, name: string) => new RegExp(`\\r\\n${name}: ([^\\r]*)\\r\\n`, 'i').exec(raw.split('\r\n\r\n')[0] + '\r\n')?.[1];

describe('the relay to a stage', () => {
  it('seed: the target reaches the stage exactly as typed, and the raw answer comes back', async () => {
    const { answer, text } = await sendRaw('seed', 'GET /../secret.txt HTTP/1.1\r\nHost: localhost\r\n\r\n');
    // The seed echoes the target as it read it in its reason phrase (Python's send_error).
    expect(text).toMatch(/^HTTP\/1\.1 404 Unknown url \/\.\.\/secret\.txt\r\n/);
    expect(text).toMatch(/\r\nServer: SimpleHTTP\/0\.6 Python\/2\.5\.2\r\n/);
    expect(answer).toMatchObject({ stage: 'seed', bytes: Buffer.byteLength(text, 'latin1'), timedOut: false, cut: false });
    expect(['complete', 'closed']).toContain(answer.ended);
    expect(answer.exchangeIds).toEqual([Number(header(text, 'X-Cachecraft-Exchange'))]);
    expect(answer.timeMs).toBeGreaterThan(0);
  });

  it.each(['/%2e%2e/x', '/<script>'])('seed: %s is read as sent, not as the URL parser would rewrite it', async (target) => {
    const { text } = await sendRaw('seed', `GET ${target} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(text.split('\r\n')[0]).toBe(`HTTP/1.1 404 Unknown url ${target}`);
  });

  it('etag: a 200 with its tag, then a 304 for that tag on a connection that stays open', async () => {
    const first = await sendRaw('etag', 'GET /monitor.css HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(statusOf(first.text)).toBe(200);
    expect(first.answer.ended).toBe('complete'); // read by its Content-Length, not by a close
    const etag = header(first.text, 'ETag')!;
    expect(etag).toMatch(/^"/);
    const body = first.text.slice(first.text.indexOf('\r\n\r\n') + 4);
    expect(Buffer.byteLength(body, 'latin1')).toBe(Number(header(first.text, 'Content-Length')));

    const second = await sendRaw('etag', `GET /monitor.css HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: ${etag}\r\n\r\n`);
    expect(statusOf(second.text)).toBe(304);
    expect(second.text.endsWith('\r\n\r\n')).toBe(true);
    expect(second.answer.ended).toBe('complete');
  });

  it('seed: If-None-Match with any tag at all is a 304 (its bug), through the relay too', async () => {
    const { text } = await sendRaw('seed', 'GET /monitor.css HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: x\r\n\r\n');
    expect(statusOf(text)).toBe(304);
  });

  it('two pipelined requests: both answers, in order, each recorded', async () => {
    const { answer, text } = await sendRaw('etag', 'HEAD /monitor.css HTTP/1.1\r\nHost: a\r\n\r\nGET /nope.css HTTP/1.1\r\nHost: a\r\n\r\n');
    expect(answer.ended).toBe('complete');
    expect(text.match(/^HTTP\/1\.1 \d{3}/gm)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 404']);
    expect(answer.exchangeIds).toHaveLength(2);
    // node hands both to the app at once: ids are in the order the stage answered, not sent.
    expect(answer.exchangeIds.map((id) => course.app.log.get(id)?.method).sort()).toEqual(['GET', 'HEAD']);
  });

  it('a chunked request body is skipped by its chunks: one request, one answer, complete', async () => {
    const { answer, text } = await sendRaw('etag', 'GET /monitor.css HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n');
    expect(statusOf(text)).toBe(200);
    expect(answer.ended).toBe('complete');
    expect(answer.exchangeIds).toHaveLength(1);
  });

  it('bytes that are not a request: node answers 400, shown as is, and nothing is recorded', async () => {
    const { answer, text } = await sendRaw('seed', 'hello\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer.exchangeIds).toEqual([]);
  });

  it('a backslash in the target reaches the stage as typed: the seed leaks its fake secret, path-stripping says 400', async () => {
    const request = 'GET /..\\secret.txt HTTP/1.1\r\nHost: localhost\r\n\r\n';
    const seed = await sendRaw('seed', request);
    expect(statusOf(seed.text)).toBe(200);
    expect(seed.text.endsWith(FAKE_SECRET)).toBe(true);
    const safe = await sendRaw('path-stripping', request);
    expect(statusOf(safe.text)).toBe(400);
    expect(safe.text).not.toContain('FAKE');
  });

  it('an incomplete request (no blank line): the relay returns after its 5 s limit, "timed out"', async () => {
    const started = performance.now();
    const { answer } = await sendRaw('seed', 'GET /monitor.css HTTP/1.1\r\nHost: localhost\r\n');
    expect(answer).toMatchObject({ ended: 'timed-out', timedOut: true, cut: false, bytes: 0, response: '' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(4900);
  }, 10_000);
});

describe('the log', () => {
  it("records the exchange with the API call's learner and chapter, marked raw, the target as sent", async () => {
    const { answer } = await sendRaw(
      'seed',
      // Tags in the bytes are the learner's text, not who sent it: ignored, and kept from the stage.
      'GET /../monitor.css?a=1 HTTP/1.1\r\nHost: localhost\r\nX-Cachecraft-Learner: someone-else\r\n\r\n',
      { [LEARNER_HEADER]: 'learner-1', [CHAPTER_HEADER]: 'path-stripping' },
    );
    const exchange = course.app.log.get(answer.exchangeIds[0]!);
    expect(exchange).toMatchObject({
      stage: 'seed',
      raw: true,
      learner: 'learner-1',
      chapter: 'path-stripping',
      method: 'GET',
      target: '/../monitor.css?a=1',
      path: '/monitor.css',
      requestHeaders: [['Host', 'localhost']],
    });
    expect(exchange!.bodyBytes).toBeGreaterThanOrEqual(0);
  });

  it('a request through /ch/ is not marked raw', async () => {
    const response = await fetch(`${course.server.url}/ch/seed/monitor.css`);
    const exchange = course.app.log.get(Number(response.headers.get('X-Cachecraft-Exchange')));
    expect(exchange?.raw).toBeUndefined();
  });
});

describe('the limits and the refusals', () => {
  it(`a body over ${MAX_RAW_REQUEST_BYTES} bytes is a 413; exactly that many is relayed`, async () => {
    const over = await fetch(rawUrl('seed'), { method: 'POST', body: 'x'.repeat(MAX_RAW_REQUEST_BYTES + 1) });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ error: expect.stringContaining(String(MAX_RAW_REQUEST_BYTES)) });
    const exact = `GET / HTTP/1.1\r\nHost: x\r\nX-Pad: ${'p'.repeat(8000)}\r\n\r\n`;
    const { text } = await sendRaw('seed', exact.padEnd(MAX_RAW_REQUEST_BYTES, 'z'));
    expect(text).toMatch(/^HTTP\/1\.1 /);
  });

  it('the 413 comes before the body is read: a Content-Length alone is enough', async () => {
    const head = `POST /api/stages/seed/raw HTTP/1.1\r\nHost: x\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`;
    const raw = await rawRequest(course.server.port, head); // and not one byte of the body
    expect(statusOf(raw)).toBe(413);
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
  });

  it('an empty body is a 400 that says what to send', async () => {
    const response = await fetch(rawUrl('seed'), { method: 'POST', body: '' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/empty/);
  });

  it('an unknown stage is a 404 in JSON', async () => {
    const response = await fetch(rawUrl('nope'), { method: 'POST', body: 'GET / HTTP/1.1\r\n\r\n' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'There is no stage called "nope".' });
  });
});

describe('it reaches nothing but the course’s own stages', () => {
  let other: net.Server;
  let otherPort = 0;
  let connections = 0;
  beforeAll(async () => {
    other = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherPort = (other.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => other.close(resolve)));

  it('a host and port given as a query are refused (400), and nothing connects there', async () => {
    for (const query of [`?host=127.0.0.1&port=${otherPort}`, `?port=${otherPort}`, '?x']) {
      const response = await fetch(rawUrl('seed', query), { method: 'POST', body: 'GET / HTTP/1.1\r\nHost: x\r\n\r\n' });
      expect(response.status, query).toBe(400);
    }
    expect(connections).toBe(0);
  });

  it('an absolute-form target or a Host naming another port goes to the stage, which answers', async () => {
    const elsewhere = `127.0.0.1:${otherPort}`;
    for (const bytes of [
      `GET http://${elsewhere}/monitor.css HTTP/1.1\r\nHost: ${elsewhere}\r\n\r\n`,
      `GET /monitor.css HTTP/1.1\r\nHost: ${elsewhere}\r\n\r\n`,
      `GET http://example.com/monitor.css HTTP/1.1\r\nHost: example.com\r\n\r\n`,
    ]) {
      const { answer, text } = await sendRaw('etag', bytes);
      expect(statusOf(text), bytes).toBe(200);
      expect(answer.exchangeIds, bytes).toHaveLength(1);
      expect(course.app.log.get(answer.exchangeIds[0]!)).toMatchObject({ stage: 'etag', raw: true, target: bytes.split(' ')[1] });
    }
    // CONNECT asks for a tunnel: the stage's server makes none.
    const connect = await sendRaw('etag', `CONNECT ${elsewhere} HTTP/1.1\r\nHost: ${elsewhere}\r\n\r\n`);
    expect(connect.text).toMatch(/^HTTP\/1\.1 501 /);
    expect(connections).toBe(0);
  });
});

describe('the stage listeners', () => {
  it('one per stage, on 127.0.0.1, made once; closed with the app', async () => {
    const app = await createCourseApp();
    const [a, b] = await Promise.all([app.rawListeners.portOf('seed'), app.rawListeners.portOf('seed')]);
    expect(a).toBe(b);
    expect(await app.rawListeners.portOf('etag')).not.toBe(a);
    const reply = await rawRequest(a, 'GET /monitor.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(statusOf(reply)).toBe(200);
    await app.close();
    await expect(rawRequest(a, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', 1000)).rejects.toThrow(/ECONNREFUSED/);
    await expect(app.rawListeners.portOf('seed')).rejects.toThrow(/closed/);
  });
});
