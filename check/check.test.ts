// npm run check against real servers on 127.0.0.1: the course's stages (by slug, from STAGES)
// and serve-static (what express.static uses), each on an ephemeral port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat, utimes } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHttpDate } from '../server/http/http-date';
import { findStage, type Stage } from '../server/stages';
import { makeFixture, type Fixture } from '../server/testing/fixture';
import { serve, type Running } from '../server/testing/serve';
import { CASES } from './cases';
import { FILE_CASES } from './file-cases';
import { EXIT, exitCode, summarize } from './report';
import { runCheck, type Report } from './run';
import { referenceStage } from './testing/reference-stage';
import { diskStore } from '../server/files/disk-store';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALL_IDS = [...CASES, ...FILE_CASES].map((c) => c.id);
const ETAG_CASES = ['etag-syntax', 'inm-current', 'inm-weak-comparison', 'inm-list-spaces', 'inm-list-no-spaces', 'inm-two-lines', 'precedence-tag-matches-date-stale', 'head-if-none-match', 'touch-same-bytes'];

const PAST = new Date(Date.UTC(2008, 2, 19, 20, 32, 0, 750));
const verdicts = (report: Report) => Object.fromEntries(report.results.map((r) => [r.id, r.verdict]));
const byId = (report: Report, id: string) => report.results.find((r) => r.id === id)!;

/** A stage on a real port, serving a fresh copy of the samples; checked with --file. */
function checkServer(create: (root: string) => Stage, withFile = true): () => Report {
  let fixture: Fixture;
  let server: Running;
  let report: Report | undefined;
  beforeAll(async () => {
    fixture = await makeFixture();
    // Modified in the past, as a served file usually is: then there is a date between
    // Last-Modified and Date for ims-later to send.
    await utimes(path.join(fixture.root, 'monitor.css'), PAST, PAST);
    server = await serve(create(fixture.root));
    report = await runCheck({ url: `${server.url}/monitor.css`, file: withFile ? path.join(fixture.root, 'monitor.css') : undefined });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await fixture?.remove();
  });
  return () => report!;
}

/** A stage registered in STAGES, by slug. */
const checkStage = (slug: string, withFile = true) => checkServer((root) => findStage(slug)!.create(diskStore(root)), withFile);

/**
 * Every case passes, --file cases included; the only one left out is rewrite-same-second, the
 * variant for weak tags and dates, which a strong tag replaces by rewrite-same-second-strong-etag.
 */
function expectEveryCasePasses(report: Report): void {
  const notPassing = report.results.filter((r) => r.verdict !== 'pass');
  expect(notPassing.map((r) => `${r.id}: ${r.verdict}`), JSON.stringify(notPassing, null, 1)).toEqual(['rewrite-same-second: n/a']);
  expect(report.results.map((r) => r.id)).toEqual(ALL_IDS);
  expect(exitCode(summarize(report.results))).toBe(EXIT.ok);
}

// The stages on which every case applies and passes: the course's server as it should be (the
// stage of chapter 5, "etag-vs-last-modified").
const PASSES_EVERY_CASE: string[] = ['etag-vs-last-modified'];

for (const slug of PASSES_EVERY_CASE) {
  describe(`npm run check on ${slug}`, () => {
    const report = checkStage(slug);
    it('passes every case', () => expectEveryCasePasses(report()));
  });
}

describe('npm run check on a small correct server (a strong content-hash tag, check/testing)', () => {
  const report = checkServer(referenceStage);
  it('passes every case: each can pass over real HTTP', () => expectEveryCasePasses(report()));
});

