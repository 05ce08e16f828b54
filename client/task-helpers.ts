// "Try this" tasks: each chapter's `chapters/NN-slug.tasks.ts` exports `tasks: Task[]`.
// A task is done when `check` returns true for the exchanges the server logged for the chapter's
// stage(s) (its `stage` and its `compare`, in arrival order): so checks must look at `ex.stage`.
import type { Exchange } from '../common/exchange';
import { parseHttpDate } from '../server/http/http-date';
import { headerValue } from '../common/headers';

export type { Exchange };

export interface Task {
  /** Stable id: progress is stored by it, so do not rename it once published. */
  id: string;
  /** What to do, one sentence. */
  text: string;
  /** Shown on demand under the task. */
  hint?: string;
  check: (exchanges: Exchange[]) => boolean;
}

// Small helpers so the checks read like the task text.

export function requestHeader(exchange: Exchange, name: string): string | undefined {
  return headerValue(exchange.requestHeaders, name);
}

export function responseHeader(exchange: Exchange, name: string): string | undefined {
  return headerValue(exchange.responseHeaders, name);
}

export function ofStage(exchanges: Exchange[], stage: string): Exchange[] {
  return exchanges.filter((ex) => ex.stage === stage);
}

/** Milliseconds since the epoch for an HTTP date, or undefined when it is not a date at all. */
export function httpDateMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return parseHttpDate(value) ?? undefined; // the server's own parser: the same rules
}
