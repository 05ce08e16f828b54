import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRange } from '../files/disk';
import { asWritten, respond, type FileBody } from './respond';

describe('respond with a file body', () => {
  let dir: string;
  let file: string;
  const bytes = Buffer.from('0123456789abcdefghij');
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'respond-'));
    file = path.join(dir, 'f.txt');
    await writeFile(file, bytes);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A real range of the file, counting how often its web stream is made. */
  const counted = (start: number, end: number) => {
    const range = fileRange(file, start, end);
    const body: FileBody & { streams: number } = {
      ...range,
      streams: 0,
      toWebStream: () => {
        body.streams++;
        return range.toWebStream();
      },
    };
    return body;
  };

  it('makes no web stream until the body is read (node pipes the file instead)', () => {
    const body = counted(0, bytes.length - 1);
    const response = respond(200, { 'Content-Length': String(bytes.length) }, body);
    expect(asWritten(response).body).toBe(body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.bodyUsed).toBe(false);
    expect(body.streams).toBe(0);
  });

  it('read in-process, it is the bytes of the range, once', async () => {
    const body = counted(2, 5);
    const response = respond(206, {}, body);
    expect(response).toBeInstanceOf(Response);
    expect(await response.text()).toBe('2345');
    expect(response.bodyUsed).toBe(true);
    await expect(response.arrayBuffer()).rejects.toThrow(TypeError); // a body is read once
    expect(body.streams).toBe(1);
  });

  it('offers the stream itself, and a clone that reads the same bytes', async () => {
    const response = respond(200, { 'X-Kind': 'file' }, counted(0, bytes.length - 1));
    const copy = response.clone();
    expect(copy.headers.get('x-kind')).toBe('file');
    expect(asWritten(copy).headers).toEqual([['X-Kind', 'file']]);
    expect(Buffer.from(await new Response(response.body).arrayBuffer())).toEqual(bytes);
    expect(Buffer.from(await copy.arrayBuffer())).toEqual(bytes);
  });
});
