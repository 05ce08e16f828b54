// The response's head exactly as node wrote it. node adds fields of its own to what the stage
// wrote (Date unless the stage sent one, Connection, Keep-Alive, Transfer-Encoding for a body
// of unknown length), so the request log reads them here, from node itself, to show what went
// over the wire and not what the stage asked for.
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { HeaderPairs } from '../http/respond';

type HeadListener = (head: string) => void;

/**
 * node's ServerResponse, telling `headWritten` the head it composed. The course's own servers
 * use it (listen.ts: createHttpServer): one class for every response, where wrapping each
 * response's writeHead gave every response a shape of its own and slowed node's own code on it.
 */
export class WireResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  headWritten: HeadListener | undefined = undefined;

  override writeHead(...args: unknown[]): this {
    (super.writeHead as (...a: unknown[]) => this)(...args);
    const listener = this.headWritten;
    if (listener) {
      this.headWritten = undefined;
      // `_header` is the head node will send, as text: node's own record of it (on-headers and
      // other libraries read it the same way); it is there once writeHead has returned.
      const head = (this as unknown as { _header?: unknown })._header;
      if (typeof head === 'string') listener(head);
    }
    return this;
  }
}

/**
 * Calls `written` once with the head as node will send it (status line and fields, as text:
 * `fieldsOf` reads it), at the moment node has composed it and before any byte of it leaves:
 * every response's head goes through writeHead (an implicit head too). Never called for a
 * response that closes without a head.
 */
export function onHeadWritten(res: ServerResponse, written: HeadListener): void {
  if (res instanceof WireResponse) {
    res.headWritten = written;
    return;
  }
  // A response of another server (Vite's, in development): wrap this one's writeHead.
  const writeHead = res.writeHead;
  let done = false;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    const result = writeHead.apply(this, args);
    const head = (this as unknown as { _header?: unknown })._header;
    if (!done && typeof head === 'string') written(head);
    done = true;
    return result;
  } as ServerResponse['writeHead'];
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
