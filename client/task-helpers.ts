// "Try this" tasks: each chapter's `chapters/NN-slug/tasks.ts` exports `tasks: Task[]`.
// A task is done when `check` returns true for the exchanges the server logged. The exchanges are
// sorted by stage here, once (passingTasks), so a check never needs to know its chapter's stage.
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
  /**
   * True once the learner has done it. `exchanges`: those of the chapter's `stage`; `compared`:
   * those of its `compare` stage (empty without one). Both oldest first. Keep it pure and quick:
   * it runs on every new exchange.
   */
  check: (exchanges: Exchange[], compared: Exchange[]) => boolean;
}

/**
 * Ids of the tasks whose check passes on the log, each check given only the exchanges of the
 * chapter's stage and of its compared stage. A check that throws counts as not passing.
 */
export function passingTasks(tasks: Task[], log: Exchange[], chapter: { stage: string; compare?: string }): string[] {
  const own = log.filter((ex) => ex.stage === chapter.stage);
  const compared = chapter.compare ? log.filter((ex) => ex.stage === chapter.compare) : [];
  return tasks
    .filter((task) => {
      try {
        return task.check(own, compared);
      } catch (error) {
        console.error(`task ${task.id} check failed`, error);
        return false;
      }
    })
    .map((task) => task.id);
}

// Small helpers so the checks read like the task text.

export function requestHeader(exchange: Exchange, name: string): string | undefined {
  return headerValue(exchange.requestHeaders, name);
}

export function responseHeader(exchange: Exchange, name: string): string | undefined {
  return headerValue(exchange.responseHeaders, name);
}

/** Milliseconds since the epoch for an HTTP date, or undefined when it is not a date at all. */
export function httpDateMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return parseHttpDate(value) ?? undefined; // the server's own parser: the same rules
}
