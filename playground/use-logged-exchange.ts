// The exchange the server logged for a response (GET /api/log/<id>): what went over the wire.
// A logged exchange never changes, so each id is fetched once however many views ask for it
// (the response, "What the server received", the response check, compare mode).
import { useEffect, useState } from 'react';
import type { Exchange } from '../common/exchange';
import { api } from '../client/api';

export interface LoggedExchange {
  exchange?: Exchange;
  error?: string;
}

const KEPT = 100;
const loaded = new Map<string, Promise<Exchange>>();

function load(id: string): Promise<Exchange> {
  let promise = loaded.get(id);
  if (!promise) {
    promise = api.exchange(id);
    loaded.set(id, promise);
    promise.catch(() => loaded.delete(id)); // a failure is not kept: the next view asks again
    if (loaded.size > KEPT) loaded.delete(loaded.keys().next().value!);
  }
  return promise;
}

/** `exchangeId` undefined: the answer did not come from the course server, nothing to load. */
export function useLoggedExchange(exchangeId: string | undefined): LoggedExchange {
  const [state, setState] = useState<LoggedExchange & { id?: string }>({});
  useEffect(() => {
    setState({ id: exchangeId });
    if (exchangeId === undefined) return;
    let live = true;
    load(exchangeId)
      .then((exchange) => live && setState({ id: exchangeId, exchange }))
      .catch((e: unknown) => live && setState({ id: exchangeId, error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [exchangeId]);
  // Never an older id's exchange while the new one loads.
  return state.id === exchangeId ? { exchange: state.exchange, error: state.error } : {};
}
