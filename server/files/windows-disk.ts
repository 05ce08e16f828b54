// The 2008 server ran on Windows and built its paths with '\\'. To run it here bug for bug it
// gets a small pretend Windows disk:
//
//   C:\FreezerBurn\                       a folder holding monitor\ and two FAKE files:
//   C:\FreezerBurn\secret.txt             a FAKE secret
//   C:\FreezerBurn\passwords-backup.txt   a FAKE backup, whose 8.3 alias is PASSWO~1.TXT
//   C:\FreezerBurn\monitor\              the real folder the stage serves (its root)
//
// Nothing else exists on this disk, so whatever the seed's path bugs do, they can find the fake
// files but never a real file outside the root.
//
// Paths resolve as Windows resolves them (sources: Microsoft, "Naming Files, Paths, and
// Namespaces", https://learn.microsoft.com/windows/win32/fileio/naming-a-file; "File Streams",
// https://learn.microsoft.com/windows/win32/fileio/file-streams; ".NET: File path formats on
// Windows systems", https://learn.microsoft.com/dotnet/standard/io/file-path-formats):
//   - '..' climbs, '/' and '\' both separate (path.win32.resolve);
//   - names are case-insensitive: NTFS keeps the case a name was written with, but Windows finds
//     "MONITOR.CSS" when asked for "monitor.css" ("Do not assume case sensitivity");
//   - trailing dots and spaces are trimmed ("If the path doesn't end in a separator, all trailing
//     periods and spaces (U+0020) are removed"; a non-final segment ending in a single period
//     loses that period): "secret.txt. " opens secret.txt;
//   - "name::$DATA" is the file's default data stream, "the equivalent of" the file itself;
//     named streams ("name:s") exist on no file of this disk;
//   - an 8.3 alias opens the file it stands for. Windows "may" create one for a long name, and
//     how it is spelled is not given by those pages (they say only that it contains a tilde);
//     this disk has exactly two, listed in SHORT_NAMES (the usual spelling, inferred), and none
//     for the real files of the monitor folder.
//
// NOT PORTED: reserved device names. On Windows a path whose last name is CON, NUL, COM1, ...
// (an extension too, before Windows 11) opens a device, not a file. What Python 2.5's
// os.path.exists and open() then did (NUL reads as empty, CON waits on the console) is not
// something this course can source, so here such a name is simply not found. The drive-relative
// "C:foo" form and UNC paths ("\\server\share") resolve to places that do not exist here either.
//
// The disk sits on a FileStore (store.ts): the sandbox copy on disk, or the samples in memory
// in the static build. Windows' path rules are pure string work (win32-path.ts), not node:path,
// so that the seed runs in the browser too.
import { FAKE_BACKUP, FAKE_SECRET } from '../../common/fake-files';
import type { WrittenBody } from '../http/respond';
import type { FileStore } from './store';
import { win32Resolve } from './win32-path';

export { FAKE_BACKUP, FAKE_SECRET };
export const FREEZERBURN_DIR = 'C:\\FreezerBurn';
export const MONITOR_PATH = 'C:\\FreezerBurn\\monitor';
export const FAKE_SECRET_PATH = 'C:\\FreezerBurn\\secret.txt';
export const FAKE_BACKUP_PATH = 'C:\\FreezerBurn\\passwords-backup.txt';

/** The 8.3 aliases on the pretend disk: lower-case full path of the folder → alias → long name. */
const SHORT_NAMES: Record<string, Record<string, string>> = {
  'c:': { 'freeze~1': 'FreezerBurn' },
  'c:\\freezerburn': { 'passwo~1.txt': 'passwords-backup.txt' },
};

type Entry =
  | { kind: 'folder'; list: () => Promise<string[]> }
  | { kind: 'file'; size: number; mtimeMs: number; read: () => Promise<WrittenBody> };

const secretBytes = new TextEncoder().encode(FAKE_SECRET);
const backupBytes = new TextEncoder().encode(FAKE_BACKUP);
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
    const resolved = windowsPath(winPath);
    if (resolved === null) return null;
    const key = lower(resolved).replace(/\\+$/, '') || 'c:';
    if (key === 'c:') return pretendFolder(['FreezerBurn']);
    if (key === lower(FREEZERBURN_DIR)) return pretendFolder(['monitor', 'passwords-backup.txt', 'secret.txt']);
    if (key === lower(FAKE_SECRET_PATH)) return pretendFile(secretBytes);
    if (key === lower(FAKE_BACKUP_PATH)) return pretendFile(backupBytes);
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

function pretendFile(bytes: Uint8Array<ArrayBuffer>): Entry {
  return { kind: 'file', size: bytes.length, mtimeMs: PRETEND_MTIME, read: async () => bytes };
}

const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

// #region windows-path
/**
 * The path Windows would open for `winPath`, or null when it names nothing this disk can hold
 * (a device, a named stream, another drive's relative form). Resolved, then each name as
 * Windows reads it: "::$DATA" dropped, trailing dots and spaces trimmed, 8.3 aliases expanded.
 */
export function windowsPath(winPath: string): string | null {
  const resolved = win32Resolve(winPath);
  const root = /^[A-Za-z]:\\/.exec(resolved)?.[0] ?? ''; // "C:\\": every path the seed builds is on drive C
  const names = resolved.slice(root.length).split('\\').filter((name) => name !== '');
  const out: string[] = [];
  for (const [i, raw] of names.entries()) {
    const last = i === names.length - 1;
    let name = raw.replace(/::\$DATA$/i, ''); // the default stream is the file itself
    if (name.includes(':')) return null; // a named stream: none exists here
    name = last ? name.replace(/[. ]+$/, '') : name.replace(/([^.])\.$/, '$1');
    if (name === '') continue;
    if (DEVICE_NAME.test(name.split('.')[0]!.trimEnd())) return null; // NOT PORTED: devices
    const folder = lower(root + out.join('\\')).replace(/\\+$/, '');
    out.push(SHORT_NAMES[folder]?.[lower(name)] ?? name);
  }
  return root + out.join('\\');
}
// #endregion

function pretendFolder(names: string[]): Entry {
  return { kind: 'folder', list: async () => [...names] };
}
