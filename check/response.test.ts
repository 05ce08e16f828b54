import { describe, expect, it } from 'vitest';
import { header, headerValues, isComplete, NotHttp, parseResponse } from './response';

const parse = (raw: string, method = 'GET') => parseResponse(Buffer.from(raw, 'latin1'), method);

describe('parseResponse', () => {
  it('reads the status, the fields in order, and a Content-Length body', () => {
    const r = parse('HTTP/1.1 200 OK\r\nETag: "a"\r\nContent-Length: 3\r\nVary: x\r\nvary: y\r\n\r\nabc');
    expect(r.statusLine).toBe('HTTP/1.1 200 OK');
    expect(r.status).toBe(200);
    expect(r.fields).toEqual([['ETag', '"a"'], ['Content-Length', '3'], ['Vary', 'x'], ['vary', 'y']]);
    expect(r.body.toString()).toBe('abc');
    expect(r.extra.length).toBe(0);
    expect(header(r.fields, 'etag')).toBe('"a"');
    expect(headerValues(r.fields, 'VARY')).toEqual(['x', 'y']);
  });
  it('decodes a chunked body, with trailers', () => {
    const r = parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n');
    expect(r.body.toString()).toBe('abcde');
    expect(r.extra.length).toBe(0);
  });
  it('reads up to the close when there is no length', () => {
    expect(parse('HTTP/1.0 200 OK\r\n\r\nall of it').body.toString()).toBe('all of it');
  });
  it('counts whatever follows a 304, a 204 or the head of a HEAD as extra, never as content', () => {
    expect(parse('HTTP/1.1 304 Not Modified\r\nDate: x\r\n\r\noops').extra.toString()).toBe('oops');
    expect(parse('HTTP/1.1 204 No Content\r\n\r\n').extra.length).toBe(0);
    const head = parse('HTTP/1.1 200 OK\r\nContent-Length: 615\r\n\r\nbody', 'HEAD');
    expect(head.body.length).toBe(0);
    expect(head.extra.toString()).toBe('body');
  });
  it('counts bytes beyond Content-Length as extra', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabcd').extra.toString()).toBe('cd');
  });
  it('skips interim 1xx answers', () => {
    expect(parse('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\n').status).toBe(304);
  });
  it('refuses what is not HTTP, or stops before the end of the header section', () => {
    expect(() => parse('')).toThrow(NotHttp);
    expect(() => parse('SSH-2.0-OpenSSH\r\n\r\n')).toThrow(/not an HTTP status line/);
    expect(() => parse('HTTP/1.1 200 OK\r\nDate: x\r\n')).toThrow(/no complete header section/);
  });
});

describe('isComplete', () => {
  const complete = (raw: string, method = 'GET') => isComplete(Buffer.from(raw, 'latin1'), method);
  it('is true once the header section and the announced body are in', () => {
    expect(complete('HTTP/1.1 304 Not Modified\r\nETag: "a"\r\n\r\n')).toBe(true);
    expect(complete('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n', 'HEAD')).toBe(true);
    expect(complete('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc')).toBe(true);
    expect(complete('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n')).toBe(true);
    expect(complete('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\n')).toBe(true);
  });
  it('is false before that, and for a body that only the close can end', () => {
    expect(complete('HTTP/1.1 304 Not Modified\r\nETag: "a"\r\n')).toBe(false);
    expect(complete('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nab')).toBe(false);
    expect(complete('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n')).toBe(false);
    expect(complete('HTTP/1.0 200 OK\r\n\r\nall of it')).toBe(false);
    expect(complete('HTTP/1.1 100 Continue\r\n\r\n')).toBe(false);
  });
});
