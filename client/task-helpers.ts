// "Try this" tasks: each chapter's `chapters/NN-slug/tasks.ts` exports `tasks: Task[]`.
// A task is done when `check` returns true for the exchanges the server logged. The exchanges are
// picked here, once (passingTasks): only this learner's own, of the kind the task accepts, sorted
// by stage, so a check never needs to know its chapter, its stage or who else uses the server.
import type { Exchange } from '../common/exchange';
import { parseHttpDate } from '../server/http/http-date';
import { headerValue } from '../common/headers';
import { courseStageOf } from '../common/your-stage';

export type { Exchange };

export interface Task {
  /** Stable id: progress is stored by it, so do not rename it once published. */
  id: string;
  /** What to do, one sentence. */
  text: string;
  /** Shown on demand under the task. */
  hint?: string;
  /**
   * Which of the learner's requests count: 'playground' (the default), those this chapter's
   * playground sent; 'browser', the pages the browser loaded by itself (the demo frame), for a
   * task about what a browser sends with its normal cache. Nobody else's requests ever count.
   */
  accepts?: 'playground' | 'browser';
  /**
   * True once the learner has done it. `exchanges`: those of the chapter's `stage`; `compared`:
   * those of its `compare` stage (empty without one). Both oldest first. Keep it pure and quick:
   * it runs on every new exchange.
   */
  check: (exchanges: Exchange[], compared: Exchange[]) => boolean;
}

export interface TaskChapter {
  slug: string;
  stage: string;
  compare?: string;
}

/**
 * True when the exchange is one of `learner`'s, of the kind `accepts`: sent by this chapter's
 * playground, or (for 'browser') loaded by the browser itself, with no playground's tag.
 */
export function countsFor(ex: Exchange, learner: string, chapter: string, accepts: Task['accepts'] = 'playground'): boolean {
  if (ex.learner !== learner) return false;
  return accepts === 'browser' ? ex.chapter === undefined : ex.chapter === chapter;
}

/**
 * Ids of the tasks whose check passes on the log, each check given only the learner's own
 * exchanges (see countsFor) of the chapter's stage and of its compared stage. A check that throws
 * counts as not passing.
 */
export function passingTasks(tasks: Task[], log: Exchange[], chapter: TaskChapter, learner: string): string[] {
  const kinds = new Map<Task['accepts'], { own: Exchange[]; compared: Exchange[] }>();
  const exchangesFor = (accepts: Task['accepts'] = 'playground') => {
    let found = kinds.get(accepts);
    if (!found) {
      const mine = log.filter((ex) => countsFor(ex, learner, chapter.slug, accepts));
      found = {
        // "Your server" (the workshop's yours-<stage>) counts as the chapter's stage.
        own: mine.filter((ex) => courseStageOf(ex.stage) === chapter.stage),
        compared: chapter.compare ? mine.filter((ex) => ex.stage === chapter.compare) : [],
      };
      kinds.set(accepts, found);
    }
    return found;
  };
  return tasks
    .filter((task) => {
      try {
        const { own, compared } = exchangesFor(task.accepts);
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
