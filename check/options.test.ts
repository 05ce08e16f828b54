import { describe, expect, it } from 'vitest';
import { parseOptions } from './options';
import { buildRequest, describeSent } from './request';
import { CheckError, parseTarget } from './target';

describe('parseOptions', () => {
  it('reads the URL and the options, in any order', () => {
    expect(parseOptions(['--json', 'http://h/x', '--file', 'a.css', '--timeout', '900'])).toEqual({ url: 'http://h/x', file: 'a.css', json: true, timeoutMs: 900, help: false });
    expect(parseOptions(['--help']).help).toBe(true);
  });
  it('refuses what it cannot use, with a message', () => {
    expect(() => parseOptions([])).toThrow(/give the URL/);
    expect(() => parseOptions(['http://a/', 'http://b/'])).toThrow(/one URL only/);
    expect(() => parseOptions(['http://a/', '--file'])).toThrow(/--file needs a value/);
    expect(() => parseOptions(['http://a/', '--timeout', '-1'])).toThrow(/milliseconds/);
    expect(() => parseOptions(['http://a/', '--nope'])).toThrow(CheckError);
  });
});

describe('parseTarget', () => {
  it('connects where the URL says and sends its path and query', () => {
    expect(parseTarget('http://127.0.0.1:8080/ch/seed/monitor.css?v=1')).toMatchObject({ host: '127.0.0.1', port: 8080, path: '/ch/seed/monitor.css?v=1', authority: '127.0.0.1:8080' });
    expect(parseTarget('http://example.com')).toMatchObject({ host: 'example.com', port: 80, path: '/', authority: 'example.com' });
    expect(parseTarget('http://[::1]:3000/a')).toMatchObject({ host: '::1', port: 3000, authority: '[::1]:3000' });
  });
  it('says plainly what is wrong with a URL it cannot use', () => {
    expect(() => parseTarget('127.0.0.1:3000/x')).toThrow(/not an http URL|not a URL/);
    expect(() => parseTarget('monitor.css')).toThrow(/not a URL/);
    expect(() => parseTarget('https://example.com/')).toThrow(/https is not supported/);
    expect(() => parseTarget('ftp://example.com/')).toThrow(/not an http URL/);
  });
});

describe('buildRequest', () => {
  it('writes exactly the request line, Host, the fixed fields and the case\'s own, each on its line', () => {
    const target = parseTarget('http://127.0.0.1:3000/a.css');
    const spec = { method: 'GET' as const, fields: [['If-None-Match', '"a"'], ['If-None-Match', '"b"']] as const };
    expect(buildRequest(target, spec)).toBe('GET /a.css HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nUser-Agent: cachecraft-check\r\nConnection: close\r\nIf-None-Match: "a"\r\nIf-None-Match: "b"\r\n\r\n');
    expect(describeSent(spec)).toBe('GET · If-None-Match: "a" · If-None-Match: "b"');
  });
});
