import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequestPath } from './request-path';

describe('checkRequestPath', () => {
  it('decodes each segment once', () => {
    expect(checkRequestPath('/my%20file.css')).toEqual({ ok: true, segments: ['my file.css'] });
    expect(checkRequestPath('/a/%2541')).toEqual({ ok: true, segments: ['a', '%41'] });
  });
  it('serves the index file of a folder path', () => {
    expect(checkRequestPath('/')).toEqual({ ok: true, segments: ['index.html'] });
    expect(checkRequestPath('/docs/')).toEqual({ ok: true, segments: ['docs', 'index.html'] });
  });
  it.each([
    ['/%2e%2e/secret.txt', 400],
    ['/a/..', 400],
    ['/..%2fsecret.txt', 400],
    ['/..%5Csecret.txt', 400],
    ['/a%00.css', 400],
    ['/%E0%A4%A', 400],
    ['no-slash', 400],
    ['/.env', 404],
    ['/.git/config', 404],
    ['/a//b', 404],
  ])('refuses %s with %i', (path, status) => {
    const check = checkRequestPath(path);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.status).toBe(status);
  });
  it('never throws, and never lets through a segment that climbs, hides or separates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const check = checkRequestPath('/' + text);
        if (!check.ok) return true;
        return check.segments.every((s) => s !== '' && !s.startsWith('.') && !/[\\/\0]/.test(s));
      }),
    );
  });
});
