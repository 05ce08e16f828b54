// The response's head exactly as node wrote it. node adds fields of its own to what the stage
// wrote (Date unless the stage sent one, Connection, Keep-Alive, Transfer-Encoding for a body
// of unknown length), so the request log reads them here, from node itself, to show what went
// over the wire and not what the stage asked for.
import type { ServerResponse } from 'node:http';
import type { HeaderPairs } from '../http/respond';

/**
 * Calls `written` once, with the head as node will send it (status line and fields, as text:
 * `fieldsOf` reads it), at the moment node has composed it and before any byte of it leaves:
 * every response's head goes through writeHead (an implicit head too). Calls it with null when
 * the response closes without a head.
 */
export function onHeadWritten(res: ServerResponse, written: (head: string | null) => void): void {
  let done = false;
  const once = (head: string | null) => {
    if (done) return;
    done = true;
    written(head);
  };
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    const result = writeHead.apply(this, args);
    // `_header` is the head node will send, as text: node's own record of it (on-headers and
    // other libraries read it the same way); it is there once writeHead has returned.
    const head = (this as unknown as { _header?: unknown })._header;
    once(typeof head === 'string' ? head : null);
    return result;
  } as ServerResponse['writeHead'];
  res.on('close', () => once(null));
}

/** "HTTP/1.1 200 OK\r\nA: b\r\n…\r\n\r\n" → [["A", "b"], …] */
export function fieldsOf(head: string): HeaderPairs {
  // A plain loop: this runs for every exchange the course app logs.
  const fields: HeaderPairs = [];
  let start = head.indexOf('\r\n') + 2;
  while (start > 1 && start < head.length) {
    let end = head.indexOf('\r\n', start);
    if (end < 0) end = head.length;
    if (end > start) {
      const colon = head.indexOf(':', start);
      if (colon > start && colon < end) fields.push([head.slice(start, colon), head.slice(colon + 1, end).trim()]);
      else fields.push([head.slice(start, end), '']);
    }
    start = end + 2;
  }
  return fields;
}
