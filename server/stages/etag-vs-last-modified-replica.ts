// "Two servers behind one name": a second copy of the etag-vs-last-modified server whose files
// hold the same bytes with other modification times, as on a replica deployed at another time
// (a checkout or a copy that did not keep timestamps gives each file the time it was written).
// The server code is the same; only the copy it serves differs, and deterministically: every
// file of the replica's copy is dated REPLICA_MTIME_SHIFT_MS earlier than the original, to the
// microsecond (what utimes keeps).
import type { CopyFiles } from '../files/store';

// #region replica-mtimes
/** One hour: earlier, so that no date lands in the future (which would be clamped to now). */
export const REPLICA_MTIME_SHIFT_MS = 60 * 60 * 1000;

/** Run on each fresh copy of the samples the course app makes for the replica stage. */
export async function dateReplicaCopy(files: CopyFiles): Promise<void> {
  for (const name of await files.names()) {
    const shifted = (await files.mtimeNs(name)) - BigInt(REPLICA_MTIME_SHIFT_MS) * 1_000_000n;
    await files.setMtimeNs(name, shifted); // to the microsecond
  }
}
// #endregion
