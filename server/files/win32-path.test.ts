import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { win32Resolve } from './win32-path';

describe('win32Resolve', () => {
  it('resolves an absolute C: path exactly as node\'s path.win32.resolve does', () => {
    const word = fc.constantFrom('.', '..', 'FreezerBurn', 'monitor', 'MONITOR', 'secret.txt', 'a b', '');
    const separator = fc.constantFrom('\\', '/', '\\\\', '/\\');
    fc.assert(
      fc.property(fc.constantFrom('C:', 'c:'), fc.array(fc.tuple(separator, word), { maxLength: 8 }), fc.boolean(), (drive, parts, trailing) => {
        const winPath = drive + parts.map(([s, w]) => s + w).join('') + (trailing ? '\\' : '') || drive + '\\';
        const input = /^[A-Za-z]:[\\/]/.test(winPath) ? winPath : drive + '\\' + winPath.slice(2);
        expect(win32Resolve(input)).toBe(path.win32.resolve(input));
      }),
      { numRuns: 2000 },
    );
  });
  it('climbs no higher than the drive\'s root', () => {
    expect(win32Resolve('C:\\FreezerBurn\\monitor\\..\\..\\..\\secret.txt')).toBe('C:\\secret.txt');
  });
});
