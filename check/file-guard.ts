// The file behind the URL, changed by the --file cases and always put back: same bytes, same
// modification time. A copy is kept in the temp folder while the file is changed, and the
// original is restored when a case ends, when the run ends, fails or is interrupted (Ctrl-C,
// SIGTERM), and on process exit. If even that fails, the message says where the copy is.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class FileGuard {
  readonly original: Buffer;
  readonly backup: string;
  // Seconds with their fraction (a Date would keep whole milliseconds only).
  private readonly atime: number;
  private readonly mtime: number;
  private dirty = false;
  private readonly onExit = () => this.close();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.close();
    console.error(`\n${signal}: ${this.file} restored.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  constructor(readonly file: string, options: { handleSignals: boolean }) {
    this.original = readFileSync(file);
    const stat = statSync(file);
    this.atime = stat.atimeMs / 1000;
    this.mtime = stat.mtimeMs / 1000;
    this.backup = path.join(os.tmpdir(), `cachecraft-check-${process.pid}-${path.basename(file)}`);
    writeFileSync(this.backup, this.original);
    process.on('exit', this.onExit);
    if (options.handleSignals) {
      process.once('SIGINT', this.onSignal);
      process.once('SIGTERM', this.onSignal);
    }
  }

  /** Replaces the file's content (truncate and write in place: same inode, as an editor saving would). */
  write(bytes: Uint8Array): void {
    this.dirty = true;
    writeFileSync(this.file, bytes);
  }

  mtimeMs(): number {
    return statSync(this.file).mtimeMs;
  }

  /** Puts back the original bytes and times. Synchronous, so it also runs in an exit handler. */
  restore(): void {
    if (!this.dirty) return;
    try {
      writeFileSync(this.file, this.original);
      utimesSync(this.file, this.atime, this.mtime);
      this.dirty = false;
    } catch (error) {
      console.error(`could not restore ${this.file} (${(error as Error).message}); its original content is in ${this.backup}`);
      throw error;
    }
  }

  /** Restores, removes the copy and the handlers. */
  close(): void {
    this.restore();
    rmSync(this.backup, { force: true });
    process.off('exit', this.onExit);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}
