// The FileStore in memory: one flat folder of files, for the static build, where the stages run
// in the browser (an msw service worker answers for them) over the samples bundled at build
// time. Edits replace a file's bytes; every change gets a new version, which keys the tag cache.
import { sha256 } from '@noble/hashes/sha2.js';
import { strongEtagFromDigest } from '../http/etag';
import type { CopyFiles, FileStore, FoundFile } from './store';

export interface MemoryFile {
  bytes: Uint8Array<ArrayBuffer>;
  /** ms since the epoch; fractions keep the microseconds a disk would keep. */
  mtimeMs: number;
}

export class MemoryFiles implements CopyFiles {
  private readonly files = new Map<string, MemoryFile & { version: number }>();
  private versions = 0;
  private readonly tags = new Map<string, { version: number; etag: string }>();

  constructor(files: Iterable<[string, MemoryFile]>) {
    for (const [name, file] of files) this.put(name, { bytes: file.bytes.slice(), mtimeMs: file.mtimeMs });
  }

  get(name: string): MemoryFile | undefined {
    return this.files.get(name);
  }

  put(name: string, file: MemoryFile): void {
    this.files.set(name, { ...file, version: ++this.versions });
  }

  async names(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }

  async mtimeNs(name: string): Promise<bigint> {
    return BigInt(Math.round(this.need(name).mtimeMs * 1e6));
  }

  async setMtimeNs(name: string, mtimeNs: bigint): Promise<void> {
    // To the microsecond, as utimes keeps it.
    this.put(name, { bytes: this.need(name).bytes, mtimeMs: Number(mtimeNs / 1000n) / 1000 });
  }

  readonly store: FileStore = {
    find: async (segments) => {
      const file = segments.length === 1 ? this.files.get(segments[0]!) : undefined;
      return file ? { path: segments[0]!, name: segments[0]!, size: file.bytes.byteLength, mtimeMs: file.mtimeMs } : null;
    },
    // A copy: a stage's body must not change under it if the file is edited while it is sent.
    body: (file) => this.bytesOf(file).slice(0, file.size),
    read: async (file) => this.bytesOf(file).slice(),
    contentTag: async (file) => {
      const current = this.files.get(file.path);
      if (!current) return null;
      const known = this.tags.get(file.path);
      if (known?.version === current.version) return { etag: known.etag, cached: true };
      const etag = strongEtagFromDigest(sha256(current.bytes));
      this.tags.set(file.path, { version: current.version, etag });
      return { etag, cached: false };
    },
    list: async (segments) => (segments.length === 0 ? this.names() : null),
  };

  private bytesOf(file: FoundFile): Uint8Array<ArrayBuffer> {
    // Found a moment ago; removed since (no experiment removes a file): an empty body.
    return this.files.get(file.path)?.bytes ?? new Uint8Array(0);
  }

  private need(name: string): MemoryFile {
    const file = this.files.get(name);
    if (!file) throw new Error(`There is no file named ${name}.`);
    return file;
  }
}
