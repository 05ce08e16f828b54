// The raw response bytes, taken apart for display: the status line, the header lines as sent,
// and what follows the head, with every byte a text view would hide made visible.

export interface RawResponseParts {
  /** The first line ("HTTP/1.1 200 OK"), or all the bytes' text when they are not HTTP. */
  statusLine: string;
  /** The status code, when the first line is a status line. */
  status?: number;
  /** Each header line split at its first colon, as sent (no trimming of the name). */
  headers: [string, string][];
  /** True when the head ended (a blank line came). */
  headComplete: boolean;
  /** The bytes after the head: the body, and any later responses (pipelined, or after a 1xx). */
  rest: Uint8Array;
}

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

export function rawResponseParts(bytes: Uint8Array): RawResponseParts {
  let headEnd = -1;
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) {
      headEnd = i;
      break;
    }
  }
  const head = latin1(headEnd === -1 ? bytes : bytes.subarray(0, headEnd));
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/\d\.\d (\d{3})(?: |$)/.exec(statusLine);
  if (!status) return { statusLine: '', headers: [], headComplete: false, rest: bytes };
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return colon === -1 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')];
  });
  return {
    statusLine,
    status: Number(status[1]),
    headers: headEnd === -1 && lines.at(-1) === '' ? headers.slice(0, -1) : headers,
    headComplete: headEnd !== -1,
    rest: headEnd === -1 ? new Uint8Array(0) : bytes.subarray(headEnd + 4),
  };
}

/** A piece of text to show; `byte` marks a byte shown by a stand-in (its value in hex is `title`). */
export interface Shown {
  text: string;
  byte?: string;
}

/** ASCII's names for its control bytes, 0x00 to 0x1f (RFC 20); DEL is 0x7f. */
const CONTROL_NAMES = 'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(' ');

/**
 * Bytes as text with nothing hidden: valid UTF-8 and printable ASCII as they are; line feed and
 * tab as themselves (the layout); a carriage return, every other control byte and DEL by their
 * ASCII names (CR, NUL, DEL); a byte that is not part of valid UTF-8 by its hex value (FF). The
 * page shows each such name in a box of its own. (Not Unicode's control pictures, ␍ and ␀: many
 * fonts have no glyph for them.)
 */
export function visibleBytes(bytes: Uint8Array): Shown[] {
  const out: Shown[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ text: plain });
    plain = '';
  };
  const mark = (text: string, byte: number) => {
    flush();
    out.push({ text, byte: byte.toString(16).padStart(2, '0') });
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b === 0x0a || b === 0x09 || (b >= 0x20 && b < 0x7f)) {
      plain += String.fromCharCode(b);
      i++;
    } else if (b < 0x20) {
      mark(CONTROL_NAMES[b]!, b);
      i++;
    } else if (b === 0x7f) {
      mark('DEL', b);
      i++;
    } else {
      const char = utf8At(bytes, i);
      if (char) {
        plain += char.text;
        i += char.length;
      } else {
        mark(b.toString(16).padStart(2, '0').toUpperCase(), b);
        i++;
      }
    }
  }
  flush();
  return out;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The UTF-8 character starting at `i`, when the bytes there are one (no overlong forms, no surrogates). */
function utf8At(bytes: Uint8Array, i: number): { text: string; length: number } | undefined {
  const b = bytes[i]!;
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return undefined;
  try {
    return { text: strictUtf8.decode(bytes.subarray(i, i + length)), length };
  } catch {
    return undefined;
  }
}

/**
 * The class that colours a status (playground.css: status-success, status-not-modified, …), as
 * status.ts's statusKind, not imported from there: see the note at the top of RawRequest.tsx.
 */
export function statusClass(status: number): string {
  if (status === 304) return 'not-modified';
  const kinds: Record<number, string> = { 2: 'success', 3: 'redirect', 4: 'client-error', 5: 'server-error' };
  return kinds[Math.floor(status / 100)] ?? 'other';
}
