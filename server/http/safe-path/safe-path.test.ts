// The safe resolver, rule by rule, then as a whole, then as properties over any target.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInside } from './containment';
import { decodeSegments } from './decode';
import { isDotfile } from './dotfiles';
import { safePath } from './index';
import { climbsOut, normalise } from './normalise';
import { refuseSeparators } from './separators';
import { targetPath } from './target-path';
import { windowsUnsafe } from './windows-names';

const status = (target: string) => {
  const result = safePath(target);
  return result.ok ? 200 : result.status;
};

describe('targetPath (rule 0)', () => {
  it.each([
    ['/a/b?x=1', '/a/b'],
    ['/a/b', '/a/b'],
    ['/?x', '/'],
    ['http://host/a?x', '/a'],
    ['HTTPS://host:8443/a/b', '/a/b'],
    ['http://host', '/'],
    ['http://host?x', '/'],
    ['//server/share', '//server/share'],
  ])('%s has the path %s', (target, expected) => {
    expect(targetPath(target)).toEqual({ ok: true, path: expected });
  });

  it.each(['*', 'monitor.css', 'C:\\FreezerBurn\\secret.txt', 'c:foo', '\\\\server\\share', 'file:///etc/passwd', 'ftp://h/x', '', '/a#b', 'http://h/a#b'])(
    'refuses %s with 400',
    (target) => {
      expect(targetPath(target)).toMatchObject({ ok: false, status: 400 });
    },
  );
});

describe('decodeSegments (rule 1)', () => {
  it('splits on "/" first, then decodes each segment once', () => {
    expect(decodeSegments('/my%20file.css')).toEqual({ ok: true, segments: ['my file.css'] });
    expect(decodeSegments('/a%2fb/c')).toEqual({ ok: true, segments: ['a/b', 'c'] });
    expect(decodeSegments('/%2e%2e/x')).toEqual({ ok: true, segments: ['..', 'x'] });
    expect(decodeSegments('/')).toEqual({ ok: true, segments: [''] });
    expect(decodeSegments('/a/')).toEqual({ ok: true, segments: ['a', ''] });
  });
  it('never decodes twice: %252e is the three characters "%2e"', () => {
    expect(decodeSegments('/%252e%252e/%252fx')).toEqual({ ok: true, segments: ['%2e%2e', '%2fx'] });
  });
  it.each(['/%', '/%zz', '/a%2', '/%E0%A4%A', '/%c0%ae%c0%ae', '/%c0%af', '/%e0%80%ae', '/%ff', '/%80', '/%ed%a0%80'])(
    'refuses %s with 400 (broken, or not UTF-8: overlong forms included)',
    (path) => {
      expect(decodeSegments(path)).toMatchObject({ ok: false, status: 400 });
    },
  );
  it('takes UTF-8 as it is', () => {
    expect(decodeSegments('/caf%C3%A9')).toEqual({ ok: true, segments: ['café'] });
  });
});

describe('refuseSeparators (rule 2)', () => {
  it.each([['a\0b'], ['a\x01'], ['\x1f'], ['\x7f'], ['..\\x'], ['a/b'], ['x\\']])('refuses %j with 400', (segment) => {
    expect(refuseSeparators(['ok', segment])).toMatchObject({ ok: false, status: 400 });
  });
  it('lets plain names through', () => {
    expect(refuseSeparators(['a', 'b c', 'é', '..', '.', ''])).toBeNull();
  });
});

