import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sentUrl, shellQuote, toCurl } from './curl';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('curl')).toBe('curl');
    expect(shellQuote('http://localhost:5173/ch/seed/a.css')).toBe('http://localhost:5173/ch/seed/a.css');
    expect(shellQuote('If-None-Match: "x"')).toBe(`'If-None-Match: "x"'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
  });

  it('round-trips through a real shell', () => {
    const nasty = `a'b "c" $HOME \`x\` \\ ;|&`;
    const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(nasty)}`]).toString();
    expect(echoed).toBe(nasty);
  });
});

describe('toCurl', () => {
  it('writes method, headers and URL', () => {
    expect(
      toCurl({
        method: 'GET',
        url: 'http://localhost:5173/ch/last-modified/monitor.css',
        headers: [['If-Modified-Since', 'Tue, 25 Nov 2026 18:00:00 GMT']],
      }),
    ).toBe(`curl -i -H 'If-Modified-Since: Tue, 25 Nov 2026 18:00:00 GMT' http://localhost:5173/ch/last-modified/monitor.css`);
  });

  it('uses -X for other methods and -I for HEAD', () => {
    expect(toCurl({ method: 'DELETE', url: 'http://h/ch/s/a', headers: [] })).toBe('curl -i -X DELETE http://h/ch/s/a');
    expect(toCurl({ method: 'HEAD', url: 'http://h/ch/s/a', headers: [] })).toBe('curl -i -I http://h/ch/s/a');
  });

  it('quotes a URL with shell characters', () => {
    expect(toCurl({ method: 'GET', url: "http://h/ch/s/a b?x=1&y='2'", headers: [] })).toBe(
      `curl -i 'http://h/ch/s/a b?x=1&y='\\''2'\\'''`,
    );
  });
});

describe('sentUrl', () => {
  it('encodes the path as the browser sends it, and drops the fragment', () => {
    expect(sentUrl('http://h:1', '/ch/s/a b.txt')).toBe('http://h:1/ch/s/a%20b.txt');
    expect(sentUrl('http://h:1', '/ch/s/é?q=a b#frag')).toBe('http://h:1/ch/s/%C3%A9?q=a%20b');
    expect(sentUrl('http://h:1', '/ch/s/monitor.css')).toBe('http://h:1/ch/s/monitor.css');
  });

  it('gives a command curl accepts, with -g for brackets', () => {
    expect(toCurl({ method: 'GET', url: sentUrl('http://h', '/ch/s/a b.txt'), headers: [] })).toBe('curl -i http://h/ch/s/a%20b.txt');
    expect(toCurl({ method: 'GET', url: 'http://h/ch/s/[x].txt', headers: [] })).toBe(`curl -i -g 'http://h/ch/s/[x].txt'`);
  });
});
