// The 2008 server ran on Windows and built its paths with '\\'. To run it here bug for bug it
// gets a small pretend Windows disk:
//
//   C:\FreezerBurn\              a folder holding only secret.txt, a FAKE secret
//   C:\FreezerBurn\monitor\      the real folder the stage serves (its root)
//
// Paths resolve as Windows resolves them ('..' climbs, '/' and '\' both separate, case does not
// matter). Nothing else exists on this disk, so whatever the seed's path bugs do, they can find
// the fake secret but never a real file outside the root.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { WrittenBody } from '../http/respond';
import { fileBody, isMissing } from './disk';

export const FREEZERBURN_DIR = 'C:\\FreezerBurn';
export const MONITOR_PATH = 'C:\\FreezerBurn\\monitor';
export const FAKE_SECRET_PATH = 'C:\\FreezerBurn\\secret.txt';
export const FAKE_SECRET = 'FAKE SECRET for the path-stripping lesson: db_password=hunter2\n';

type Entry =
  | { kind: 'folder' }
  | { kind: 'file'; size: number; mtimeMs: number; read: () => Promise<WrittenBody> };

const secretBytes = new TextEncoder().encode(FAKE_SECRET);
const SECRET_MTIME = Date.UTC(2008, 2, 19, 15, 32, 0);

export class WindowsDisk {
  constructor(private readonly monitorDir: string) {}

  /** Python's os.path.exists: true for files and folders alike. */
  async exists(winPath: string): Promise<boolean> {
    return (await this.lookup(winPath)) !== null;
  }

  /** os.stat: size and mtime (a folder has size 0). */
  async stat(winPath: string): Promise<{ size: number; mtimeMs: number }> {
    const entry = await this.lookup(winPath);
    if (!entry) throw new Error(`WindowsError: [Error 2] The system cannot find the file specified: '${winPath}'`);
    return entry.kind === 'file' ? { size: entry.size, mtimeMs: entry.mtimeMs } : { size: 0, mtimeMs: SECRET_MTIME };
  }

  /** open(path, 'rb') and read it all: opening a folder fails, as it does on Windows. */
  async read(winPath: string): Promise<WrittenBody> {
    const entry = await this.lookup(winPath);
    if (!entry) throw new Error(`IOError: [Errno 2] No such file or directory: '${winPath}'`);
    if (entry.kind === 'folder') throw new Error(`IOError: [Errno 13] Permission denied: '${winPath}'`);
    return entry.read();
  }

  private async lookup(winPath: string): Promise<Entry | null> {
    const resolved = path.win32.resolve(winPath).toLowerCase();
    const lower = (p: string) => p.toLowerCase();
    if (resolved === 'c:\\' || resolved === lower(FREEZERBURN_DIR) || resolved === lower(MONITOR_PATH)) {
      return { kind: 'folder' };
    }
    if (resolved === lower(FAKE_SECRET_PATH)) {
      return { kind: 'file', size: secretBytes.length, mtimeMs: SECRET_MTIME, read: async () => secretBytes };
    }
    if (!resolved.startsWith(lower(MONITOR_PATH) + '\\')) return null;

    const relative = path.win32.resolve(winPath).slice(MONITOR_PATH.length + 1).split('\\');
    return this.lookupInMonitor(relative);
  }

  /** A real file below the monitor folder; symlinks may not lead out of it. */
  private async lookupInMonitor(segments: string[]): Promise<Entry | null> {
    try {
      const root = await realpath(this.monitorDir);
      const real = await realpath(path.join(root, ...segments));
      if (real !== root && !real.startsWith(root + path.sep)) return null;
      const info = await stat(real);
      if (info.isDirectory()) return { kind: 'folder' };
      if (!info.isFile()) return null;
      const name = segments[segments.length - 1] ?? '';
      const found = { path: real, name, size: info.size, mtimeMs: info.mtimeMs };
      return { kind: 'file', size: info.size, mtimeMs: info.mtimeMs, read: async () => fileBody(found) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }
}
