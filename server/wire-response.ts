// The course's own servers answer with this ServerResponse (listen.ts: createHttpServer), so the
// request log can read each head as node wrote it (log/wire-head.ts).
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { HeadListener } from './log/wire-head';

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
