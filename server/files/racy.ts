// When may a content hash computed earlier still be trusted? Git's "racy git" rule
// (Documentation/technical/racy-git.adoc), for a server's tag cache. Pure: no disk, no clock.
//
// A cache entry records what stat said about the file (its identity) and when the hash was
// taken. The identity alone is not enough: file timestamps come from a coarse clock (one tick is
// 1-10 ms on Linux), so a rewrite of the same size right after the hash was taken can leave
// every field of the identity as it was. Git's answer, taken here: an entry whose file changed
// (mtime or ctime) too close to the moment it was recorded is "racily clean" and is checked
// again; only an entry recorded safely after the file's last change is trusted.

/** What stat says about a file, to the nanosecond (fs.stat with `bigint: true`). */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  /** Set by the kernel on every write and every utimes: user code cannot set it back. */
  ctimeNs: bigint;
}

export interface HashRecord {
  identity: FileIdentity;
  /** Wall-clock time (ns since the epoch) read just before the file was read to be hashed. */
  recordedAtNs: bigint;
}

/**
 * How much earlier than `recordedAtNs` the file's last change must be for the entry to be
 * trusted. A file timestamp can lag the precise clock by a tick (milliseconds); 2 s also
 * covers file systems with 2-second timestamps (FAT) with a wide margin.
 */
export const RACY_WINDOW_NS = 2_000_000_000n;

// #region trust-cached-hash
/**
 * True when the hash recorded in `record` is still the hash of the file that stat now
 * describes as `now`: same file (device, inode), same size, same mtime and ctime to the
 * nanosecond, and none of these changes could have hidden in the same clock tick as the
 * moment the hash was taken.
 */
export function mayTrustCachedHash(record: HashRecord, now: FileIdentity, windowNs: bigint = RACY_WINDOW_NS): boolean {
  if (!sameIdentity(record.identity, now)) return false;
  // Racily clean: changed within `windowNs` of the recording (or after it, by a clock that
  // went back, or an mtime set in the future). Hash again rather than guess.
  const safeBefore = record.recordedAtNs - windowNs;
  return now.mtimeNs < safeBefore && now.ctimeNs < safeBefore;
}
// #endregion

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}
