import { describe, expect, it } from 'vitest';
import { defaultRequest, editorText, requestBytes } from './raw-text';

const sent = (text: string, add?: boolean) => {
  const { bytes, addedBlankLine } = requestBytes(text, add);
  return { text: new TextDecoder().decode(bytes), addedBlankLine };
};

describe('requestBytes', () => {
  it('sends every line break as CRLF, the body’s too', () => {
    expect(sent('POST /x HTTP/1.1\nHost: a\nContent-Length: 3\n\na\nb')).toEqual({
      text: 'POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\na\r\nb',
      addedBlankLine: false,
    });
  });

  it('adds the blank line that ends the head when there is none, and says so', () => {
    expect(sent('GET / HTTP/1.1\nHost: a')).toEqual({ text: 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', addedBlankLine: true });
    expect(sent('GET / HTTP/1.1\nHost: a\n')).toEqual({ text: 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', addedBlankLine: true });
    expect(sent('GET / HTTP/1.0')).toEqual({ text: 'GET / HTTP/1.0\r\n\r\n', addedBlankLine: true });
    expect(sent('GET / HTTP/1.1\nHost: a\n\n').addedBlankLine).toBe(false);
  });

  it('leaves the head open when asked to (the server then waits for the rest)', () => {
    expect(sent('GET / HTTP/1.1\nHost: a\n', false)).toEqual({ text: 'GET / HTTP/1.1\r\nHost: a\r\n', addedBlankLine: false });
  });

  it('has no escapes: a backslash is a backslash, %00 stays text; UTF-8 for the rest', () => {
    const { bytes } = requestBytes('GET /..\\..\\x%00\\r\\n HTTP/1.1\n\n');
    expect(new TextDecoder().decode(bytes)).toBe('GET /..\\..\\x%00\\r\\n HTTP/1.1\r\n\r\n');
    expect([...requestBytes('GET /é HTTP/1.1\n\n').bytes.slice(5, 7)]).toEqual([0xc3, 0xa9]);
  });

  it('reads CRLF and lone CR as line breaks (a request prop may have them)', () => {
    expect(editorText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
    expect(sent('GET / HTTP/1.1\r\nHost: a\r\n\r\n').text).toBe('GET / HTTP/1.1\r\nHost: a\r\n\r\n');
  });
});

describe('defaultRequest', () => {
  it('is a GET of the target with a Host line and the blank line', () => {
    expect(defaultRequest('/../secret.txt')).toBe('GET /../secret.txt HTTP/1.1\nHost: localhost\n\n');
  });
});
