// The pretend Windows disk reads names as Windows does, where it matters for the seed, and holds
// nothing real outside the served folder.
import { describe, expect, it } from 'vitest';
import { respond } from '../http/respond';
import { diskStore } from './disk-store';
import { SAMPLES_DIR } from './sandbox';
import { FAKE_BACKUP, FAKE_SECRET, windowsPath, WindowsDisk } from './windows-disk';

const disk = new WindowsDisk(diskStore(SAMPLES_DIR));
const read = async (p: string) => respond(200, {}, await disk.read(p)).text();

describe('windowsPath: a path as Windows would open it', () => {
  it.each([
    ['C:\\FreezerBurn\\monitor\\..\\secret.txt', 'C:\\FreezerBurn\\secret.txt'],
    ['C:/FreezerBurn/monitor/../secret.txt', 'C:\\FreezerBurn\\secret.txt'],
    ['C:\\FreezerBurn\\monitor\\..\\secret.txt.', 'C:\\FreezerBurn\\secret.txt'],
    ['C:\\FreezerBurn\\monitor\\..\\secret.txt . .', 'C:\\FreezerBurn\\secret.txt'],
    ['C:\\FreezerBurn\\monitor\\..\\secret.txt::$DATA', 'C:\\FreezerBurn\\secret.txt'],
    ['C:\\FreezerBurn\\monitor\\..\\secret.txt::$data', 'C:\\FreezerBurn\\secret.txt'],
    ['C:\\FreezerBurn.\\secret.txt', 'C:\\FreezerBurn\\secret.txt'],
    ['C:\\FreezerBurn\\PASSWO~1.TXT', 'C:\\FreezerBurn\\passwords-backup.txt'],
    ['C:\\freeze~1\\passwo~1.txt', 'C:\\FreezerBurn\\passwords-backup.txt'],
    ['C:\\FreezerBurn\\monitor\\monitor.css', 'C:\\FreezerBurn\\monitor\\monitor.css'],
  ])('%s opens %s', (input, expected) => {
    expect(windowsPath(input)).toBe(expected);
  });

  it.each(['C:\\FreezerBurn\\secret.txt:hidden', 'C:\\FreezerBurn\\monitor\\NUL', 'C:\\FreezerBurn\\monitor\\nul.txt', 'C:\\FreezerBurn\\monitor\\con .txt', 'C:\\FreezerBurn\\monitor\\COM1'])(
    '%s names nothing on this disk (a named stream, a device: not ported)',
    (input) => {
      expect(windowsPath(input)).toBeNull();
    },
  );
});

describe('WindowsDisk', () => {
  it('finds the fake files by their Windows spellings, case, trailing dots, streams and 8.3 aliases', async () => {
    for (const p of ['C:\\FreezerBurn\\secret.txt', 'c:\\freezerburn\\SECRET.TXT', 'C:\\FreezerBurn\\monitor\\..\\secret.txt. ', 'C:\\FreezerBurn\\secret.txt::$DATA']) {
      expect(await read(p), p).toBe(FAKE_SECRET);
    }
    expect(await read('C:\\FreezerBurn\\PASSWO~1.TXT')).toBe(FAKE_BACKUP);
    expect(await read('C:\\FreezerBurn\\passwords-backup.txt')).toBe(FAKE_BACKUP);
  });

  it('serves the real monitor folder, names matched without regard to case or trailing dots', async () => {
    expect(await disk.exists('C:\\FreezerBurn\\monitor\\MONITOR.CSS')).toBe(true);
    expect(await disk.exists('C:\\FreezerBurn\\monitor\\monitor.css.')).toBe(true);
    expect(await disk.exists('C:\\FreezerBurn\\monitor\\monitor.css::$DATA')).toBe(true);
  });

  it('lists the pretend folders by their long names', async () => {
    expect(await disk.list('C:\\')).toEqual(['FreezerBurn']);
    expect(await disk.list('C:\\FreezerBurn')).toEqual(['monitor', 'passwords-backup.txt', 'secret.txt']);
  });

  it('holds nothing else: not the real disk, not another drive, not a UNC share, not a device', async () => {
    for (const p of ['C:\\Windows\\win.ini', 'C:\\FreezerBurn\\monitor\\..\\..\\..\\etc\\passwd', 'D:\\secret.txt', '\\\\server\\share\\secret.txt', 'C:\\FreezerBurn\\monitor\\CON', '/etc/passwd']) {
      expect(await disk.exists(p), p).toBe(false);
    }
  });
});
