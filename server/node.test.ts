// `npm run serve` as a user runs it: a real process, real ports, real signals.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from './stages';
import { runCli, startCli } from './testing/cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-cli-'));
  await writeFile(path.join(dir, 'hello.txt'), 'hello\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run serve -- --stage <slug> --root <dir>', () => {
  it('serves the folder at / with the stage: 200, then 304 to the echoed date; stops on SIGTERM', async () => {
    const run = await startCli(['--stage', 'last-modified', '--root', dir]);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const first = await fetch(`${run.url}/hello.txt`);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('hello\n');
    const second = await fetch(`${run.url}/hello.txt`, { headers: { 'If-Modified-Since': first.headers.get('last-modified')! } });
    expect(second.status).toBe(304);
    expect((await fetch(`${run.url}/api/log`)).status).toBe(404); // that stage and nothing else
    expect(await run.stop()).toBe(0);
    expect(run.output()).toContain('SIGTERM');
  }, 30_000);

  it('serves every stage of the course, each revalidating the file with its own validator', async () => {
    for (const { slug } of STAGES) {
      const run = await startCli(['--stage', slug, '--root', dir]);
      try {
        const first = await fetch(`${run.url}/hello.txt`);
        expect(first.status, slug).toBe(200);
        expect(await first.text(), slug).toBe('hello\n');
        const etag = first.headers.get('etag');
        const lastModified = first.headers.get('last-modified');
        if (etag || lastModified) {
          const headers: Record<string, string> = etag ? { 'If-None-Match': etag } : { 'If-Modified-Since': lastModified! };
          expect((await fetch(`${run.url}/hello.txt`, { headers })).status, `${slug}: ${JSON.stringify(headers)}`).toBe(304);
        }
      } finally {
        expect(await run.stop(), slug).toBe(0);
      }
    }
  }, 120_000);

  it.each([
    [['--stage', 'nope', '--root', '.'], /unknown stage "nope"\. Stages: seed, no-cache, last-modified/],
    [['--stage', 'seed', '--root', '/no/such/folder'], /root folder .*does not exist/],
    [['--stage', 'seed'], /--stage and --root go together/],
    [['--port', 'eighty'], /--port must be a number/],
    [['--colour'], /Unknown option '--colour'/],
  ])('explains a bad command line in one line: %j', async (args, message) => {
    const run = runCli(args);
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(message);
    expect(run.output()).not.toMatch(/at .*\.ts:\d+/);
    // scripts/serve.mjs removes the bundle it ran, even when the server ends while loading.
    expect(existsSync(fileURLToPath(new URL(`../node_modules/.cache/cachecraft/serve-${run.child.pid}.mjs`, import.meta.url)))).toBe(false);
  }, 30_000);

  it('explains a port already in use', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const run = runCli(['--stage', 'seed', '--root', dir, '--port', String(port)]);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`Port ${port} is already in use on 127.0.0.1`);
    blocker.close();
  }, 30_000);
});

describe('npm run serve (the whole course)', () => {
  it('serves the stages and the API on 127.0.0.1 and stops on SIGINT', async () => {
    const run = await startCli([]);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect((await fetch(`${run.url}/ch/last-modified/index.html`)).status).toBe(200);
    expect((await fetch(`${run.url}/api/stages/seed/files`)).status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 30_000);
});