describe('npm run check on the seed', () => {
  const report = checkStage('seed', false);
  it('fails, naming the If-None-Match bug: a 304 to a tag never issued', () => {
    const never = byId(report(), 'inm-never-issued');
    expect(never).toMatchObject({ verdict: 'fail', level: 'core', got: 'HTTP/1.1 304 Not Modified', sent: 'GET · If-None-Match: "cachecraft-never-issued"' });
    expect(never.detail).toMatch(/answers 304 to any If-None-Match/);
    expect(byId(report(), 'precedence-tag-differs-date-fresh').verdict).toBe('fail');
    expect(exitCode(summarize(report().results))).toBe(EXIT.coreFailed);
  });
  it('fails on the obsolete date forms it refuses, and on the 304 that drops Cache-Control and Expires', () => {
    expect(verdicts(report())).toMatchObject({ 'ims-rfc850': 'fail', 'ims-asctime': 'fail', '304-repeats-fields': 'fail' });
    expect(byId(report(), '304-repeats-fields').detail).toMatch(/no Cache-Control .*no Expires/);
  });
  it('passes what it gets right: its own date echoed back, and an invalid date ignored', () => {
    expect(verdicts(report())).toMatchObject({ 'ims-last-modified': 'pass', 'ims-older': 'pass', 'ims-invalid': 'pass', '304-no-content': 'pass' });
  });
});

describe('npm run check on last-modified', () => {
  const report = checkStage('last-modified');
  it('passes the Last-Modified cases, and says the ETag cases do not apply', () => {
    const v = verdicts(report());
    for (const id of ['last-modified-syntax', 'last-modified-not-after-date', 'ims-last-modified', 'ims-later', 'ims-older', 'ims-rfc850', 'ims-asctime', 'ims-invalid', 'ims-iso-8601', 'precedence-tag-differs-date-fresh', '304-repeats-fields', '304-no-content']) {
      expect(v[id], id).toBe('pass');
    }
    for (const id of ETAG_CASES) expect(v[id], id).toBe('n/a');
    expect(byId(report(), 'inm-current').detail).toBe('the server sent no ETag');
    expect(exitCode(summarize(report().results))).toBe(EXIT.ok);
  });
  it('shows the price of a one-second date: a same-size rewrite in the same second gets a 304 (advisory)', () => {
    expect(byId(report(), 'rewrite-same-second')).toMatchObject({ verdict: 'fail', level: 'advisory', got: 'HTTP/1.1 304 Not Modified' });
  });
});

// serve-static (what express.static uses) with its defaults, as its own process
// (bench/serve-static-server.mjs), in a time zone of the test's choosing: its If-Modified-Since
// is read by Date.parse (through `fresh`), which takes a date with no zone, such as asctime's,
// as local time.
function startServeStatic(root: string, tz: string, children: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/serve-static-server.mjs'), root], { env: { ...process.env, TZ: tz }, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`serve-static exited (${code}): ${out}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const match = /http:\/\/[^\s/]+/.exec(out);
      if (match) resolve(match[0]);
    });
  });
}

describe('npm run check on serve-static (express.static), on a machine in UTC', () => {
  let fixture: Fixture;
  const children: ChildProcess[] = [];
  let report: Report;
  const file = () => path.join(fixture.root, 'monitor.css');
  let before: { bytes: Buffer; mtimeMs: number };
  beforeAll(async () => {
    fixture = await makeFixture();
    before = { bytes: await readFile(file()), mtimeMs: (await stat(file())).mtimeMs };
    const url = await startServeStatic(fixture.root, 'UTC', children);
    report = await runCheck({ url: `${url}/monitor.css`, file: file() });
  }, 30_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await fixture?.remove();
  });

  it('passes every ETag and date case but one: it reads an ISO 8601 date in If-Modified-Since, where RFC 9110 says to ignore it', () => {
    expect(summarize(report.results).coreFailures).toEqual(['ims-iso-8601']);
    expect(byId(report, 'ims-iso-8601').got).toBe('HTTP/1.1 304 Not Modified');
    for (const id of ETAG_CASES.filter((id) => id !== 'touch-same-bytes')) expect(verdicts(report)[id], id).toBe('pass');
  });
  it('sends a weak size-mtime tag: it catches the same-second rewrite, and changes on a touch (advisory)', () => {
    expect(report.first.fields).toContainEqual(['ETag', expect.stringMatching(/^W\/"[0-9a-f]+-[0-9a-f]+"$/)]);
    expect(byId(report, 'rewrite-same-second-strong-etag').verdict).toBe('n/a');
    expect(byId(report, 'rewrite-same-second').verdict).toBe('pass');
    expect(byId(report, 'touch-same-bytes')).toMatchObject({ verdict: 'fail', level: 'advisory', got: 'HTTP/1.1 200 OK' });
  });
  it('puts the file back as it was: bytes and modification time', async () => {
    expect((await readFile(file())).equals(before.bytes)).toBe(true);
    expect(Math.abs((await stat(file())).mtimeMs - before.mtimeMs)).toBeLessThan(0.01);
  });
});

