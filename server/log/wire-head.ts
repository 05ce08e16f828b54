// The response's head exactly as node wrote it. node adds fields of its own to what the stage
// wrote (Date unless the stage sent one, Connection, Keep-Alive, Transfer-Encoding for a body
// of unknown length), so the request log reads them here, from node itself, to show what went
// over the wire and not what the stage asked for.
import type { ServerResponse } from 'node:http';

/** Called with the head as node will send it (status line and fields, as text). */
export type HeadListener = (head: string) => void;

/** A response that reports its head itself: server/wire-response.ts (the course's own servers). */
interface ReportsHead {
  headWritten: HeadListener | undefined;
}

/**
 * Calls `written` once with the head as node will send it (status line and fields, as text:
 * `fieldsOf` reads it), at the moment node has composed it and before any byte of it leaves:
 * every response's head goes through writeHead (an implicit head too). Never called for a
 * response that closes without a head.
 */
export function onHeadWritten(res: ServerResponse, written: HeadListener): void {
  if ('headWritten' in res) {
    (res as ServerResponse & ReportsHead).headWritten = written;
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
