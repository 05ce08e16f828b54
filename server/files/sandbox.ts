// The server never changes the repository. Each stage serves its own temporary copy of
// server/samples/, and experiments (edit, touch) change only that copy; reset makes a new one.
//
//   <tmp>/cachecraft-XXXX/<stage>/<n>/site/        what /ch/<stage>/ serves (copy number n)
//   <tmp>/cachecraft-XXXX/<stage>/<n>/secret.txt   a fake secret just outside it, for path tests
//
// A page load is concurrent: the first requests to a stage arrive together, and a learner may
// press "reset" while the demo frame is loading. So a copy is made once (one promise per
// stage, shared by everyone who asks), and a reset never touches the copy being served: it
// builds a whole new copy and then swaps it in with one assignment. A request sees the old
// copy or the new one, never a half-copied folder.
import { rmSync } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StageFile } from '../../common/stage-file';
import { contentTypeFor } from '../http/content-type';
import { SAMPLES_DIR } from '../paths';
import { diskStore, utimesSeconds } from './disk-store';
import type { FileStore } from './store';
import { checkStageName, FILE_NAME, MAX_EDIT_BYTES, SandboxError, switchLastLetterCase, type Workspace } from './workspace';

export { MAX_EDIT_BYTES, SandboxError, switchLastLetterCase, utimesSeconds };
export { SAMPLES_DIR };
export const FAKE_SECRET = 'FAKE SECRET outside the served folder: if you can read this, a path check failed.\n';


/**
 * How long a replaced copy stays on disk: requests that started on it finish reading it.
 * (A download already under way keeps its open file even after the copy is removed.)
 */
const RETIRE_AFTER_MS = 5_000;


export type PrepareCopy = (stage: string, site: string) => Promise<void>;

export class Sandbox implements Workspace {
  /** Each stage's current copy (its site folder), or the promise of the first one. */
  private readonly current = new Map<string, Promise<string>>();
  private readonly retiring = new Set<NodeJS.Timeout>();
  /** The store over each copy, made once per copy (its content-hash cache lives as long). */
  private readonly stores = new Map<string, FileStore>();
  /** For currentStore: the store each stage's current copy had when storeFor last returned. */
  private readonly ready = new Map<string, { root: Promise<string>; store: FileStore }>();
  private copies = 0;

  private constructor(
    readonly dir: string,
    private readonly samplesDir: string,
    private readonly prepare: PrepareCopy,
  ) {}

