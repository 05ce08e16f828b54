// What a stage may ask of the files it serves: find one, read it, tag it, list a folder. Two
// implementations: the sandbox copy on disk (disk-store.ts, Node) and the samples held in memory
// (memory-store.ts, for the static build, where the stages run in the browser). Nothing here may
// import a node: module: every stage reaches its files only through this interface.
import type { WrittenBody } from '../http/respond';

export interface FoundFile {
  /** Where the store keeps it: the real path on disk (symlinks resolved), or a key in memory. */
  path: string;
  /** The last segment, used to pick a Content-Type. */
  name: string;
  size: number;
  mtimeMs: number;
}

export type FindFile = (segments: string[]) => Promise<FoundFile | null>;

export interface ContentTag {
  etag: string;
  /** True when the tag came from the store's cache, without reading the file. */
  cached: boolean;
}

export interface FileStore {
  /**
   * The regular file at these (already checked) segments strictly inside the root, or null: a
   * folder, a missing file, or a symlink leading out of the root are all null.
   */
  find: FindFile;
  /** The body of a found file, as respond() sends it. Synchronous: it is on every 200's path. */
  body(file: FoundFile): WrittenBody;
  /** All the bytes of a found file now. */
  read(file: FoundFile): Promise<Uint8Array<ArrayBuffer>>;
  /**
   * The strong ETag of a found file's content as it is now, from a cache where the store can
   * tell cheaply that the file did not change; null when it was removed since it was found.
   */
  contentTag(file: FoundFile): Promise<ContentTag | null>;
  /** The names in the folder at these segments (the root is []), or null when it is no folder. */
  list(segments: string[]): Promise<string[] | null>;
}

/** What a stage's prepareCopy may do to a fresh copy of the samples (e.g. the replica's mtimes). */
export interface CopyFiles {
  names(): Promise<string[]>;
  /** The modification time in ns since the epoch. */
  mtimeNs(name: string): Promise<bigint>;
  /** Sets the modification time, kept to the microsecond. */
  setMtimeNs(name: string, mtimeNs: bigint): Promise<void>;
}
