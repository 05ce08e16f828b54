// React access to the shared request log, filtered to some stages.
import { useMemo, useSyncExternalStore } from 'react';
import type { Exchange } from '../common/exchange';
import { sharedLogStore, type LogStatus } from './log-store';

export function useExchanges(stages: readonly string[]): { exchanges: Exchange[]; status: LogStatus; skipped: number } {
  const store = sharedLogStore();
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const key = stages.join('\n');
  const exchanges = useMemo(
    () => state.exchanges.filter((ex) => stages.includes(ex.stage)),
    // `stages` is compared by content: callers pass fresh arrays on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.exchanges, key],
  );
  return { exchanges, status: state.status, skipped: state.skipped };
}
