// @vitest-environment happy-dom
// <Tasks /> ticks a task when the live log shows it done, keeps it done, and can be reset.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDomRoot, type DomRoot } from '../client/testing/dom-root';
import type { Exchange } from '../common/exchange';
import { ChapterContext, type ChapterInfo } from '../client/chapter-context';
import { PROGRESS_KEY } from './progress';
import { Tasks } from './Tasks';
import { exchange } from '../client/testing/exchanges';
import { learnerId } from '../client/learner';


/** Stands in for the browser's EventSource so the test can play the server's log. */
class FakeEventSource {
  static current: FakeEventSource | undefined;
  readyState = 1;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  private handlers: ((e: MessageEvent) => void)[] = [];
  constructor(readonly url: string) {
    FakeEventSource.current = this;
  }
  addEventListener(_type: string, handler: (e: MessageEvent) => void) {
    this.handlers.push(handler);
  }
  close() {}
  emit(ex: Exchange) {
    this.handlers.forEach((h) => h({ data: JSON.stringify(ex) } as MessageEvent));
  }
}

const chapter: ChapterInfo = {
  slug: 'demo',
  stage: 'demo-stage',
  compare: 'seed',
  tasks: [
    // The page gives each check the chapter's stage's exchanges, then the compared stage's.
    { id: 'head', text: 'Send a HEAD.', check: (own) => own.some((x) => x.method === 'HEAD') },
    { id: 'seed-404', text: 'Get a 404 from the seed.', check: (_, seed) => seed.some((x) => x.status === 404) },
    { id: 'broken', text: 'A check that throws.', check: () => { throw new Error('bug'); } },
  ],
};

let dom: DomRoot;

beforeEach(() => {
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.spyOn(console, 'error').mockImplementation(() => {});
  localStorage.clear();
  dom = createDomRoot();
});

afterEach(() => {
  dom.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const done = () =>
  [...dom.container.querySelectorAll<HTMLElement>('[data-testid="task"]')].filter((li) => li.dataset.done === 'true').length;

describe('<Tasks />', () => {
  it('ticks tasks from the log of the chapter stages, remembers them, and resets', async () => {
    await act(async () =>
      dom.root.render(
        <ChapterContext.Provider value={chapter}>
          <Tasks />
        </ChapterContext.Provider>,
      ),
    );
    const source = FakeEventSource.current!;
    expect(source.url).toBe('/api/log');
    expect(done()).toBe(0);

    // Another stage's HEAD does not count, nor someone else's, nor one sent from another
    // chapter, nor the demo frame's; this learner's from this chapter does, and so does the
    // compared stage.
    const me = learnerId();
    const mine = { learner: me, chapter: 'demo' };
    await act(async () => source.emit(exchange({ stage: 'other', method: 'HEAD', ...mine })));
    await act(async () => source.emit(exchange({ stage: 'demo-stage', method: 'HEAD', learner: 'someone-else', chapter: 'demo' })));
    await act(async () => source.emit(exchange({ stage: 'demo-stage', method: 'HEAD', learner: me, chapter: 'elsewhere' })));
    await act(async () => source.emit(exchange({ stage: 'demo-stage', method: 'HEAD', learner: me })));
    await act(async () => source.emit(exchange({ stage: 'demo-stage', method: 'HEAD' })));
    expect(done()).toBe(0);
    await act(async () => source.emit(exchange({ stage: 'demo-stage', method: 'HEAD', ...mine })));
    await act(async () => source.emit(exchange({ stage: 'seed', status: 404, ...mine })));
    expect(done()).toBe(2);
    expect(dom.container.textContent).toContain('2 of 3 done');
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}')).toEqual({ demo: ['head', 'seed-404'] });

    // The server forgets (a reconnection replays nothing): the tasks stay done.
    await act(async () => source.onopen?.(new Event('open')));
    expect(done()).toBe(2);

    const reset = [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Reset progress')!;
    await act(async () => reset.click());
    expect(done()).toBe(0);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}')).toEqual({});
    // The exchanges still in the log were made under the old id: they no longer count.
    expect(learnerId()).not.toBe(me);
    await act(async () => source.emit(exchange({ stage: 'demo-stage', method: 'HEAD', ...mine })));
    expect(done()).toBe(0);
    await act(async () => source.emit(exchange({ stage: 'demo-stage', method: 'HEAD', learner: learnerId(), chapter: 'demo' })));
    expect(done()).toBe(1);
  });
});
