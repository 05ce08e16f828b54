// What chapter 6 says about parsers and paths, checked: the WHATWG URL parser (node's URL is an
// implementation of it, as the browser's is; e2e/playground-path.test.ts checks Chromium's),
// UTF-8 decoding, Windows path rules (node's path.win32), and the one 200 of the safe stage.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safePath } from '../../server/http/safe-path';

const pathOf = (target: string) => new URL(target, 'http://cachecraft.invalid').pathname;

describe('chapter 6: what a URL parser does before anything is sent', () => {
  it('removes dot segments, %2e forms included, and reads "\\" as "/" in an http URL', () => {
    expect(pathOf('/ch/seed/../secret.txt')).toBe('/ch/secret.txt');
    expect(pathOf('/ch/seed/%2e%2e/secret.txt')).toBe('/ch/secret.txt');
    expect(pathOf('/ch/seed/.%2E/secret.txt')).toBe('/ch/secret.txt');
    expect(pathOf('/ch/seed/..\\secret.txt')).toBe('/ch/secret.txt');
  });
});

describe('chapter 6: the resolver and the platform', () => {
  it('decodeURIComponent refuses the overlong "%c0%ae" (not UTF-8), so it never becomes "."', () => {
    expect(() => decodeURIComponent('%c0%ae')).toThrow(URIError);
    expect(safePath('/%c0%ae%c0%ae/secret.txt')).toMatchObject({ ok: false, status: 400 });
  });

  it('a segment with another drive is not relative to the root on Windows', () => {
    expect(path.win32.resolve('C:\\site', 'D:x').startsWith('D:\\')).toBe(true);
  });

  it('"//?/C:/…" is the path "//" with a query: the safe stage serves its own index', () => {
    expect(safePath('//?/C:/FreezerBurn/secret.txt')).toEqual({ ok: true, segments: [], folder: true });
  });
});