describe('normalise and climbsOut (rules 3 and 4)', () => {
  it.each([
    [['a', '..', 'b'], ['b'], false],
    [['a', '.', 'b'], ['a', 'b'], false],
    [['a', '', 'b'], ['a', 'b'], false],
    [['', 'a'], ['a'], false],
    [['a', ''], ['a'], true],
    [['a', '.'], ['a'], true],
    [['a', 'b', '..'], ['a'], true],
    [[''], [], true],
    [['..', 'x'], ['..', 'x'], false],
    [['a', '..', '..', 'x'], ['..', 'x'], false],
    [['..', '..', 'a', '..'], ['..', '..'], true],
  ])('%j is %j (folder: %s)', (input, segments, folder) => {
    expect(normalise(input)).toEqual({ segments, folder });
  });
  it('says a leading ".." climbs out, and nothing else does', () => {
    expect(climbsOut(['..', 'x'])).toBe(true);
    expect(climbsOut(['x', '..'])).toBe(false); // never left by normalise, but not a climb
    expect(climbsOut(['..x'])).toBe(false);
    expect(climbsOut([])).toBe(false);
  });
});

describe('windowsUnsafe (rule 5)', () => {
  it.each([
    'C:', 'c:foo', 'secret.txt::$DATA', 'secret.txt:stream', 'a:b:$DATA', 'a<b', 'a>b', 'a"b', 'a|b', 'a?b', 'a*b',
    'secret.txt.', 'secret.txt ', 'secret.txt  ', 'secret.txt. .', 'x...',
    'CON', 'con', 'Con', 'PRN', 'AUX', 'NUL', 'nul.txt', 'NUL.tar.gz', 'nul .txt', 'CON ', 'COM1', 'com9', 'COM0', 'LPT1', 'lpt9.log', 'COM¹', 'LPT³',
    'PASSWO~1.TXT', 'passwo~1.txt', 'SECRET~1.TXT', 'PROGRA~2', 'A~10.B',
  ])('refuses %j', (segment) => {
    expect(windowsUnsafe(segment)).not.toBeNull();
  });
  it.each(['secret.txt', 'monitor.css', 'CONSOLE.txt', 'conf', 'nullable.js', 'COM10', 'LPT', 'com', 'aux-notes.md', 'a~b', '~', 'a b.txt', 'é.txt', '.env', '.a.'.slice(0, 2)])(
    'lets %j through',
    (segment) => {
      expect(windowsUnsafe(segment)).toBeNull();
    },
  );
});

describe('isDotfile (rule 6)', () => {
  it('hides any segment starting with "."', () => {
    expect(isDotfile(['.env'])).toBe(true);
    expect(isDotfile(['.git', 'config'])).toBe(true);
    expect(isDotfile(['a', '.htpasswd'])).toBe(true);
    expect(isDotfile(['a.b', 'c.'])).toBe(false);
    expect(isDotfile(['monitor.css'])).toBe(false);
  });
});

describe('isInside', () => {
  it('compares real paths, not string prefixes (POSIX)', () => {
    const posix = path.posix;
    expect(isInside('/srv/site', '/srv/site', posix)).toBe(true);
    expect(isInside('/srv/site', '/srv/site/a/b', posix)).toBe(true);
    expect(isInside('/srv/site', '/srv/site2/a', posix)).toBe(false);
    expect(isInside('/srv/site', '/srv/secret.txt', posix)).toBe(false);
    expect(isInside('/srv/site', '/srv/site/..x', posix)).toBe(true); // a file named "..x"
    expect(isInside('/srv/site', '/', posix)).toBe(false);
  });
  it('follows Windows rules with path.win32: case, drives, UNC', () => {
    const win = path.win32;
    expect(isInside('C:\\Site', 'c:\\site\\a.txt', win)).toBe(true);
    expect(isInside('C:\\Site', 'C:\\Site2\\a.txt', win)).toBe(false);
    expect(isInside('C:\\Site', 'D:\\Site\\a.txt', win)).toBe(false);
    expect(isInside('C:\\Site', '\\\\server\\share\\a.txt', win)).toBe(false);
    expect(isInside('C:\\Site', 'C:\\FreezerBurn\\secret.txt', win)).toBe(false);
  });
});