  /** `prepare` runs on each new copy of a stage's files before it is served. */
  static async create(samplesDir = SAMPLES_DIR, prepare: PrepareCopy = async () => {}): Promise<Sandbox> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-'));
    return new Sandbox(dir, samplesDir, prepare);
  }

  // #region sandbox-root
  /** The folder a stage serves; the first call makes the copy, and every caller shares it. */
  rootFor(stage: string): Promise<string> {
    checkStageName(stage);
    let root = this.current.get(stage);
    if (!root) {
      root = this.makeCopy(stage);
      this.current.set(stage, root);
      // A failed copy (a full disk, say) is not remembered: the next request tries again.
      root.catch(() => {
        if (this.current.get(stage) === root) this.current.delete(stage);
      });
    }
    return root;
  }

  /** A fresh copy of the samples, swapped in only once it is complete. */
  async reset(stage: string): Promise<StageFile[]> {
    checkStageName(stage);
    const fresh = await this.makeCopy(stage);
    const replaced = this.current.get(stage);
    this.current.set(stage, Promise.resolve(fresh)); // the swap
    replaced?.then((old) => this.retire(old), () => {});
    return this.describeAll(fresh);
  }
  // #endregion

  async storeFor(stage: string): Promise<FileStore> {
    const pending = this.rootFor(stage);
    const root = await pending;
    let store = this.stores.get(root);
    if (!store) {
      store = diskStore(root);
      this.stores.set(root, store);
    }
    this.ready.set(stage, { root: pending, store });
    return store;
  }

  /** The store over the stage's current copy, once a request has waited for it (storeFor). */
  currentStore(stage: string): FileStore | undefined {
    const ready = this.ready.get(stage);
    // Still the current copy: a reset swaps `current`, and the next storeFor records the new one.
    return ready && ready.root === this.current.get(stage) ? ready.store : undefined;
  }

  async list(stage: string): Promise<StageFile[]> {
    return this.describeAll(await this.rootFor(stage));
  }

  /** Replaces the content of an existing file. */
  async edit(stage: string, name: string, content: Uint8Array): Promise<StageFile> {
    if (content.byteLength > MAX_EDIT_BYTES) {
      throw new SandboxError(413, `A file may hold at most ${MAX_EDIT_BYTES} bytes.`);
    }
    const file = await this.existingFile(stage, name);
    await writeFile(file, content);
    return describe(path.dirname(file), name);
  }

  /** A new mtime (now), the same bytes: what `touch` does. */
  async touch(stage: string, name: string): Promise<StageFile> {
    const file = await this.existingFile(stage, name);
    const now = new Date();
    await utimes(file, now, now);
    return describe(path.dirname(file), name);
  }

  // #region rewrite-same-mtime
  /**
   * A second edit in the same clock tick, made reproducible: new bytes of the same size (the
   * last ASCII letter changes case), then the mtime set back to what it was with utimes, as if
   * the kernel had stamped both writes with the same time. Text files only.
   */
  async rewriteSameMtime(stage: string, name: string): Promise<StageFile> {
    const file = await this.existingFile(stage, name);
    if (!contentTypeFor(name).includes('charset')) throw new SandboxError(400, `${name} is not a text file.`);
    const before = await stat(file, { bigint: true });
    const bytes = await readFile(file);
    if (!switchLastLetterCase(bytes)) throw new SandboxError(400, `${name} has no letter to change.`);
    await writeFile(file, bytes);
    await utimes(file, utimesSeconds(before.atimeNs), utimesSeconds(before.mtimeNs));
    return describe(path.dirname(file), name);
  }
  // #endregion

  async dispose(): Promise<void> {
    this.stopRetiring();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** For the last moments of a process, when nothing asynchronous runs any more. */
  disposeNow(): void {
    this.stopRetiring();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async makeCopy(stage: string): Promise<string> {
    const copyDir = path.join(this.dir, stage, String(++this.copies));
    const site = path.join(copyDir, 'site');
    await mkdir(copyDir, { recursive: true });
    // preserveTimestamps: the copy keeps the samples' mtimes, so Last-Modified is stable.
    await cp(this.samplesDir, site, { recursive: true, preserveTimestamps: true });
    await writeFile(path.join(copyDir, 'secret.txt'), FAKE_SECRET);
    await this.prepare(stage, site);
    return site;
  }

  private retire(site: string): void {
    this.stores.delete(site);
    const timer = setTimeout(() => {
      this.retiring.delete(timer);
      void rm(path.dirname(site), { recursive: true, force: true }).catch(() => {});
    }, RETIRE_AFTER_MS);
    timer.unref(); // a copy waiting to be removed does not keep the process alive
    this.retiring.add(timer);
  }

  private stopRetiring(): void {
    for (const timer of this.retiring) clearTimeout(timer);
    this.retiring.clear();
  }

  private async describeAll(root: string): Promise<StageFile[]> {
    const entries = await readdir(root, { withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && FILE_NAME.test(e.name)).map((e) => e.name).sort();
    return Promise.all(files.map((name) => describe(root, name)));
  }

  private async existingFile(stage: string, name: string): Promise<string> {
    if (!FILE_NAME.test(name)) {
      throw new SandboxError(400, 'A file name is letters, digits, ".", "_" and "-", and starts with a letter or digit.');
    }
    const file = path.join(await this.rootFor(stage), name);
    const info = await lstat(file).catch(() => null); // lstat: a symlink is not followed
    if (!info?.isFile()) throw new SandboxError(404, `There is no file named ${name}.`);
    return file;
  }
}

async function describe(root: string, name: string): Promise<StageFile> {
  const info = await stat(path.join(root, name));
  return { name, size: info.size, mtime: info.mtimeMs };
}
