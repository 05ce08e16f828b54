// A response as it came off the wire, read after the server closed the connection (every
// request says `Connection: close`), so nothing it wrote is missed: a body after a 304 or after
// the headers of a HEAD shows up as `extra`.
import type { Field } from './request';

export interface ParsedResponse {
  /** `HTTP/1.1 304 Not Modified` */
  statusLine: string;
  status: number;
  /** The header fields in order, names as sent. */
  fields: Field[];
  /** The content as framed (Content-Length, chunked, or up to the close); none for HEAD, 204, 304. */
  body: Buffer;
  /** Bytes after the end of the framed message: content where none may be (HEAD, 304), or junk. */
  extra: Buffer;
}

/** Not an HTTP response at all (or cut off before the end of its header section). */
export class NotHttp extends Error {}

export function parseResponse(bytes: Buffer, method: string): ParsedResponse {
  let start = 0;
  for (;;) {
    const headEnd = bytes.indexOf('\r\n\r\n', start, 'latin1');
    if (headEnd === -1) throw new NotHttp(bytes.length === 0 ? 'the server closed the connection without answering' : `no complete header section in ${bytes.length} bytes: ${preview(bytes.subarray(start))}`);
    const [statusLine = '', ...lines] = bytes.toString('latin1', start, headEnd).split('\r\n');
    const match = /^HTTP\/\d\.\d (\d{3})(?: |$)/.exec(statusLine);
    if (!match) throw new NotHttp(`not an HTTP status line: ${preview(Buffer.from(statusLine, 'latin1'))}`);
    const status = Number(match[1]);
    const bodyStart = headEnd + 4;
    if (status >= 100 && status < 200) {
      start = bodyStart; // an interim answer: the final one follows
      continue;
    }
    const fields: Field[] = [];
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    const rest = bytes.subarray(bodyStart);
    const { body, extra } = frame(rest, method, status, fields);
    return { statusLine, status, fields, body, extra };
  }
}

/**
 * Whether `bytes` already hold a whole response (to a request made with `method`), so a server
 * that keeps the connection open despite `Connection: close` need not be waited for: the header
 * section, and the body its framing announces (none for HEAD, 1xx, 204, 304). A response framed
 * by the close only is never complete before the close.
 */
export function isComplete(bytes: Buffer, method: string): boolean {
  let start = 0;
  for (;;) {
    const headEnd = bytes.indexOf('\r\n\r\n', start, 'latin1');
    if (headEnd === -1) return false;
    const [statusLine = '', ...lines] = bytes.toString('latin1', start, headEnd).split('\r\n');
    const match = /^HTTP\/\d\.\d (\d{3})(?: |$)/.exec(statusLine);
    if (!match) return false;
    const status = Number(match[1]);
    if (status >= 100 && status < 200) {
      start = headEnd + 4;
      continue;
    }
    if (method === 'HEAD' || status === 204 || status === 304) return true;
    const fields: Field[] = lines.filter((l) => l.indexOf(':') > 0).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]);
    const rest = bytes.subarray(headEnd + 4);
    if (headerValues(fields, 'transfer-encoding').join(',').toLowerCase().includes('chunked')) return /(^|\r\n)0+(;[^\r]*)?\r\n(?:[^\r]+\r\n)*\r\n$/.test(rest.toString('latin1'));
    const length = header(fields, 'content-length');
    return length !== undefined && /^\d+$/.test(length) && rest.length >= Number(length);
  }
}

function frame(rest: Buffer, method: string, status: number, fields: Field[]): { body: Buffer; extra: Buffer } {
  const none = Buffer.alloc(0);
  if (method === 'HEAD' || status === 204 || status === 304) return { body: none, extra: rest };
  const codings = headerValues(fields, 'transfer-encoding').flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (codings.at(-1) === 'chunked') return dechunk(rest);
  const length = header(fields, 'content-length');
  if (length !== undefined && /^\d+$/.test(length)) {
    const n = Number(length);
    return { body: rest.subarray(0, n), extra: rest.subarray(n) };
  }
  return { body: rest, extra: none };
}

function dechunk(data: Buffer): { body: Buffer; extra: Buffer } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd === -1) break;
    const size = parseInt(data.toString('latin1', at, lineEnd).split(';', 1)[0]!.trim(), 16);
    if (!Number.isFinite(size)) break;
    at = lineEnd + 2;
    if (size === 0) {
      // Trailer fields, if any, up to an empty line.
      for (;;) {
        const end = data.indexOf('\r\n', at, 'latin1');
        if (end === -1) return { body: Buffer.concat(parts), extra: Buffer.alloc(0) };
        const empty = end === at;
        at = end + 2;
        if (empty) return { body: Buffer.concat(parts), extra: data.subarray(at) };
      }
    }
    parts.push(data.subarray(at, at + size));
    at += size + 2;
  }
  return { body: Buffer.concat(parts), extra: Buffer.alloc(0) };
}

function preview(bytes: Buffer): string {
  return JSON.stringify(bytes.toString('latin1', 0, 80));
}

/** The first value of a field, by case-insensitive name. */
export function header(fields: readonly Field[], name: string): string | undefined {
  return headerValues(fields, name)[0];
}

export function headerValues(fields: readonly Field[], name: string): string[] {
  const wanted = name.toLowerCase();
  return fields.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}
