// Builds Exchange values for tests: only what a test cares about has to be spelled out.
import type { Exchange } from '../../common/exchange';

let nextId = 1;

/** An exchange; `stage` defaults to "stage" (a task's check is given one stage's exchanges anyway). */
export function exchange(fields: Partial<Exchange>): Exchange {
  const id = fields.id ?? nextId++;
  const path = fields.path ?? '/monitor.css';
  const stage = fields.stage ?? 'stage';
  return {
    id,
    stage,
    time: 1_764_000_000_000 + id,
    method: 'GET',
    target: `/ch/${stage}${path}`,
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
