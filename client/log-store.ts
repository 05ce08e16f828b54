// The live request log: ONE EventSource per page on /api/log (all stages), shared by every
// playground, request log and tasks list on the page; each filters by stage. Components read it
// with `useExchanges(stages)` (site/use-exchanges.ts).
import { atBase } from './api';
import type { Exchange } from '../common/exchange';

export type LogStatus = 'connecting' | 'live' | 'unreachable';

export interface LogState {
  /** Oldest first, unique by id. */
  exchanges: Exchange[];
  status: LogStatus;
  /** Exchanges the server left out of the stream under load (server/log/request-log.ts). */
  skipped: number;
}

/** Most exchanges kept in memory; the server itself keeps at most 200. */
export const MAX_KEPT = 500;
/** After the server refused the stream (e.g. not running, or not JSON), try again this often. */
const RETRY_MS = 3000;

/** Adds one exchange, keeping the list ordered by id, without duplicates, and bounded. */
export function addExchange(list: Exchange[], exchange: Exchange, max = MAX_KEPT): Exchange[] {
  if (list.some((ex) => ex.id === exchange.id)) return list;
  const next = [...list, exchange].sort((a, b) => a.id - b.id);
  return next.length > max ? next.slice(next.length - max) : next;
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** Parses one SSE `data:` payload; undefined when it is not an exchange (never throws). */
export function parseExchange(data: string): Exchange | undefined {
  try {
    const value = parseJson(data) as Partial<Exchange> | null;
    if (!value || typeof value.id !== 'number' || typeof value.stage !== 'string' || typeof value.status !== 'number') {
      return undefined;
    }
    return {
      ...value,
      requestHeaders: Array.isArray(value.requestHeaders) ? value.requestHeaders : [],
      responseHeaders: Array.isArray(value.responseHeaders) ? value.responseHeaders : [],
    } as Exchange;
  } catch {
    return undefined;
  }
}

type EventSourceLike = Pick<EventSource, 'addEventListener' | 'close' | 'readyState'> & {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
};

export interface LogStore {
  getState(): LogState;
  subscribe(listener: () => void): () => void;
}

export function createLogStore(
  url = atBase('/api/log'),
  open: (url: string) => EventSourceLike = (u) => new EventSource(u),
): LogStore {
  let state: LogState = { exchanges: [], status: 'connecting', skipped: 0 };
  const listeners = new Set<() => void>();
  let source: EventSourceLike | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const set = (next: Partial<LogState>) => {
    state = { ...state, ...next };
    listeners.forEach((l) => l());
  };

  const connect = () => {
    try {
      source = open(url);
    } catch {
      // No EventSource at all (an old browser, a test DOM): say so rather than crash the page.
      if (state.status !== 'unreachable') set({ status: 'unreachable' });
      return;
    }
    // The server replays every exchange it still keeps on each (re)connection, so start afresh:
    // this also copes with a restarted server whose ids start again at 1.
    source.onopen = () => set({ exchanges: [], status: 'live', skipped: 0 });
    source.onerror = () => {
      set({ status: 'unreachable' });
      // EventSource retries by itself unless the answer was not an event stream at all.
      if (source && source.readyState === 2 /* CLOSED */) {
        source.close();
        source = undefined;
        retry = setTimeout(() => {
          retry = undefined;
          if (listeners.size > 0) connect();
        }, RETRY_MS);
      }
    };
    source.addEventListener('exchange', (event) => {
      const exchange = parseExchange((event as MessageEvent<string>).data);
      if (exchange) set({ exchanges: addExchange(state.exchanges, exchange) });
    });
    source.addEventListener('skipped', (event) => {
      const count = Number((parseJson((event as MessageEvent<string>).data) as { count?: unknown } | undefined)?.count);
      if (count > 0) set({ skipped: state.skipped + count });
    });
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      if (!source && !retry) connect();
      return () => {
        listeners.delete(listener);
        // Keep the stream while anyone listens; close it when the page no longer needs it.
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
          if (retry) clearTimeout(retry);
          retry = undefined;
        }
      };
    },
  };
}

let shared: LogStore | undefined;

/** The page's one log store, created on first use. */
export function sharedLogStore(): LogStore {
  shared ??= createLogStore();
  return shared;
}
