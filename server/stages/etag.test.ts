// The etag and etag-weak stages on a real port: the tags they send, If-None-Match read the way
// RFC 9110 says (13.1.2; lists, W/, *, malformed members, several field lines), the 304 and what it
// repeats (15.4.5), and the trade-off between a hash of the content and a tag from the stat.
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongEtag, weakEtag } from '../http/etag';
import { formatHttpDate } from '../http/http-date';
import { startCli } from '../testing/cli';
import { describeFileServer } from '../testing/file-server-behaviour';
import { makeFixture, type Fixture } from '../testing/fixture';
import { rawRequest, serve, type Running } from '../testing/serve';
import { SAMPLES_DIR as SAMPLES } from '../files/sandbox';
import { etagStage, etagWeakStage } from './etag';
import { seedStage } from './seed';
import { diskStore } from '../files/disk-store';

describeFileServer('etag', etagStage);
describeFileServer('etag-weak', etagWeakStage);

const MTIME = new Date(Date.UTC(2008, 2, 19, 20, 32, 0, 750));

/** A raw exchange, taken apart: the status line, the header lines in order, the body. */
async function rawExchange(port: number, target: string, headerLines = '', method = 'GET') {
  const text = await rawRequest(port, `${method} ${target} HTTP/1.1\r\nHost: x\r\n${headerLines}Connection: close\r\n\r\n`);
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = lines.map((line): [string, string] => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]);
  return { statusLine: statusLine!, headers, body: text.slice(end + 4) };
}

const REPEATED_BY_304 = ['etag', 'cache-control', 'expires', 'vary', 'content-location', 'date'];

