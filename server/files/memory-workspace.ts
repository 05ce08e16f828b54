// The experiments over the samples held in memory, for the static build: each stage gets its own
// MemoryFiles, made from the samples on first use (then its prepareCopy, e.g. the replica's
// mtimes), and a reset makes a new one and swaps it in, as the Sandbox does on disk.
import type { StageFile } from '../../common/stage-file';
import { contentTypeFor } from '../http/content-type';
import { MemoryFiles, type MemoryFile } from './memory-store';
import type { CopyFiles, FileStore } from './store';
import { checkStageName, FILE_NAME, MAX_EDIT_BYTES, SandboxError, switchLastLetterCase, type Workspace } from './workspace';

export class MemoryWorkspace implements Workspace {
  private readonly current = new Map<string, Promise<MemoryFiles>>();

  constructor(
    private readonly samples: ReadonlyMap<string, MemoryFile>,
    private readonly prepare: (stage: string, files: CopyFiles) => Promise<void> = async () => {},
    /** The wall clock in ms; tests pass another. */
    private readonly now: () => number = Date.now,
  ) {}

  async storeFor(stage: string): Promise<FileStore> {
    return (await this.filesFor(stage)).store;
  }

  async list(stage: string): Promise<StageFile[]> {
    return describeAll(await this.filesFor(stage));
  }

  async edit(stage: string, name: string, content: Uint8Array): Promise<StageFile> {
    if (content.byteLength > MAX_EDIT_BYTES) throw new SandboxError(413, `A file may hold at most ${MAX_EDIT_BYTES} bytes.`);
    const files = await this.filesFor(stage);
    existing(files, name);
    files.put(name, { bytes: new Uint8Array(content), mtimeMs: this.now() });
    return describe(files, name);
  }

  async touch(stage: string, name: string): Promise<StageFile> {
    const files = await this.filesFor(stage);
    files.put(name, { bytes: existing(files, name).bytes, mtimeMs: this.now() });
    return describe(files, name);
  }

  async rewriteSameMtime(stage: string, name: string): Promise<StageFile> {
    const files = await this.filesFor(stage);
    const file = existing(files, name);
    if (!contentTypeFor(name).includes('charset')) throw new SandboxError(400, `${name} is not a text file.`);
    const bytes = file.bytes.slice();
    if (!switchLastLetterCase(bytes)) throw new SandboxError(400, `${name} has no letter to change.`);
    files.put(name, { bytes, mtimeMs: file.mtimeMs });
    return describe(files, name);
  }

  async reset(stage: string): Promise<StageFile[]> {
    checkStageName(stage);
    const fresh = await this.makeCopy(stage);
    this.current.set(stage, Promise.resolve(fresh));
    return describeAll(fresh);
  }

  async dispose(): Promise<void> {
    this.current.clear();
  }

  private filesFor(stage: string): Promise<MemoryFiles> {
    checkStageName(stage);
    let files = this.current.get(stage);
    if (!files) {
      files = this.makeCopy(stage);
      this.current.set(stage, files);
    }
    return files;
  }

  private async makeCopy(stage: string): Promise<MemoryFiles> {
    const files = new MemoryFiles(this.samples);
    await this.prepare(stage, files);
    return files;
  }
}

function existing(files: MemoryFiles, name: string): MemoryFile {
  if (!FILE_NAME.test(name)) {
    throw new SandboxError(400, 'A file name is letters, digits, ".", "_" and "-", and starts with a letter or digit.');
  }
  const file = files.get(name);
  if (!file) throw new SandboxError(404, `There is no file named ${name}.`);
  return file;
}

function describe(files: MemoryFiles, name: string): StageFile {
  const file = files.get(name)!;
  return { name, size: file.bytes.byteLength, mtime: file.mtimeMs };
}

async function describeAll(files: MemoryFiles): Promise<StageFile[]> {
  return (await files.names()).filter((name) => FILE_NAME.test(name)).map((name) => describe(files, name));
}
