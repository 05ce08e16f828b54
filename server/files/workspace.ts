// The experiments on a stage's files (list, edit, touch, rewrite in the same tick, reset), as the
// course app asks for them, and the store each stage serves. Two implementations: the Sandbox
// (copies on disk, sandbox.ts) and the MemoryWorkspace (the samples in memory, for the static
// build). No node: imports here: the static build runs the course app in the browser.
import type { StageFile } from '../../common/stage-file';
import type { FileStore } from './store';

export interface Workspace {
  /** The files the stage serves now; the same object until a reset replaces the copy. */
  storeFor(stage: string): Promise<FileStore>;
  /** The same store when the copy is ready, at once; undefined while it is being made (or unknown). */
  currentStore?(stage: string): FileStore | undefined;
  list(stage: string): Promise<StageFile[]>;
  /** Replaces the content of an existing file. */
  edit(stage: string, name: string, content: Uint8Array): Promise<StageFile>;
  /** A new mtime (now), the same bytes: what `touch` does. */
  touch(stage: string, name: string): Promise<StageFile>;
  /** New bytes of the same size, the mtime kept: a second edit in the same clock tick. */
  rewriteSameMtime(stage: string, name: string): Promise<StageFile>;
  /** A fresh copy of the samples. */
  reset(stage: string): Promise<StageFile[]>;
  dispose(): Promise<void>;
}

/** Experiments may only name a plain file of the samples: no folders, no dotfiles. */
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const MAX_EDIT_BYTES = 256 * 1024;

export class SandboxError extends Error {
  constructor(readonly status: 400 | 404 | 413, message: string) {
    super(message);
  }
}

export function checkStageName(stage: string): void {
  if (!FILE_NAME.test(stage)) throw new SandboxError(400, `Not a stage name: ${stage}`);
}

/** Switches the case of the last ASCII letter in place; false when there is none. */
export function switchLastLetterCase(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const byte = bytes[i]!;
    const isLetter = (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    if (isLetter) {
      bytes[i] = byte ^ 0x20;
      return true;
    }
  }
  return false;
}
