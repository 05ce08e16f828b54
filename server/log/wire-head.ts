// The response's head exactly as node wrote it. node adds fields of its own to what the stage
// wrote (Date unless the stage sent one, Connection, Keep-Alive, Transfer-Encoding for a body
// of unknown length), so the request log reads them here, from node itself, to show what went
// over the wire and not what the stage asked for.
import type { ServerResponse } from 'node:http';
import type { HeaderPairs } from '../http/respond';

/**
 * Calls `written` once, with the head's fields in the order and case sent, at the moment node
 * has composed the head and before any byte of it leaves: every response's head goes through
 * writeHead (an implicit head too). Calls it with null when the response closes without a head.
 */
export function onHeadWritten(res: ServerResponse, written: (fields: HeaderPairs | null) => void): void {
  let done = false;
  const once = (fields: HeaderPairs | null) => {
    if (done) return;
    done = true;
    written(fields);
  };
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    const result = writeHead.apply(this, args);
    // `_header` is the head node will send, as text: node's own record of it (on-headers and
    // other libraries read it the same way); it is there once writeHead has returned.
    const head = (this as unknown as { _header?: unknown })._header;
    once(typeof head === 'string' ? fieldsOf(head) : null);
    return result;
  } as ServerResponse['writeHead'];
  res.once('close', () => once(null));
}

/** "HTTP/1.1 200 OK\r\nA: b\r\n…\r\n\r\n" → [["A", "b"], …] */
export function fieldsOf(head: string): HeaderPairs {
  return head
    .split('\r\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1).trim()] as [string, string];
    });
}
