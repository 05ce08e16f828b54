// The relay's one network call: the learner's bytes, unchanged, on a new TCP connection to a
// port the course app chose (a stage's own loopback listener: server/raw/stage-listeners.ts),
// and the raw bytes that come back. Never a host or a port from the learner: `port` is always
// the app's own, and the host is fixed here.
import net from 'node:net';
import { MAX_RAW_RESPONSE_BYTES, RAW_TIMEOUT_MS, type RawEnd } from '../../common/raw-request';
import { frameResponse, requestMethods } from '../http/message-framing';

/** The only host the relay ever connects to. */
export const RELAY_HOST = '127.0.0.1';

export interface RelayLimits {
  /** Give up after this long, with whatever arrived. */
  timeoutMs: number;
  /** Keep at most this many response bytes; the rest is cut. */
  maxResponseBytes: number;
}

export const RELAY_LIMITS: RelayLimits = { timeoutMs: RAW_TIMEOUT_MS, maxResponseBytes: MAX_RAW_RESPONSE_BYTES };

export interface RelayResult {
  /** Every byte the server wrote, up to the size limit. */
  response: Buffer;
  ended: RawEnd;
  /** From the connection's start until reading stopped (ms). */
  timeMs: number;
}

/**
 * Sends `bytes` to RELAY_HOST:`port` and reads the answer until it is complete (one final
 * response per complete request in `bytes`, read by its framing, RFC 9112 6.3: the connection
 * may well stay open), the server closes, or a limit is reached. `onConnected` gets the local
 * port of the connection before any byte is written, so the server side can tell who it is.
 * Rejects only when the connection cannot be made at all.
 */
// #region raw-relay
export function relay(port: number, bytes: Uint8Array, limits: RelayLimits = RELAY_LIMITS, onConnected?: (localPort: number) => void): Promise<RelayResult> {
  const methods = requestMethods(Buffer.from(bytes).toString('latin1'));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: RELAY_HOST });
    let data = Buffer.alloc(0);
    let parsed = 0;
    let answered = 0;
    let untilClose = false;
    let connected = false;
    let settled = false;
    const finish = (ended: RawEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response: data, ended, timeMs: Math.round((performance.now() - started) * 10) / 10 });
    };
    const timer = setTimeout(() => finish('timed-out'), limits.timeoutMs);

    socket.once('connect', () => {
      connected = true;
      onConnected?.(socket.localPort!);
      socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) => {
      const room = limits.maxResponseBytes - data.length;
      data = Buffer.concat([data, chunk.length > room ? chunk.subarray(0, room) : chunk]);
      if (chunk.length > room) finish('cut');
      else if (completeNow()) finish('complete');
      else if (data.length >= limits.maxResponseBytes) finish('cut'); // full, and more is coming
    });
    socket.once('close', () => finish('closed'));
    socket.on('error', (error) => {
      if (connected) finish('closed'); // a reset: what the server wrote is here
      else if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(error);
      }
    });

    /** Reads the responses received so far; true once every request has its final answer. */
    function completeNow(): boolean {
      while (!untilClose) {
        const framing = frameResponse(data, parsed, methods[answered] ?? 'GET');
        if (framing.kind === 'incomplete') return false;
        if (framing.kind === 'until-close') {
          untilClose = true;
          return false;
        }
        parsed = framing.end;
        if (framing.interim) continue;
        answered++;
        // After "Connection: close" the server hangs up next: wait for that, it is the end.
        if (framing.closes) untilClose = true;
        else if (answered >= methods.length) return true;
      }
      return false;
    }
  });
}
// #endregion