describe('npm run check on serve-static in Tokyo (UTC+9) and in Chicago (UTC-5 in March)', () => {
  let fixture: Fixture;
  const children: ChildProcess[] = [];
  const check = async (tz: string) => runCheck({ url: `${await startServeStatic(fixture.root, tz, children)}/monitor.css` });
  beforeAll(async () => {
    fixture = await makeFixture();
    await utimes(path.join(fixture.root, 'monitor.css'), PAST, PAST); // 19 March 2008: Chicago is on UTC-5 then
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await fixture.remove();
  });

  it('east of GMT, an asctime date reads hours early: its own Last-Modified gets a 200', async () => {
    const report = await check('Asia/Tokyo');
    expect(summarize(report.results).coreFailures).toEqual(['ims-asctime', 'ims-iso-8601']);
    expect(byId(report, 'ims-asctime-older').verdict).toBe('pass');
  });
  it('west of GMT, it reads hours late: a date before Last-Modified gets a 304, a stale copy confirmed', async () => {
    const report = await check('America/Chicago');
    expect(summarize(report.results).coreFailures).toEqual(['ims-asctime-older', 'ims-iso-8601']);
    expect(byId(report, 'ims-asctime-older').got).toBe('HTTP/1.1 304 Not Modified');
  });
});

describe('npm run check on a server that keeps every connection open, and never answers one case', () => {
  let server: net.Server;
  const sockets = new Set<net.Socket>();
  let report: Report;
  beforeAll(async () => {
    // Raw HTTP/1.1 that ignores `Connection: close`, answers `If-None-Match: *` never, and
    // otherwise 304 to its tag, 200 to anything else.
    server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      let text = '';
      socket.on('data', (d) => {
        text += d.toString('latin1');
        if (!text.includes('\r\n\r\n')) return;
        if (/\r\nIf-None-Match: \*\r\n/.test(text)) return;
        const date = formatHttpDate(Date.now());
        const head = text.startsWith('HEAD ');
        if (/\r\nIf-None-Match: [^\r]*"v1"/.test(text)) socket.write(`HTTP/1.1 304 Not Modified\r\nDate: ${date}\r\nETag: "v1"\r\n\r\n`);
        else socket.write(`HTTP/1.1 200 OK\r\nDate: ${date}\r\nETag: "v1"\r\nContent-Length: 5\r\n\r\n${head ? '' : 'hello'}`);
        text = '';
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    report = await runCheck({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, timeoutMs: 1500 });
  }, 30_000);
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads each complete answer without waiting for a close that never comes', () => {
    expect(verdicts(report)).toMatchObject({ 'inm-current': 'pass', 'inm-never-issued': 'pass', 'head-no-content': 'pass', '304-no-content': 'pass' });
  });
  it('reports the unanswered case as an error of its own, and goes on', () => {
    expect(byId(report, 'inm-star')).toMatchObject({ verdict: 'error', sent: 'GET · If-None-Match: *' });
    expect(byId(report, 'inm-star').detail).toMatch(/^no complete answer from 127\.0\.0\.1:\d+ within 1500 ms \(0 bytes received/);
    expect(report.results.map((r) => r.id)).toEqual(ALL_IDS);
    expect(summarize(report.results).coreFailures).toEqual(['inm-star']);
  });
});

// The CLI as a user runs it (node with tsx's loader, as `npm run check` does through tsx).
function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'check/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm run check: the command line', () => {
  let fixture: Fixture;
  let seed: Running;
  beforeAll(async () => {
    fixture = await makeFixture();
    seed = await serve(findStage('seed')!.create(diskStore(fixture.root)));
  });
  afterAll(async () => {
    await seed.close();
    await fixture.remove();
  });

  it('prints a line per case and a summary, and exits 1 on the seed', async () => {
    const run = runCli([`${seed.url}/monitor.css`]);
    expect(await run.exited).toBe(EXIT.coreFailed);
    const lines = run.out().split('\n');
    expect(lines.filter((l) => /^(PASS|FAIL|N\/A |ERR ) /.test(l))).toHaveLength(ALL_IDS.length);
    expect(run.out()).toContain('FAIL core     RFC 9110 13.1.2          inm-never-issued: If-None-Match with a tag never issued → 200 | sent GET · If-None-Match: "cachecraft-never-issued" | got HTTP/1.1 304 Not Modified |');
    expect(run.out()).toMatch(/\nCore cases failing: inm-never-issued, /);
  }, 20_000);

  it('prints the same as JSON with --json', async () => {
    const run = runCli([`${seed.url}/monitor.css`, '--json']);
    expect(await run.exited).toBe(EXIT.coreFailed);
    const json = JSON.parse(run.out());
    expect(json.results.map((r: { id: string }) => r.id)).toEqual(ALL_IDS);
    expect(json.summary.coreFailures).toContain('inm-never-issued');
    expect(json.exitCode).toBe(1);
  }, 20_000);

  it('exits 2 with one clear line for a bad URL, a refused connection, a first answer that is not 2xx', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const cases: [string[], RegExp][] = [
      [['not a url'], /^check: not a URL: "not a url"/],
      [[`http://127.0.0.1:${closed}/x.css`], /^check: connection refused by 127\.0\.0\.1:\d+: is the server running\?$/],
      [[`${seed.url}/nope.css`], /^check: the first GET of .*nope\.css answered "HTTP\/1\.1 404 Unknown url \/nope\.css", not a 2xx/],
      [[`${seed.url}/monitor.css`, '--file', path.join(fixture.root, 'monitor.js')], /^check: --file .*monitor\.js is not the file the URL serves/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args);
      expect(await run.exited, args.join(' ')).toBe(EXIT.unusable);
      expect(run.err().trim().split('\n')[0], args.join(' ')).toMatch(message);
    }
  }, 30_000);
});

