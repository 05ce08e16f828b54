import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { switchLastLetterCase, utimesSeconds } from './sandbox';

describe('switchLastLetterCase', () => {
  it('changes the case of the last ASCII letter only, in place', () => {
    const bytes = Buffer.from('a { color: red }\n');
    expect(switchLastLetterCase(bytes)).toBe(true);
    expect(bytes.toString()).toBe('a { color: reD }\n');
    expect(switchLastLetterCase(bytes)).toBe(true);
    expect(bytes.toString()).toBe('a { color: red }\n');
  });
  it('says false when there is no letter', () => {
    expect(switchLastLetterCase(Buffer.from('123 {}\n'))).toBe(false);
  });
  it('property: same size, and at most one byte differs', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (input) => {
        const bytes = Uint8Array.from(input);
        const changed = switchLastLetterCase(bytes);
        const differing = bytes.filter((b, i) => b !== input[i]).length;
        expect(bytes.length).toBe(input.length);
        expect(differing).toBe(changed ? 1 : 0);
      }),
    );
  });
});

describe('utimesSeconds', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-utimes-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('sets back the same microsecond on a real file, for times a plain ms/1000 would lose', async () => {
    const file = path.join(dir, 'f');
    await writeFile(file, 'x');
    // Whole-millisecond times: ms / 1000 in a double is a hair below, and libuv truncates.
    for (const ms of [1_700_000_000_123, 1_764_000_000_001, 1_205_958_720_750]) {
      const ns = BigInt(ms) * 1_000_000n;
      await utimes(file, utimesSeconds(ns), utimesSeconds(ns));
      expect((await stat(file, { bigint: true })).mtimeNs, String(ms)).toBe(ns);
    }
  });
});
