// The files every server in the first comparison serves: a 4 KiB text file and a 1 MiB binary
// file, in a fresh temp folder. Their content is fixed (a seeded generator), so two runs send
// the same bytes; their mtime is an hour ago, so no server can see them as "just changed"
// (a file modified in the current second may be refused a Last-Modified-based 304).
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup';

export interface BenchFile {
  /** The request path, e.g. "/small.txt". */
  path: string;
  bytes: number;
}

export interface Fixtures {
  /** The temp folder; its `files/` is served, `nginx/` holds nginx's config and logs. */
  dir: string;
  filesDir: string;
  small: BenchFile;
  large: BenchFile;
}

export const SMALL_BYTES = 4 * 1024;
export const LARGE_BYTES = 1024 * 1024;
const SEED = 0x5eed2008;

export async function makeFixtures(): Promise<Fixtures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-bench-'));
  onCleanup({
    label: `the temp folder ${dir}`,
    run: () => rm(dir, { recursive: true, force: true }),
    runNow: () => rmSync(dir, { recursive: true, force: true }),
  });
  const filesDir = path.join(dir, 'files');
  await mkdir(filesDir);

  const small = { path: '/small.txt', bytes: SMALL_BYTES };
  const large = { path: '/large.bin', bytes: LARGE_BYTES };
  await writeFile(path.join(filesDir, 'small.txt'), textOf(SMALL_BYTES));
  await writeFile(path.join(filesDir, 'large.bin'), randomBytes(LARGE_BYTES, SEED));

  const anHourAgo = new Date(Date.now() - 3600_000);
  for (const file of [small, large]) await utimes(path.join(filesDir, file.path), anHourAgo, anHourAgo);
  return { dir, filesDir, small, large };
}

/** Readable ASCII lines, exactly `size` bytes. */
function textOf(size: number): string {
  const line = 'Cachecraft bench: the 4 KiB text file, the same bytes on every run.\n';
  return line.repeat(Math.ceil(size / line.length)).slice(0, size);
}

/** `size` pseudo-random bytes from a fixed seed (mulberry32): incompressible, reproducible. */
export function randomBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; i += 4) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const word = (t ^ (t >>> 14)) >>> 0;
    for (let b = 0; b < 4 && i + b < size; b++) out[i + b] = (word >>> (8 * b)) & 0xff;
  }
  return out;
}