describe('npm run check --file: Ctrl-C while the file is changed', () => {
  let fixture: Fixture;
  let server: http.Server;
  beforeAll(async () => {
    fixture = await makeFixture();
    const file = path.join(fixture.root, 'monitor.css');
    const original = await readFile(file);
    // Serves the file with a weak tag, and never answers once its content has changed: the check
    // is then stuck in the middle of its rewrite case, with the file changed.
    server = http.createServer(async (req, res) => {
      const bytes = await readFile(file);
      if (!bytes.equals(original)) return;
      const etag = `W/"${(await stat(file)).mtimeMs}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ETag: etag }).end();
      res.writeHead(200, { ETag: etag, 'Content-Length': bytes.length }).end(req.method === 'HEAD' ? undefined : bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await fixture.remove();
  });

  it('puts the original bytes and modification time back, and exits 130', async () => {
    const file = path.join(fixture.root, 'monitor.css');
    const before = { bytes: await readFile(file), mtimeMs: (await stat(file)).mtimeMs };
    const run = runCli([`http://127.0.0.1:${(server.address() as AddressInfo).port}/monitor.css`, '--file', file, '--timeout', '60000']);
    // Wait until the check has changed the file (its rewrite case), then interrupt it.
    // (Same length and other bytes: a read in the middle of a write sees a shorter file.)
    const changed = async () => {
      const bytes = await readFile(file);
      return bytes.length === before.bytes.length && !bytes.equals(before.bytes);
    };
    let sawChange = false;
    for (let i = 0; i < 200 && !sawChange; i++) {
      sawChange = await changed();
      if (!sawChange) await new Promise((r) => setTimeout(r, 50));
    }
    expect(sawChange).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect((await readFile(file)).equals(before.bytes)).toBe(true);
    expect(Math.abs((await stat(file)).mtimeMs - before.mtimeMs)).toBeLessThan(0.01);
    expect(run.err()).toContain(`SIGINT: ${file} restored.`);
    // and the copy it kept in the temp folder while the file was changed is gone
    expect(existsSync(path.join(os.tmpdir(), `cachecraft-check-${run.child.pid}-monitor.css`))).toBe(false);
  }, 30_000);
});

