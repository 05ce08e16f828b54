// Each stage alone on a loopback port of its own, for raw requests: the course app owns these
// servers (one per stage, made on first use, bound to 127.0.0.1 on a port the system picks, closed
// with the app), and the relay (relay.ts) is their only intended client. A stage there is at /,
// as `npm run serve -- --stage` serves it, so a request target reaches it exactly as typed.
//
// Who asked: the raw bytes carry none of the course's tags (the page sends them with the API
// call), so the relay says who it is for before it writes a byte, keyed by its connection's
// local port, which the stage's server sees as the request's remote port.
import type http from 'node:http';
import type { RawCaller } from '../course-app';
import { listen } from '../listen';
import { RELAY_HOST, relay, RELAY_LIMITS, type RelayLimits, type RelayResult } from './relay';

export type { RawCaller };

export class StageListeners {
  private readonly servers = new Map<string, Promise<{ server: http.Server; port: number }>>();
  private readonly callers = new Map<number, RawCaller>();
  private closed = false;

  /** `createServer(slug)`: the stage's server, not yet listening. */
  constructor(
    private readonly createServer: (slug: string) => http.Server,
    private readonly limits: RelayLimits = RELAY_LIMITS,
  ) {}

  /** Sends `bytes` to the stage's own listener and reads what it answers. */
  async send(slug: string, bytes: Uint8Array, caller: RawCaller): Promise<RelayResult> {
    const port = await this.portOf(slug);
    let localPort: number | undefined;
    try {
      return await relay(port, bytes, this.limits, (local) => {
        localPort = local;
        this.callers.set(local, caller);
      });
    } finally {
      if (localPort !== undefined) this.callers.delete(localPort);
    }
  }

  /** Who the connection from `remotePort` (on 127.0.0.1) relays for, if the relay opened it. */
  callerOf(remoteAddress: string | undefined, remotePort: number | undefined): RawCaller | undefined {
    if (remotePort === undefined || (remoteAddress !== RELAY_HOST && remoteAddress !== `::ffff:${RELAY_HOST}`)) return undefined;
    return this.callers.get(remotePort);
  }

  /** The stage's port, its server made and listening on first use (once, however many ask). */
  portOf(slug: string): Promise<number> {
    if (this.closed) return Promise.reject(new Error('The course app is closed.'));
    let entry = this.servers.get(slug);
    if (!entry) {
      const server = this.createServer(slug);
      entry = listen(server, 0, RELAY_HOST).then((port) => ({ server, port }));
      entry.catch(() => this.servers.delete(slug));
      this.servers.set(slug, entry);
    }
    return entry.then(({ port }) => port);
  }

  async close(): Promise<void> {
    this.closed = true;
    const entries = await Promise.allSettled(this.servers.values());
    this.servers.clear();
    await Promise.all(
      entries.map((entry) =>
        entry.status === 'fulfilled'
          ? new Promise<void>((resolve) => {
              entry.value.server.close(() => resolve());
              entry.value.server.closeAllConnections();
            })
          : undefined,
      ),
    );
  }
}
