// A smoke run of `npm run bench`, as a user starts it, with tiny phases and small bursts (about
// 12 s): it keeps the bench itself working (the servers' command lines, autocannon's API, the
// JSON line). It checks what the run saw, never how fast anything was: this machine is shared.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../server/stages';
import { DEFAULT_STAGE } from './options';
import { diskStore } from '../server/files/disk-store';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const benchDirs = async () => (await readdir(os.tmpdir())).filter((name) => name.startsWith('cachecraft-bench-'));

type Phase = { skipped?: string; statuses: Record<string, number>; expectedAnswers: number; errors: number; validator: string | null; after: { ok: boolean } | null };
type Server = { absent: string | null; phases: Record<string, Phase>; footprint: { before: { rssKiB: number | null; openFds: number | null } } | null };

/** Whether a stage sends an ETag, asked of the stage itself on the samples. */
async function fetchValidatorKind(slug: string): Promise<'etag' | 'date'> {
  const { findStage } = await import('../server/stages');
  const { SAMPLES_DIR } = await import('../server/paths');
  const response = await findStage(slug)!.create(diskStore(SAMPLES_DIR))(new Request('http://x/monitor.css'));
  return response.headers.get('etag') ? 'etag' : 'date';
}

describe('npm run bench', () => {
  it('compares every server in one short run and ends with one JSON line', async () => {
    const dirsBefore = await benchDirs();
    const run = await runBench(['--quick', '--duration', '0.2', '--burst-connections', '100']);
    expect(run.code, run.stderr).toBe(0);

    const lines = run.stdout.trimEnd().split('\n');
    const summary = JSON.parse(lines.at(-1)!);
    expect(summary.completed).toBe(true);
    expect(summary.machine.cpus).toBe(os.cpus().length);
    expect(summary.options).toMatchObject({ stage: DEFAULT_STAGE, durationS: 0.2, burstConnections: 100 });

    const [files, app] = summary.sections as { id: string; servers: Record<string, Server> }[];
    expect(files!.id).toBe('files');
    expect(Object.keys(files!.servers).sort()).toEqual(['nginx', 'serve-static', 'stage']);
    expect(Object.keys(app!.servers).sort()).toEqual(['app', 'stage-samples']);

    // serve-static, the baseline: 200s for the GETs, 304s (and only 304s) for the conditional GET.
    const serveStatic = files!.servers['serve-static']!.phases;
    for (const phase of ['get-small', 'get-large']) {
      expect(serveStatic[phase]!.expectedAnswers, phase).toBeGreaterThan(0);
      expect(Object.keys(serveStatic[phase]!.statuses), phase).toEqual(['200']);
    }
    expect(serveStatic['not-modified']!.validator).toBe('If-None-Match');
    expect(Object.keys(serveStatic['not-modified']!.statuses)).toEqual(['304']);
    expect(serveStatic['not-modified']!.errors).toBe(0); // a 304 is not an error

    // The stage, and the app in front of it, answer the validator they sent with 304 too (the
    // tag when there is one: If-None-Match takes precedence).
    const stageValidator = (await fetchValidatorKind(DEFAULT_STAGE)) === 'etag' ? 'If-None-Match' : 'If-Modified-Since';
    for (const [server, phases] of [['stage', files!.servers.stage!.phases], ['app', app!.servers.app!.phases]] as const) {
      expect(phases['not-modified']!.validator, server).toBe(stageValidator);
      expect(Object.keys(phases['not-modified']!.statuses), server).toEqual(['304']);
      expect(phases['get-small']!.expectedAnswers, server).toBeGreaterThan(0);
      // Each burst was followed by a plain GET (its result is reported, whatever it was).
      expect(phases['burst-large']!.after, server).not.toBeNull();
    }

    // nginx either ran or says why not, in the table as in the JSON.
    const nginx = files!.servers.nginx!;
    if (nginx.absent) expect(run.stdout).toContain(`nginx: ${nginx.absent}`);
    else expect(nginx.phases['get-small']!.expectedAnswers).toBeGreaterThan(0);

    expect(summary.sse).toMatchObject({ clients: 50, connected: 50 });
    if (process.platform === 'linux') expect(app!.servers.app!.footprint!.before.openFds).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^Processes \(RSS/m);

    // The temp folder is gone.
    expect((await benchDirs()).filter((d) => !dirsBefore.includes(d))).toEqual([]);
  }, 90_000);

  it.each([
    [['--stage', 'nope'], new RegExp(`^bench: unknown stage "nope"\\. Stages: ${STAGES.map((s) => s.slug).join(', ')}\\.$`)],
    [['--duration', 'soon'], /^bench: --duration must be a number of seconds/],
    [['--colour'], /^bench: Unknown option '--colour'/],
  ])('refuses a bad command line in one line: %j', async (args, message) => {
    const run = await runBench(args);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  }, 30_000);

  it('--validators: the cost of a stat against a hash, with and without the cache, in one short run', async () => {
    const run = await runBench(['--validators', '--duration', '0.2']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trimEnd().split('\n').at(-1)!);
    expect(summary).toMatchObject({ completed: true, mode: 'validators' });
    const cases = new Map((summary.cases as { id: string; operations: number; etag: string | null }[]).map((c) => [c.id, c]));
    for (const file of ['small', 'large']) {
      for (const kind of ['stat', 'stat-bigint', 'hash', 'cached']) expect(cases.get(`${kind}-${file}`)!.operations, `${kind}-${file}`).toBeGreaterThan(0);
      // The cache gives the tag a full hash gives: it saves the reading, not the correctness.
      expect(cases.get(`cached-${file}`)!.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(cases.get(`cached-${file}`)!.etag).toBe(cases.get(`hash-${file}`)!.etag);
    }
    expect(cases.get('hash-small')!.etag).not.toBe(cases.get('hash-large')!.etag);
    expect(run.stdout).toMatch(/^Validator costs/m);
  }, 30_000);

  it('prints its usage for --help', async () => {
    const run = await runBench(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run bench -- /);
    expect(run.stdout).toContain('--burst-connections');
  }, 30_000);
});
