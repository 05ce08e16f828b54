import { describe, expect, it } from 'vitest';
import { formatBytes, previewKind } from './preview';
import { reasonPhrase, statusKind } from './status';

describe('status', () => {
  it('groups codes into colour families, 304 on its own', () => {
    expect([200, 206, 304, 301, 404, 405, 500, 501, 99, 700].map(statusKind)).toEqual([
      'success', 'success', 'not-modified', 'redirect', 'client-error', 'client-error',
      'server-error', 'server-error', 'other', 'other',
    ]);
  });

  it('prefers the server phrase, then the standard one, then nothing', () => {
    expect(reasonPhrase(304)).toBe('Not Modified');
    expect(reasonPhrase(200, 'Fine')).toBe('Fine');
    expect(reasonPhrase(799)).toBe('');
  });
});

describe('preview', () => {
  it('shows no body for HEAD and 304, text for text types, images as images', () => {
    expect(previewKind(200, 'HEAD', 'text/css', 0)).toBe('none');
    expect(previewKind(304, 'GET', 'text/css', 0)).toBe('none');
    expect(previewKind(200, 'GET', 'text/css; charset=utf-8', 10)).toBe('text');
    expect(previewKind(200, 'GET', 'application/javascript', 10)).toBe('text');
    expect(previewKind(200, 'GET', 'image/png', 10)).toBe('image');
    expect(previewKind(200, 'GET', 'application/octet-stream', 10)).toBe('binary');
    expect(previewKind(200, 'GET', undefined, 10)).toBe('binary');
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(4300)).toBe('4.2 KiB');
  });
});
