// The server never changes the repository. Each stage serves its own temporary copy of
// server/samples/, and experiments (edit, touch) change only that copy; reset restores it.
//
//   <tmp>/cachecraft-XXXX/<stage>/site/        what /ch/<stage>/ serves
//   <tmp>/cachecraft-XXXX/<stage>/secret.txt   a fake secret just outside it, for path tests
import { rmSync } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLES_DIR = fileURLToPath(new URL('../samples/', import.meta.url));
export const FAKE_SECRET = 'FAKE SECRET outside the served folder: if you can read this, a path check failed.\n';

/** Experiments may only name a plain file of the samples: no folders, no dotfiles. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const MAX_EDIT_BYTES = 256 * 1024;

export interface SandboxFile {
  name: string;
  size: number;
  mtime: number;
}

export class SandboxError extends Error {
  constructor(readonly status: 400 | 404 | 413, message: string) {
    super(message);
  }
}

export class Sandbox {
  private constructor(readonly dir: string, private readonly samplesDir: string) {}

  static async create(samplesDir = SAMPLES_DIR): Promise<Sandbox> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cachecraft-'));
    return new Sandbox(dir, samplesDir);
  }

  /** The folder a stage serves; created (as a fresh copy of the samples) on first use. */
  async rootFor(stage: string): Promise<string> {
    const root = this.siteDir(stage);
    try {
      await stat(root);
    } catch {
      await this.reset(stage);
    }
    return root;
  }

  async reset(stage: string): Promise<SandboxFile[]> {
    const stageDir = path.join(this.dir, stage);
    await rm(stageDir, { recursive: true, force: true });
    await mkdir(stageDir, { recursive: true });
    // preserveTimestamps: the copy keeps the samples' mtimes, so Last-Modified is stable.
    await cp(this.samplesDir, this.siteDir(stage), { recursive: true, preserveTimestamps: true });
    await writeFile(path.join(stageDir, 'secret.txt'), FAKE_SECRET);
    return this.list(stage);
  }

  async list(stage: string): Promise<SandboxFile[]> {
    const root = await this.rootFor(stage);
    const entries = await readdir(root, { withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && FILE_NAME.test(e.name)).map((e) => e.name).sort();
    return Promise.all(files.map((name) => this.describe(root, name)));
  }

  /** Replaces the content of an existing file. */
  async edit(stage: string, name: string, content: Uint8Array): Promise<SandboxFile> {
    if (content.byteLength > MAX_EDIT_BYTES) {
      throw new SandboxError(413, `A file may hold at most ${MAX_EDIT_BYTES} bytes.`);
    }
    const file = await this.existingFile(stage, name);
    await writeFile(file, content);
    return this.describe(path.dirname(file), name);
  }

  /** A new mtime (now), the same bytes: what `touch` does. */
  async touch(stage: string, name: string): Promise<SandboxFile> {
    const file = await this.existingFile(stage, name);
    const now = new Date();
    await utimes(file, now, now);
    return this.describe(path.dirname(file), name);
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** For the last moments of a process, when nothing asynchronous runs any more. */
  disposeNow(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private siteDir(stage: string): string {
    if (!FILE_NAME.test(stage)) throw new SandboxError(400, `Not a stage name: ${stage}`);
    return path.join(this.dir, stage, 'site');
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

  private async describe(root: string, name: string): Promise<SandboxFile> {
    const info = await stat(path.join(root, name));
    return { name, size: info.size, mtime: info.mtimeMs };
  }
}
