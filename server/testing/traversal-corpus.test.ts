// The traversal corpus (traversal-corpus.ts), sent byte for byte over raw sockets.
//   A: against the path-stripping stage, built as `npm run serve -- --stage path-stripping`
//      builds it, on a temp root beside a real secret: not one byte of it comes back, no 5xx,
//      and the server still serves a plain GET after each payload. Three layouts: the root as
//      it is, the root reached through a symlink, and symlinks inside the root leading out.
//   B: against the seed on its pretend Windows disk: which payloads reach the fake files. The
//      committed results (traversal-results.json, the chapter's table) must match a fresh run.
import { readFileSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONITOR_PATH, windowsPath } from '../files/windows-disk';
import { isInside } from '../http/safe-path/containment';
import { safePath } from '../http/safe-path';
import { diskStore } from '../files/disk-store';
import { findStage } from '../stages';
import { makeFixture, SECRET, type Fixture } from './fixture';
import { rawRequest, serve } from './serve';
import { TRAVERSAL_CORPUS, type Payload } from './traversal-corpus';
import { CHAPTER_FILE, formatResults, RESULTS_FILE } from './traversal-results';
import { traversalTables, withTables } from './traversal-tables';
import { corpusResults, requestFor, statusOf, type CorpusResult } from './traversal-run';

it('has at least 60 payloads, each with a label, a source and a distinct target', () => {
  expect(TRAVERSAL_CORPUS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(TRAVERSAL_CORPUS.map((p) => p.target)).size).toBe(TRAVERSAL_CORPUS.length);
  expect(new Set(TRAVERSAL_CORPUS.map((p) => p.label)).size).toBe(TRAVERSAL_CORPUS.length);
  for (const group of ['encoded', 'double-encoded', 'overlong-utf8', 'backslash', 'nul', 'absolute', 'dotfile', 'long', 'unc', 'windows-name'] as const) {
    expect(TRAVERSAL_CORPUS.some((p) => p.group === group), group).toBe(true);
  }
});

describe('A: the path-stripping stage, standalone, against the whole corpus', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await makeFixture();
    await symlink(path.join(fixture.dir, 'secret.txt'), path.join(fixture.root, 'leak.txt'));
    await symlink(fixture.dir, path.join(fixture.root, 'up'));
    await symlink(fixture.root, path.join(fixture.dir, 'root-link'));
  });
  afterAll(() => fixture.remove());

  // Extra payloads for the layouts with links leading out of the root.
  const throughLinks: Payload[] = [
    { label: 'a link to the secret', target: '/leak.txt', source: 'MS-NAMES', group: 'dot-dot' },
    { label: 'a link to the folder above', target: '/up/secret.txt', source: 'MS-NAMES', group: 'dot-dot' },
    { label: 'the link, then ..', target: '/up/../up/secret.txt', source: 'MS-NAMES', group: 'dot-dot' },
  ];

  async function attack(root: string, payloads: Payload[]): Promise<void> {
    const server = await serve(findStage('path-stripping')!.create(diskStore(root)));
    try {
      for (const payload of payloads) {
        const raw = await rawRequest(server.port, requestFor(payload.target));
        const status = statusOf(raw);
        expect(status, payload.label).toBeGreaterThanOrEqual(200);
        expect(status, payload.label).toBeLessThan(500);
        expect(raw.includes(SECRET.slice(0, 16)), `${payload.label}: ${payload.target}`).toBe(false);
        // Still alive, and still serving.
        expect(statusOf(await rawRequest(server.port, requestFor('/monitor.css'))), `after ${payload.label}`).toBe(200);
      }
    } finally {
      await server.close();
    }
  }

  it('the root as it is', async () => {
    await attack(fixture.root, [...TRAVERSAL_CORPUS, ...throughLinks]);
  });

  it('the root reached through a symlink', async () => {
    await attack(path.join(fixture.dir, 'root-link'), [...TRAVERSAL_CORPUS, ...throughLinks]);
  });

  it('refuses every payload that leaves the root, with a 4xx', async () => {
    const server = await serve(findStage('path-stripping')!.create(diskStore(fixture.root)));
    try {
      // The only 2xx: "//?/C:/..." (its "?" starts a query: the path is "//", the index page).
      for (const payload of [...TRAVERSAL_CORPUS, ...throughLinks]) {
        const status = statusOf(await rawRequest(server.port, requestFor(payload.target)));
        if (payload.target.startsWith('//?')) expect(status, payload.label).toBe(200);
        else expect([400, 404], payload.label).toContain(status);
      }
    } finally {
      await server.close();
    }
  });
});

describe('A, on Windows rules: what the safe resolver lets through stays in the root', () => {
  // Where no Windows machine is at hand: every payload the resolver accepts, joined onto the
  // seed's Windows root, resolved by path.win32 and then read as the pretend Windows disk reads
  // names (trailing dots and spaces, ::$DATA, 8.3 aliases, devices), is still inside the root.
  it.each(TRAVERSAL_CORPUS.map((p) => [p.label, p.target] as const))('%s', (_, target) => {
    const result = safePath(target);
    if (!result.ok) return expect([400, 404]).toContain(result.status);
    const joined = path.win32.join(MONITOR_PATH, ...result.segments);
    expect(isInside(MONITOR_PATH, path.win32.resolve(joined), path.win32)).toBe(true);
    const opened = windowsPath(joined);
    expect(opened === null || isInside(MONITOR_PATH, opened, path.win32)).toBe(true);
    expect(opened).toBe(joined); // Windows reads every accepted name as written
  });
});

describe('B: the seed on its pretend Windows disk, and the committed results', () => {
  let fresh: CorpusResult[];
  beforeAll(async () => {
    fresh = await corpusResults();
  });

  it('the seed leaks the fake secret for real, through raw backslashes', () => {
    const leaked = (label: string) => fresh.find((r) => r.label === label)!.seed.leaked;
    expect(leaked('..\\ once')).toBe('secret.txt');
    expect(leaked('..\\ + ::$DATA')).toBe('secret.txt');
    expect(leaked('..\\ + trailing dot')).toBe('secret.txt');
    expect(leaked('..\\ + 8.3 alias')).toBe('passwords-backup.txt');
    expect(leaked('../ once')).toBeNull(); // what its split('/') does stop
    expect(fresh.every((r) => !r.safe.leaked)).toBe(true);
  });

  it('traversal-results.json is what a fresh run gives (regenerate: npx tsx scripts/traversal-table.ts)', () => {
    expect(readFileSync(RESULTS_FILE, 'utf8')).toBe(formatResults(fresh));
  });

  it("chapter 6's tables are the ones written from that run (regenerate: npx tsx scripts/traversal-table.ts)", () => {
    const chapter = readFileSync(CHAPTER_FILE, 'utf8');
    expect(chapter).toBe(withTables(chapter, traversalTables(fresh)));
    expect(chapter).toContain('| \\.\\.\\\\ once | `/..\\secret.txt` | 200 | `secret.txt` | 400 |');
  });
});