describe('safePath: the rules in order', () => {
  it.each([
    ['/', [], true],
    ['/monitor.css', ['monitor.css'], false],
    ['/monitor.css?v=2', ['monitor.css'], false],
    ['http://h/monitor.css', ['monitor.css'], false],
    ['/css/', ['css'], true],
    ['/a/../monitor.css', ['monitor.css'], false],
    ['/a/%2e%2e/monitor.css', ['monitor.css'], false],
    ['//monitor.css', ['monitor.css'], false],
    ['/my%20file.css', ['my file.css'], false],
    ['/%252e%252e/x', ['%2e%2e', 'x'], false],
  ])('%s is %j (folder: %s)', (target, segments, folder) => {
    expect(safePath(target)).toEqual({ ok: true, segments, folder });
  });

  it.each([
    // 400: not a path, broken, a separator or NUL, a climb
    ['*', 400], ['C:\\x', 400], ['/a#b', 400], ['/%', 400], ['/%c0%ae%c0%ae/secret.txt', 400],
    ['/..\\secret.txt', 400], ['/..%5csecret.txt', 400], ['/..%2fsecret.txt', 400], ['/a%00.css', 400],
    ['/../secret.txt', 400], ['/%2e%2e/secret.txt', 400], ['/a/../../secret.txt', 400], ['/..', 400],
    ['/\\\\server\\share', 400], ['/%5c%5c.%5cCON', 400],
    // 404: Windows names, dotfiles
    ['/C:/FreezerBurn/secret.txt', 404], ['/secret.txt::$DATA', 404], ['/secret.txt.', 404], ['/secret.txt%20', 404],
    ['/nul.txt', 404], ['/CON', 404], ['/PASSWO~1.TXT', 404], ['/.env', 404], ['/.git/config', 404], ['/%2egit/config', 404],
    ['/a/.../x', 404],
  ])('%s is refused with %i', (target, expected) => {
    expect(status(target)).toBe(expected);
  });

  it('checks separators before it normalises: "/a%2f..%2f..%2fx" is refused, not resolved', () => {
    expect(status('/a%2f..%2f..%2fsecret.txt')).toBe(400);
  });
});

// Targets built from the pieces traversal is made of.
const piece = fc.constantFrom('/', '\\', '.', '..', '%2e', '%2E', '%2f', '%5c', '%25', '%00', '%c0%ae', ':', '$DATA', '~1', 'C:', 'con', ' ', 'a', 'secret.txt', '?', '#', '%20', '%');
const target = fc.array(piece, { maxLength: 12 }).map((parts) => '/' + parts.join(''));

describe('safePath: properties', () => {
  it('never throws, and answers only 400 or 404 when it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(target, fc.string({ maxLength: 40 })), (t) => {
        const result = safePath(t);
        if (!result.ok) expect([400, 404]).toContain(result.status);
      }),
      { numRuns: 3000 },
    );
  });

  it('whatever it accepts stays inside the root, joined by POSIX or by Windows rules', () => {
    const roots = { posix: '/srv/site', win32: 'C:\\FreezerBurn\\monitor' } as const;
    fc.assert(
      fc.property(target, (t) => {
        const result = safePath(t);
        if (!result.ok) return;
        for (const rules of [path.posix, path.win32]) {
          const root = rules === path.posix ? roots.posix : roots.win32;
          const joined = rules.join(root, ...result.segments);
          expect(isInside(root, rules.resolve(joined), rules), `${t} on ${rules === path.posix ? 'POSIX' : 'Windows'}`).toBe(true);
          // Windows reads each segment as the very name it is: no drive, stream, device, trim.
          expect(rules.basename(joined)).toBe(result.segments.at(-1) ?? rules.basename(root));
        }
        for (const segment of result.segments) {
          expect(segment).not.toMatch(/^\.|[\\/:\0]|[. ]$/);
          expect(windowsUnsafe(segment)).toBeNull();
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes once: any plain name, percent-encoded once, comes back as itself', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s !== '.' && s !== '..');
    fc.assert(
      fc.property(name, (n) => {
        const result = safePath('/' + encodeURIComponent(n));
        if (result.ok) expect(result.segments).toEqual([n]);
      }),
      { numRuns: 2000 },
    );
  });
});
