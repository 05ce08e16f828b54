// The 2008 server ran on Windows and built its paths with '\\'. To run it here bug for bug it
// gets a small pretend Windows disk:
//
//   C:\FreezerBurn\              a folder holding only secret.txt, a FAKE secret, and monitor\
//   C:\FreezerBurn\monitor\      the real folder the stage serves (its root)
//
// Paths resolve as Windows resolves them: '..' climbs, '/' and '\' both separate, and names are
// case-insensitive (NTFS keeps the case a name was written with, but Windows finds "MONITOR.CSS"
// when asked for "monitor.css"). Nothing else exists on this disk, so whatever the seed's path
// bugs do, they can find the fake secret but never a real file outside the root.
//
// NOT PORTED: Windows' other name quirks (8.3 short names, trailing dots and spaces, "::$DATA"
// streams) are not simulated; the course does not claim anything about them.
//
// The disk sits on a FileStore (store.ts): the sandbox copy on disk, or the samples in memory
// in the static build. Windows' path rules are pure string work (win32-path.ts), not node:path,
// so that the seed runs in the browser too.
import type { WrittenBody } from '../http/respond';
import type { FileStore } from './store';
import { win32Resolve } from './win32-path';

export const FREEZERBURN_DIR = 'C:\\FreezerBurn';
export const MONITOR_PATH = 'C:\\FreezerBurn\\monitor';
export const FAKE_SECRET_PATH = 'C:\\FreezerBurn\\secret.txt';
export const FAKE_SECRET = 'FAKE SECRET for the path-stripping lesson: db_password=hunter2\n';

type Entry =
  | { kind: 'folder'; list: () => Promise<string[]> }
  | { kind: 'file'; size: number; mtimeMs: number; read: () => Promise<WrittenBody> };

const secretBytes = new TextEncoder().encode(FAKE_SECRET);
/** The time the pretend disk gives its own folders and the fake secret. */
const PRETEND_MTIME = Date.UTC(2008, 2, 19, 15, 32, 0);
const lower = (p: string) => p.toLowerCase();

export class WindowsDisk {
  constructor(private readonly files: FileStore) {}

  /** Python's os.path.exists: true for files and folders alike. */
  async exists(winPath: string): Promise<boolean> {
    return (await this.lookup(winPath)) !== null;
  }

  /** os.path.isdir. */
  async isDir(winPath: string): Promise<boolean> {
    return (await this.lookup(winPath))?.kind === 'folder';
  }

  /** os.stat: size and mtime (a folder has size 0, as NTFS reports it). */
  async stat(winPath: string): Promise<{ size: number; mtimeMs: number }> {
    const entry = await this.lookup(winPath);
    if (!entry) throw new Error(`WindowsError: [Error 2] The system cannot find the file specified: '${winPath}'`);
    return entry.kind === 'file' ? { size: entry.size, mtimeMs: entry.mtimeMs } : { size: 0, mtimeMs: PRETEND_MTIME };
  }

  /** open(path, 'rb') and read it all: opening a folder fails, as it does on Windows. */
  async read(winPath: string): Promise<WrittenBody> {
    const entry = await this.lookup(winPath);
    if (!entry) throw new Error(`IOError: [Errno 2] No such file or directory: '${winPath}'`);
    if (entry.kind === 'folder') throw new Error(`IOError: [Errno 13] Permission denied: '${winPath}'`);
    return entry.read();
  }

  /** os.listdir: the names in a folder, as they are spelled on disk. */
  async list(winPath: string): Promise<string[]> {
    const entry = await this.lookup(winPath);
    if (entry?.kind !== 'folder') throw new Error(`WindowsError: [Error 3] The system cannot find the path specified: '${winPath}'`);
    return entry.list();
  }

  private async lookup(winPath: string): Promise<Entry | null> {
    const resolved = win32Resolve(winPath);
    const key = lower(resolved).replace(/\\+$/, '') || 'c:';
    if (key === 'c:') return pretendFolder(['FreezerBurn']);
    if (key === lower(FREEZERBURN_DIR)) return pretendFolder(['monitor', 'secret.txt']);
    if (key === lower(FAKE_SECRET_PATH)) {
      return { kind: 'file', size: secretBytes.length, mtimeMs: PRETEND_MTIME, read: async () => secretBytes };
    }
    if (key !== lower(MONITOR_PATH) && !key.startsWith(lower(MONITOR_PATH) + '\\')) return null;

    const relative = resolved.slice(MONITOR_PATH.length + 1).split('\\').filter((s) => s !== '');
    return this.lookupInMonitor(relative);
  }

  /** A file or folder of the store below the monitor folder, names matched without regard to case. */
  private async lookupInMonitor(segments: string[]): Promise<Entry | null> {
    const here: string[] = [];
    for (const segment of segments) {
      const names = await this.files.list(here);
      if (names === null) return null;
      // The name as asked for if it exists so spelled, else the first that differs only in case.
      const name = names.includes(segment) ? segment : names.sort().find((n) => lower(n) === lower(segment));
      if (name === undefined) return null;
      here.push(name);
    }
    // The store follows symlinks only while they stay inside the root.
    const folder = await this.files.list(here);
    if (folder !== null) return { kind: 'folder', list: async () => folder };
    const found = await this.files.find(here);
    if (!found) return null;
    return { kind: 'file', size: found.size, mtimeMs: found.mtimeMs, read: async () => this.files.body(found) };
  }
}

function pretendFolder(names: string[]): Entry {
  return { kind: 'folder', list: async () => [...names] };
}
