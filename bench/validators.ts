// `npm run bench -- --validators`: what each validator costs the server, per request, in this
// process. Last-Modified needs one stat; a strong ETag needs the file's hash, which means
// reading the whole file unless a cache that one stat validates (server/files/content-hash.ts)
// already has it. Each case runs for a fixed time on the bench's 4 KiB and 1 MiB files.
import { statSync } from 'node:fs';
import path from 'node:path';
import { ContentHashCache } from '../server/files/content-hash';
import type { Fixtures } from './fixtures';

export interface ValidatorCase {
  id: string;
  what: string;
  file: 'small' | 'large';
  operations: number;
  microsPerOp: number;
  /** The tag the case computed last (the hash cases): the same file gives the same tag. */
  etag: string | null;
}

const FAR_FUTURE_NS = 1n << 62n; // a cache whose entries are always safely old: every call a hit
const NEVER_NS = 0n; // a cache whose entries are always racy: every call reads and hashes

export async function measureValidators(fixtures: Fixtures, secondsPerCase: number): Promise<ValidatorCase[]> {
  const files = { small: path.join(fixtures.filesDir, fixtures.small.path), large: path.join(fixtures.filesDir, fixtures.large.path) };
  const cases: { id: string; what: string; file: 'small' | 'large'; run: (file: string) => Promise<string | null> | string | null }[] = [];
  for (const file of ['small', 'large'] as const) {
    const noCache = new ContentHashCache({ nowNs: () => NEVER_NS });
    const cache = new ContentHashCache({ nowNs: () => FAR_FUTURE_NS });
    cases.push(
      { id: `stat-${file}`, what: 'stat (Last-Modified)', file, run: (f) => (statSync(f), null) },
      { id: `stat-bigint-${file}`, what: 'stat to the ns (bigint)', file, run: (f) => (statSync(f, { bigint: true }), null) },
      { id: `hash-${file}`, what: 'read + SHA-256 (ETag, no cache)', file, run: async (f) => (await noCache.tagFor(f)).etag },
      { id: `cached-${file}`, what: 'ETag from the cache (stat + look-up)', file, run: async (f) => (await cache.tagFor(f)).etag },
    );
  }
  const results: ValidatorCase[] = [];
  for (const c of cases) {
    const file = files[c.file];
    await c.run(file); // warm: the page cache, and the cache's first (missing) entry
    let operations = 0;
    let etag: string | null = null;
    const start = performance.now();
    const end = start + secondsPerCase * 1000;
    while (performance.now() < end) {
      etag = await c.run(file);
      operations++;
    }
    const micros = ((performance.now() - start) * 1000) / operations;
    results.push({ id: c.id, what: c.what, file: c.file, operations, microsPerOp: Number(micros.toFixed(2)), etag });
  }
  return results;
}

export function validatorTable(cases: ValidatorCase[], fixtures: Fixtures): string {
  const label = { small: `${fixtures.small.bytes / 1024} KiB`, large: `${fixtures.large.bytes / 1024 / 1024} MiB` };
  const lines = ['Validator costs, per request, in one process (lower is cheaper):', ''];
  lines.push(`${'what'.padEnd(40)} ${'file'.padStart(6)} ${'µs/op'.padStart(10)} ${'ops/s'.padStart(10)}`);
  for (const c of cases) {
    lines.push(`${c.what.padEnd(40)} ${label[c.file].padStart(6)} ${c.microsPerOp.toFixed(2).padStart(10)} ${Math.round(1e6 / c.microsPerOp).toString().padStart(10)}`);
  }
  return lines.join('\n');
}
