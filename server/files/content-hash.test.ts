// The tag cache on a real disk: every way a file can change gives a new tag, and an unchanged
// file is not read again once its entry is safely old. The clock is passed in only to play
// "the hash was taken long after the file last changed" without waiting; the files, their
// stat and their timestamps are real.
import { mkdir, mkdtemp, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strongEtag, weakEtag } from '../http/etag';
import { ContentHashCache, identityOf } from './content-hash';
import { fileFinder, msOf, type DiskFoundFile } from './disk';

const OLD = new Date(Date.UTC(2008, 2, 19, 20, 32, 0)); // a whole second: utimes can restore it exactly
const HOUR_NS = 3_600_000_000_000n;
const realClock = () => BigInt(Date.now()) * 1_000_000n;
const anHourLater = () => realClock() + HOUR_NS; // as if every hash were taken an hour from now

describe('ContentHashCache', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-hash-'));
    file = path.join(dir, 'monitor.css');
    await writeFile(file, 'body { color: red }');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gives the strong tag of the content', async () => {
    const tags = new ContentHashCache();
    expect((await tags.tagFor(file)).etag).toBe(strongEtag(Buffer.from('body { color: red }')));
  });

  it('hashes a large file while streaming it, to the same tag', async () => {
    const big = Buffer.alloc(1024 * 1024, 'x');
    await writeFile(file, big);
    expect((await new ContentHashCache().tagFor(file)).etag).toBe(strongEtag(big));
  });

  it('does not read an unchanged file again once its entry is safely old', async () => {
    const tags = new ContentHashCache({ nowNs: anHourLater });
    const first = await tags.tagFor(file);
    const second = await tags.tagFor(file);
    expect(first.cached).toBe(false);
    expect(second).toEqual({ etag: first.etag, cached: true });
    expect(tags.hashes).toBe(1);
  });

  it('reads a just-written file again on every request: its entry is racily clean', async () => {
    const tags = new ContentHashCache(); // the real clock: the file changed a moment ago
    await tags.tagFor(file);
    expect((await tags.tagFor(file)).cached).toBe(false);
    expect(tags.hashes).toBe(2);
  });

  it('gives a new tag to a same-size rewrite within the same second', async () => {
    const tags = new ContentHashCache();
    const first = await tags.tagFor(file);
    await writeFile(file, 'body { color: RED }');
    const second = await tags.tagFor(file);
    expect(second.etag).toBe(strongEtag(Buffer.from('body { color: RED }')));
    expect(second.etag).not.toBe(first.etag);
  });

  it('gives a new tag to a same-size rewrite whose mtime is restored with utimes, when the entry was racy', async () => {
    // Real clock: the hash is taken right after the file's last change (its ctime), so the
    // entry is racy and is never trusted, even if the rewrite lands in the same ctime tick.
    await utimes(file, OLD, OLD);
    const tags = new ContentHashCache();
    const first = await tags.tagFor(file);
    const before = await stat(file, { bigint: true });
    await writeFile(file, 'body { color: RED }');
    await utimes(file, OLD, OLD);
    const after = await stat(file, { bigint: true });
    // What Last-Modified and a size-mtime tag see: nothing happened.
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
    expect(weakEtag(Number(after.size), Number(after.mtimeMs))).toBe(weakEtag(Number(before.size), Number(before.mtimeMs)));
    expect((await tags.tagFor(file)).etag).not.toBe(first.etag);
  });

  it('gives a new tag to the same rewrite when the entry was safely old: the ctime gave it away', async () => {
    await utimes(file, OLD, OLD);
    const tags = new ContentHashCache({ nowNs: anHourLater }); // the entry is trusted...
    const first = await tags.tagFor(file);
    expect((await tags.tagFor(file)).cached).toBe(true);
    const before = await stat(file, { bigint: true });
    await sleep(50); // ...so let the kernel's coarse clock move on: a later tick is what a later change gets
    await writeFile(file, 'body { color: RED }');
    await utimes(file, OLD, OLD);
    const after = await stat(file, { bigint: true });
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect(after.ctimeNs).not.toBe(before.ctimeNs); // user code cannot set ctime back
    const second = await tags.tagFor(file);
    expect(second).toEqual({ etag: strongEtag(Buffer.from('body { color: RED }')), cached: false });
  });

  it('keeps the tag on a touch (same bytes), though it hashes again', async () => {
    const tags = new ContentHashCache({ nowNs: anHourLater });
    const first = await tags.tagFor(file);
    await utimes(file, new Date(), new Date());
    const second = await tags.tagFor(file);
    expect(second).toEqual({ etag: first.etag, cached: false });
  });

  it('gives a new tag to another file renamed over it, same size, same mtime', async () => {
    await utimes(file, OLD, OLD);
    const tags = new ContentHashCache({ nowNs: anHourLater });
    const first = await tags.tagFor(file);
    const other = path.join(dir, 'new.css');
    await writeFile(other, 'body { color: RED }');
    await utimes(other, OLD, OLD);
    await rename(other, file);
    expect((await tags.tagFor(file)).etag).not.toBe(first.etag);
  });

  it('forgets the oldest file beyond maxEntries', async () => {
    const tags = new ContentHashCache({ nowNs: anHourLater, maxEntries: 1 });
    const other = path.join(dir, 'other.css');
    await writeFile(other, 'p {}');
    await tags.tagFor(file);
    await tags.tagFor(other);
    expect((await tags.tagFor(other)).cached).toBe(true);
    expect((await tags.tagFor(file)).cached).toBe(false);
  });
});

describe('the disk store: one stat per tag, the finder\'s', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-found-'));
    await writeFile(path.join(dir, 'monitor.css'), 'body { color: red }');
    await mkdir(path.join(dir, 'css'));
    await writeFile(path.join(dir, 'css', 'deep.css'), 'p {}');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('the found file carries its stat to the nanosecond, and the mtime in ms as a plain stat has it', async () => {
    const find = fileFinder(dir);
    for (const segments of [['monitor.css'], ['css', 'deep.css']]) {
      const file = (await find(segments)) as DiskFoundFile;
      const plain = await stat(path.join(dir, ...segments));
      const exact = await stat(path.join(dir, ...segments), { bigint: true });
      expect(file.identity).toEqual(identityOf(exact));
      expect(file.mtimeMs).toBe(plain.mtimeMs);
      expect(file.size).toBe(plain.size);
    }
  });

  it('msOf gives what a plain stat gives, before 1970 too', () => {
    expect(msOf(1_205_958_720_750_123_456n)).toBe(1205958720000 + 750123456 / 1e6);
    expect(msOf(-1_500_000_000n)).toBe(-2000 + 500); // 1.5 s before 1970: second -2, +0.5 s
  });

  it('a tag checked against the identity it is given: a changed file is read again', async () => {
    const tags = new ContentHashCache({ nowNs: anHourLater });
    const file = path.join(dir, 'monitor.css');
    const first = await tags.tagFor(file, identityOf(await stat(file, { bigint: true })));
    expect((await tags.tagFor(file, identityOf(await stat(file, { bigint: true })))).cached).toBe(true);
    await writeFile(file, 'body { color: RED }');
    const after = await tags.tagFor(file, identityOf(await stat(file, { bigint: true })));
    expect(after).toEqual({ etag: strongEtag(Buffer.from('body { color: RED }')), cached: false });
    expect(after.etag).not.toBe(first.etag);
  });
});
