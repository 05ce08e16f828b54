// Where an HTTP/1.1 message ends on the wire (RFC 9112, section 6.3), read from the bytes alone:
// what a client must know to tell "the answer is complete" from "more is coming" on a connection
// that stays open. The tests' raw client (server/testing/serve.ts) and the raw-request relay
// (server/raw/relay.ts) both read responses with it.

/**
 * The method of each request in `text` (as latin1), in order: the first word of each request
 * line. A body is skipped by its framing (RFC 9112, 6.3: chunked, else Content-Length, else
 * none); a request whose body is incomplete or unreadable is the last counted, since a server
 * may answer it before (or without) reading its body.
 */
export function requestMethods(text: string): string[] {
  const data = Buffer.from(text, 'latin1');
  const methods: string[] = [];
  let at = 0;
  for (;;) {
    const end = text.indexOf('\r\n\r\n', at);
    if (end === -1) break;
    const head = text.slice(at, end).replace(/^(?:\r\n)+/, '');
    methods.push(head.split(/[ \r]/, 1)[0]!);
    const bodyStart = end + 4;
    if (/\r\ntransfer-encoding:[^\r]*chunked[ \t]*(?=\r\n|$)/i.test(head)) {
      const bodyEnd = chunkedEnd(data, bodyStart);
      if (typeof bodyEnd !== 'number') break;
      at = bodyEnd;
    } else {
      const length = /\r\ncontent-length:[ \t]*(\d+)[ \t]*(?=\r\n|$)/i.exec(head);
      at = bodyStart + (length ? Number(length[1]) : 0);
    }
  }
  return methods.length > 0 ? methods : [''];
}

export type Framing =
  | { kind: 'incomplete' }
  | { kind: 'until-close' }
  | { kind: 'complete'; end: number; status: number; interim: boolean; closes: boolean };

/**
 * Where the response starting at `start` in `data` ends (RFC 9112, section 6.3), for a request
 * made with `method`: 'incomplete' when more bytes are needed, 'until-close' when only the
 * connection closing can end it.
 */
export function frameResponse(data: Buffer, start: number, method: string): Framing {
  const headEnd = data.indexOf('\r\n\r\n', start, 'latin1');
  if (headEnd === -1) return { kind: 'incomplete' };
  const [statusLine = '', ...lines] = data.toString('latin1', start, headEnd).split('\r\n');
  const status = /^HTTP\/(\d)\.(\d) (\d{3})(?: |$)/.exec(statusLine);
  if (!status) return { kind: 'until-close' };
  const code = Number(status[3]);
  const fields = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    fields.set(name, [...(fields.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const tokens = (name: string) => (fields.get(name) ?? []).flatMap((v) => v.split(',')).map((t) => t.trim().toLowerCase()).filter(Boolean);
  const connection = tokens('connection');
  const closes = connection.includes('close') || (status[1] === '1' && status[2] === '0' && !connection.includes('keep-alive'));
  const bodyStart = headEnd + 4;
  const complete = (end: number): Framing => ({ kind: 'complete', end, status: code, interim: code < 200, closes: code >= 200 && closes });

  if (code === 101) return { kind: 'until-close' }; // another protocol follows
  if (code < 200 || code === 204 || code === 304 || method === 'HEAD') return complete(bodyStart);

  const codings = tokens('transfer-encoding');
  if (codings.length > 0) {
    if (codings[codings.length - 1] !== 'chunked') return { kind: 'until-close' };
    const end = chunkedEnd(data, bodyStart);
    if (end === 'malformed') return { kind: 'until-close' };
    return end === null ? { kind: 'incomplete' } : complete(end);
  }
  const lengths = [...new Set(tokens('content-length'))];
  if (lengths.length === 1 && /^\d+$/.test(lengths[0]!)) {
    const end = bodyStart + Number(lengths[0]);
    return data.length >= end ? complete(end) : { kind: 'incomplete' };
  }
  return { kind: 'until-close' };
}

/** The end of a chunked body starting at `at`: after the last chunk and the trailer section. */
function chunkedEnd(data: Buffer, at: number): number | null | 'malformed' {
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd === -1) return null;
    const size = data.toString('latin1', at, lineEnd).split(';', 1)[0]!.trim();
    if (!/^[0-9a-f]+$/i.test(size)) return 'malformed';
    at = lineEnd + 2;
    if (/^0+$/.test(size)) break;
    at += parseInt(size, 16) + 2; // the chunk and its CRLF
    if (data.length < at) return null;
    if (data.toString('latin1', at - 2, at) !== '\r\n') return 'malformed';
  }
  // Trailer fields, if any, then an empty line.
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd === -1) return null;
    if (lineEnd === at) return at + 2;
    at = lineEnd + 2;
  }
}