describe('etag: a strong tag from a hash of the content', () => {
  let fixture: Fixture;
  let server: Running;
  const css = () => `${server.url}/monitor.css`;
  const etagOf = async (url = css()) => (await fetch(url)).headers.get('etag')!;

  beforeAll(async () => {
    fixture = await makeFixture();
    await utimes(path.join(fixture.root, 'monitor.css'), MTIME, MTIME);
    server = await serve(etagStage(diskStore(fixture.root)));
  });
  afterAll(async () => {
    await server.close();
    await fixture.remove();
  });

  it('sends ETag, the hash of the bytes it sends, quoted, and keeps Last-Modified', async () => {
    const response = await fetch(css());
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(await readFile(path.join(fixture.root, 'monitor.css')))).toBe(true);
    expect(response.headers.get('etag')).toBe(strongEtag(bytes));
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(response.headers.get('last-modified')).toBe('Wed, 19 Mar 2008 20:32:00 GMT');
  });

  it('hashes the whole of a large file, which is not sent from one buffer by the earlier stages', async () => {
    const big = Buffer.alloc(200 * 1024, 'cachecraft ');
    big.write('the end', big.length - 7);
    await writeFile(path.join(fixture.root, 'big.txt'), big);
    const response = await fetch(`${server.url}/big.txt`);
    expect(response.headers.get('content-length')).toBe(String(big.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(big)).toBe(true);
    expect(response.headers.get('etag')).toBe(strongEtag(big));
    big.write('THE END', big.length - 7); // same size, a change at the very end
    await writeFile(path.join(fixture.root, 'big.txt'), big);
    expect((await fetch(`${server.url}/big.txt`)).headers.get('etag')).toBe(strongEtag(big));
  });

  it('answers 200, then 304 to the tag it sent, for GET and HEAD', async () => {
    const tag = await etagOf();
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(css(), { method, headers: { 'If-None-Match': tag } });
      expect(response.status, method).toBe(304);
      expect(response.headers.get('etag'), method).toBe(tag);
    }
  });

  it('sends a 304 with no body, the ETag and Date, and no Content-Length, Content-Type or Last-Modified', async () => {
    const tag = await etagOf();
    const r = await rawExchange(server.port, '/monitor.css', `If-None-Match: ${tag}\r\n`);
    expect(r.statusLine).toBe('HTTP/1.1 304 Not Modified');
    expect(r.body).toBe('');
    const names = r.headers.map(([name]) => name.toLowerCase());
    expect(r.headers).toContainEqual(['ETag', tag]);
    expect(names).toContain('date');
    // Beside an ETag, Last-Modified is representation metadata a 304 SHOULD NOT repeat (15.4.5).
    for (const absent of ['content-length', 'content-type', 'transfer-encoding', 'last-modified']) expect(names).not.toContain(absent);
  });

  it('repeats in the 304 every field of the 200 that RFC 9110 15.4.5 lists, with the same values (Date aside)', async () => {
    const ok = await rawExchange(server.port, '/monitor.css');
    const tag = ok.headers.find(([name]) => name === 'ETag')![1];
    const notModified = await rawExchange(server.port, '/monitor.css', `If-None-Match: ${tag}\r\n`);
    const fields = (r: typeof ok) => r.headers.filter(([name]) => REPEATED_BY_304.includes(name.toLowerCase()));
    expect(fields(notModified).map(([n]) => n)).toEqual(fields(ok).map(([n]) => n));
    expect(fields(notModified).filter(([n]) => n !== 'Date')).toEqual(fields(ok).filter(([n]) => n !== 'Date'));
    expect(fields(ok).map(([n]) => n.toLowerCase())).toEqual(expect.arrayContaining(['etag', 'date']));
  });

  it('compares weakly (RFC 9110, 8.8.3.2): W/ before its own tag still matches', async () => {
    const tag = await etagOf();
    expect((await fetch(css(), { headers: { 'If-None-Match': `W/${tag}` } })).status).toBe(304);
  });

  it.each([
    ['in a list with spaces', (t: string) => `"old", ${t}, "older"`],
    ['in a list without spaces', (t: string) => `"old",${t}`],
    ['after malformed members, which are ignored', (t: string) => `garbage, w/"x", *, ${t}`],
    ['with tabs and empty members', (t: string) => `,\t${t} ,,`],
  ])('finds its tag %s', async (_, value) => {
    const tag = await etagOf();
    expect((await fetch(css(), { headers: { 'If-None-Match': value(tag) } })).status).toBe(304);
  });

  it.each([
    ['a tag it never sent', '"never-sent-by-this-server"'],
    ['its own tag unquoted', 'UNQUOTED'],
    ['its own tag in another case', 'CASE'],
    ['its own tag followed by garbage', 'TRAILING'],
    ['garbage only', 'garbage'],
    ['a quoted string with spaces, which is no entity-tag (etagc has no SP)', '"a tag this server never sent"'],
  ])('answers 200 with the body to %s', async (_, value) => {
    const tag = await etagOf();
    const sent = { UNQUOTED: tag.slice(1, -1), CASE: tag.toLowerCase() === tag ? tag.toUpperCase() : tag.toLowerCase(), TRAILING: `${tag} x` }[value] ?? value;
    const response = await fetch(css(), { headers: { 'If-None-Match': sent } });
    expect(response.status, sent).toBe(200);
    expect((await response.text()).length).toBe(615);
  });

  it('answers If-None-Match: * with 304: the file exists', async () => {
    expect((await fetch(css(), { headers: { 'If-None-Match': '*' } })).status).toBe(304);
  });

  it('lets If-None-Match decide over If-Modified-Since (RFC 9110, 13.2.2)', async () => {
    const tag = await etagOf();
    const echoedDate = 'Wed, 19 Mar 2008 20:32:00 GMT';
    const earlier = formatHttpDate(MTIME.getTime() - 60_000);
    expect((await fetch(css(), { headers: { 'If-None-Match': '"other"', 'If-Modified-Since': echoedDate } })).status).toBe(200);
    expect((await fetch(css(), { headers: { 'If-None-Match': tag, 'If-Modified-Since': earlier } })).status).toBe(304);
    expect((await fetch(css(), { headers: { 'If-Modified-Since': echoedDate } })).status).toBe(304); // alone, the date still works
  });

  it('matches its strong tag in If-Match (strong comparison), never a weak form of it (RFC 9110, 13.1.1)', async () => {
    const tag = await etagOf();
    expect((await fetch(css(), { headers: { 'If-Match': tag } })).status).toBe(200);
    expect((await fetch(css(), { headers: { 'If-Match': `W/${tag}` } })).status).toBe(412);
  });

  it('reads If-None-Match sent on two field lines as one list (RFC 9110, 5.3): either line can match', async () => {
    const tag = await etagOf();
    for (const lines of [`If-None-Match: "old"\r\nIf-None-Match: ${tag}\r\n`, `If-None-Match: ${tag}\r\nIf-None-Match: garbage\r\n`]) {
      expect((await rawExchange(server.port, '/monitor.css', lines)).statusLine, lines).toBe('HTTP/1.1 304 Not Modified');
    }
    const neither = await rawExchange(server.port, '/monitor.css', 'If-None-Match: "old"\r\nIf-None-Match: "older"\r\n');
    expect(neither.statusLine).toBe('HTTP/1.1 200 OK');
  });

  it('sends the file again with a new tag once its content changes, even at the same size and mtime', async () => {
    const file = path.join(fixture.root, 'VERSION');
    const before = await readFile(file);
    const tag = await etagOf(`${server.url}/VERSION`);
    const edited = Buffer.from(before);
    edited[0] = edited[0] === 0x41 ? 0x42 : 0x41; // one byte changed
    await writeFile(file, edited);
    await utimes(file, MTIME, MTIME);
    const after = await fetch(`${server.url}/VERSION`, { headers: { 'If-None-Match': tag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBe(strongEtag(edited));
    expect(after.headers.get('etag')).not.toBe(tag);
  });

  it('keeps its tag when the file is only touched', async () => {
    const file = path.join(fixture.root, 'monitor.js');
    const tag = await etagOf(`${server.url}/monitor.js`);
    const later = new Date(Date.now() - 1000);
    await utimes(file, later, later);
    const response = await fetch(`${server.url}/monitor.js`, { headers: { 'If-None-Match': tag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(tag);
  });

  it('keeps a 404 a 404, whatever the conditions', async () => {
    for (const value of ['*', '"x"']) {
      expect((await fetch(`${server.url}/missing.css`, { headers: { 'If-None-Match': value } })).status, value).toBe(404);
    }
  });
});

describe('etag-weak: a weak tag from size and mtime', () => {
  let fixture: Fixture;
  let server: Running;
  const css = () => `${server.url}/monitor.css`;

  beforeAll(async () => {
    fixture = await makeFixture();
    await utimes(path.join(fixture.root, 'monitor.css'), MTIME, MTIME);
    server = await serve(etagWeakStage(diskStore(fixture.root)));
  });
  afterAll(async () => {
    await server.close();
    await fixture.remove();
  });

  it('sends W/"size-mtime", quoted, beside Last-Modified', async () => {
    const response = await fetch(css());
    expect(response.headers.get('etag')).toBe(weakEtag(615, MTIME.getTime()));
    expect(response.headers.get('etag')).toBe(`W/"267-${MTIME.getTime().toString(16)}"`);
    expect(response.headers.get('last-modified')).toBe('Wed, 19 Mar 2008 20:32:00 GMT');
  });

  it('answers 304 to its tag, with or without W/ (weak comparison), and repeats it', async () => {
    const tag = (await fetch(css())).headers.get('etag')!;
    for (const sent of [tag, tag.slice(2)]) {
      const response = await fetch(css(), { headers: { 'If-None-Match': sent } });
      expect(response.status, sent).toBe(304);
      expect(response.headers.get('etag'), sent).toBe(tag);
    }
  });

  it('never matches in If-Match: a weak tag fails the strong comparison (RFC 9110, 8.8.3.2, 13.1.1)', async () => {
    const tag = (await fetch(css())).headers.get('etag')!;
    for (const sent of [tag, tag.slice(2)]) {
      expect((await fetch(css(), { headers: { 'If-Match': sent } })).status, sent).toBe(412);
    }
  });

  it('misses an edit of the same size with the same mtime: the old copy is confirmed', async () => {
    const file = path.join(fixture.root, 'VERSION');
    await utimes(file, MTIME, MTIME);
    const before = await fetch(`${server.url}/VERSION`);
    const tag = before.headers.get('etag')!;
    const edited = Buffer.from(await before.arrayBuffer());
    edited[0] = edited[0] === 0x41 ? 0x42 : 0x41;
    await writeFile(file, edited);
    await utimes(file, MTIME, MTIME); // two writes in the same tick of the clock look like this
    const after = await fetch(`${server.url}/VERSION`, { headers: { 'If-None-Match': tag } });
    expect(after.status).toBe(304);
    expect(after.headers.get('etag')).toBe(tag);
    expect(Buffer.from(await (await fetch(`${server.url}/VERSION`)).arrayBuffer()).equals(edited)).toBe(true);
  });

  it('changes its tag on a touch, with no change to the content', async () => {
    const file = path.join(fixture.root, 'monitor.js');
    const tag = (await fetch(`${server.url}/monitor.js`)).headers.get('etag')!;
    const later = new Date(Date.now() - 1000);
    await utimes(file, later, later);
    const response = await fetch(`${server.url}/monitor.js`, { headers: { 'If-None-Match': tag } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).not.toBe(tag);
  });
});

describe('the seed beside it: any If-None-Match is a 304', () => {
  let fixture: Fixture;
  let seed: Running;
  let fixed: Running;
  beforeAll(async () => {
    fixture = await makeFixture();
    seed = await serve(seedStage(diskStore(fixture.root)));
    fixed = await serve(etagStage(diskStore(fixture.root)));
  });
  afterAll(async () => {
    await seed.close();
    await fixed.close();
    await fixture.remove();
  });

  it('the seed "confirms" a tag it never sent (it sends none); the etag stage sends the file', async () => {
    const never = '"never-sent-by-this-server"';
    const plain = await fetch(`${seed.url}/monitor.css`);
    expect(plain.headers.get('etag')).toBeNull();
    expect((await fetch(`${seed.url}/monitor.css`, { headers: { 'If-None-Match': never } })).status).toBe(304);
    const response = await fetch(`${fixed.url}/monitor.css`, { headers: { 'If-None-Match': never } });
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBe(615);
  });

  it('the seed answers 304 to any non-empty value, garbage included, and only an empty one gets the file', async () => {
    for (const value of ['garbage', 'W/"x"', '"a", "b"', '*']) {
      expect((await fetch(`${seed.url}/monitor.css`, { headers: { 'If-None-Match': value } })).status, value).toBe(304);
    }
    expect((await fetch(`${seed.url}/monitor.css`, { headers: { 'If-None-Match': '' } })).status).toBe(200);
  });
});

describe('If-None-Match on two field lines, through node:http and the hono adapter', () => {
  const TWO_LINES = 'If-None-Match: "a", W/"b"\r\nIf-None-Match: "c"\r\n';

  it('reaches a stage as one value, the lines joined with ", " (RFC 9110, 5.3)', async () => {
    const probe = await serve(async (request) => new Response(request.headers.get('if-none-match')));
    try {
      const r = await rawExchange(probe.port, '/', TWO_LINES);
      expect(r.body).toBe('"a", W/"b", "c"');
    } finally {
      await probe.close();
    }
  });

  it.each([
    ['npm run serve (the whole course)', [] as string[], '/ch/etag/monitor.css'],
    ['npm run serve -- --stage etag --root <dir>', ['--stage', 'etag', '--root', 'ROOT'], '/monitor.css'],
  ])('%s: a tag on either line gets a 304, neither a 200', async (_, args, target) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-etag-cli-'));
    await writeFile(path.join(dir, 'monitor.css'), await readFile(path.join(SAMPLES, 'monitor.css')));
    const run = await startCli(args.map((a) => (a === 'ROOT' ? dir : a)));
    try {
      const port = Number(new URL(run.url).port);
      const tag = (await fetch(`${run.url}${target}`)).headers.get('etag')!;
      expect(tag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
      for (const lines of [`If-None-Match: "old"\r\nIf-None-Match: ${tag}\r\n`, `If-None-Match: ${tag}\r\nIf-None-Match: "old"\r\n`]) {
        expect((await rawExchange(port, target, lines)).statusLine, lines).toBe('HTTP/1.1 304 Not Modified');
      }
      const neither = await rawExchange(port, target, 'If-None-Match: "old"\r\nIf-None-Match: "older"\r\n');
      expect(neither.statusLine).toBe('HTTP/1.1 200 OK');
    } finally {
      await run.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
