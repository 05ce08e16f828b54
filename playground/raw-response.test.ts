import { describe, expect, it } from 'vitest';
import { statusKind } from './status';
import { rawResponseParts, statusClass, visibleBytes } from './raw-response';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const flat = (shown: ReturnType<typeof visibleBytes>) => shown.map((s) => (s.byte ? `[${s.text}]` : s.text)).join('');

describe('rawResponseParts', () => {
  it('takes a response apart: status line, header lines as sent, what follows', () => {
    const parts = rawResponseParts(bytes('HTTP/1.1 404 Unknown url /<b>\r\nServer: x\r\nX-Odd:  spaced \r\n\r\nbody'));
    expect(parts).toMatchObject({ statusLine: 'HTTP/1.1 404 Unknown url /<b>', status: 404, headComplete: true });
    expect(parts.headers).toEqual([['Server', 'x'], ['X-Odd', 'spaced']]);
    expect(new TextDecoder().decode(parts.rest)).toBe('body');
  });

  it('a head that never ended, and a 304 with nothing after it', () => {
    expect(rawResponseParts(bytes('HTTP/1.1 200 OK\r\nA: b\r\n'))).toMatchObject({ status: 200, headers: [['A', 'b']], headComplete: false });
    expect(rawResponseParts(bytes('HTTP/1.1 304 Not Modified\r\n\r\n')).rest).toHaveLength(0);
  });

  it('bytes that are not HTTP are all "rest"', () => {
    const parts = rawResponseParts(bytes('hello\r\n\r\n'));
    expect(parts).toMatchObject({ statusLine: '', headers: [] });
    expect(parts.status).toBeUndefined();
    expect(parts.rest).toHaveLength(9);
  });
});

describe('visibleBytes', () => {
  it('keeps text, tabs and line feeds; marks CR, other controls and DEL by their ASCII names', () => {
    expect(flat(visibleBytes(bytes('a\tb\r\nc\u0000d\u007f\u001b\u001f')))).toBe('a\tb[CR]\nc[NUL]d[DEL][ESC][US]');
    expect(visibleBytes(bytes('\r'))[0]).toEqual({ text: 'CR', byte: '0d' });
  });

  it('shows valid UTF-8 as characters and any other byte by its hex value', () => {
    expect(flat(visibleBytes(Uint8Array.of(0x63, 0xc3, 0xa9, 0xff, 0xc0, 0xaf, 0xe2, 0x82)))).toBe('cé[FF][C0][AF][E2][82]');
    expect(flat(visibleBytes(Uint8Array.of(0xed, 0xa0, 0x80)))).toBe('[ED][A0][80]'); // a surrogate: not UTF-8
  });
});

describe('statusClass', () => {
  it('is status.ts’s statusKind, kept apart (see RawRequest.tsx)', () => {
    for (const status of [100, 200, 204, 301, 304, 404, 500, 599, 600, 99]) expect(statusClass(status), String(status)).toBe(statusKind(status));
  });
});
