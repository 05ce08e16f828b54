// Builds Exchange values for tests: only what a test cares about has to be spelled out.
import type { Exchange } from '../../common/exchange';

let nextId = 1;

export function exchange(fields: Partial<Exchange> & Pick<Exchange, 'stage'>): Exchange {
  const id = fields.id ?? nextId++;
  const path = fields.path ?? '/monitor.css';
  return {
    id,
    time: 1_764_000_000_000 + id,
    method: 'GET',
    target: `/ch/${fields.stage}${path}`,
    path,
    httpVersion: '1.1',
    requestHeaders: [],
    status: 200,
    responseHeaders: [],
    bodyBytes: 100,
    durationMs: 1,
    ...fields,
  };
}
