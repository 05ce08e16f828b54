// Strong ETags without hashing every file on every request: a cache of content hashes keyed by
// what stat says (device, inode, size, mtime and ctime to the nanosecond), trusted only under
// the racy-git rule (racy.ts). A 304 then costs one stat, like Last-Modified; a file is read
// and hashed again only when it may have changed.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { strongEtagFromDigest } from '../http/etag';
import { mayTrustCachedHash, sameIdentity, type FileIdentity, type HashRecord } from './racy';

export interface ContentHashOptions {
  /** Wall clock in ns since the epoch; tests pass another to play "later". */
  nowNs?: () => bigint;
  /** Files kept; the oldest entry goes first beyond it. */
  maxEntries?: number;
}

export interface ContentTag {
  etag: string;
  /** True when the tag came from the cache, without reading the file. */
  cached: boolean;
}

interface Entry extends HashRecord {
  etag: string;
}

/** Above this, the file is hashed while streamed, not read into memory at once. */
const READ_AT_ONCE = 64 * 1024;
/** A file that keeps changing while it is read is hashed at most this many times per request. */
const ATTEMPTS = 3;

const wallClockNs = () => BigInt(Date.now()) * 1_000_000n;

export function identityOf(info: BigIntStats): FileIdentity {
  return { dev: info.dev, ino: info.ino, size: info.size, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs };
}

export class ContentHashCache {
  private readonly entries = new Map<string, Entry>();
  private readonly nowNs: () => bigint;
  private readonly maxEntries: number;
  /** How many times a file was read and hashed (for tests and the benchmark). */
  hashes = 0;

  constructor(options: ContentHashOptions = {}) {
    this.nowNs = options.nowNs ?? wallClockNs;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  // #region content-tag
  /** The strong ETag of the file at `filePath` as it is now (`now`: its stat, if just taken). */
  async tagFor(filePath: string, now?: FileIdentity): Promise<ContentTag> {
    const before = now ?? identityOf(statSync(filePath, { bigint: true }));
    const entry = this.entries.get(filePath);
    if (entry && mayTrustCachedHash(entry, before)) return { etag: entry.etag, cached: true };

    let identity = before;
    for (let attempt = 1; ; attempt++) {
      const recordedAtNs = this.nowNs(); // read the clock before the file: a later write is later
      const etag = strongEtagFromDigest(await sha256Of(filePath, Number(identity.size)));
      this.hashes++;
      const after = identityOf(statSync(filePath, { bigint: true }));
      // Remembered only if nothing changed while the bytes were read.
      if (sameIdentity(identity, after)) {
        this.remember(filePath, { identity: after, recordedAtNs, etag });
        return { etag, cached: false };
      }
      if (attempt === ATTEMPTS) return { etag, cached: false }; // still changing: serve, keep nothing
      identity = after;
    }
  }
  // #endregion

  private remember(filePath: string, entry: Entry): void {
    this.entries.delete(filePath); // re-inserted last: the Map's order is the age order
    this.entries.set(filePath, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

async function sha256Of(filePath: string, size: number): Promise<Buffer> {
  const hash = createHash('sha256');
  if (size <= READ_AT_ONCE) return hash.update(readFileSync(filePath)).digest();
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest();
}
