import { describe, expect, it, vi } from 'vitest';
import { addExchange, createLogStore, parseExchange } from './log-store';
import { exchange } from './testing/exchanges';

describe('addExchange', () => {
  it('keeps order by id, drops duplicates and bounds the list', () => {
    const a = exchange({ stage: 's', id: 1 });
    const b = exchange({ stage: 's', id: 2 });
    const c = exchange({ stage: 's', id: 3 });
    expect(addExchange([b], a).map((e) => e.id)).toEqual([1, 2]);
    const list = [a, b];
    expect(addExchange(list, a)).toBe(list);
    expect(addExchange([a, b], c, 2).map((e) => e.id)).toEqual([2, 3]);
  });
});

describe('parseExchange', () => {
  it('accepts an exchange and rejects anything else without throwing', () => {
    expect(parseExchange(JSON.stringify(exchange({ stage: 's', id: 7 })))?.id).toBe(7);
    expect(parseExchange('{"id":"x"}')).toBeUndefined();
    expect(parseExchange('<html>')).toBeUndefined();
    expect(parseExchange('null')).toBeUndefined();
  });
});

class FakeEventSource {
  static made: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private handlers: { type: string; handler: (e: Event) => void }[] = [];
  constructor(public url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, handler: (e: Event) => void) {
    this.handlers.push({ type, handler });
  }
  close() {
    this.closed = true;
  }
  emit(data: unknown, type = 'exchange') {
    this.handlers.filter((h) => h.type === type).forEach((h) => h.handler({ data: JSON.stringify(data) } as MessageEvent));
  }
}

describe('createLogStore', () => {
  it('opens one stream for all subscribers, collects exchanges, and closes when nobody listens', () => {
    FakeEventSource.made = [];
    const store = createLogStore('/api/log', (url) => new FakeEventSource(url) as never);
    const off1 = store.subscribe(() => {});
    const off2 = store.subscribe(() => {});
    expect(FakeEventSource.made).toHaveLength(1);
    const source = FakeEventSource.made[0]!;
    source.onopen?.(new Event('open'));
    expect(store.getState().status).toBe('live');
    source.emit(exchange({ stage: 's', id: 5 }));
    source.emit(exchange({ stage: 's', id: 4 }));
    expect(store.getState().exchanges.map((e) => e.id)).toEqual([4, 5]);
    // Under load the server says how many it left out; the count adds up.
    source.emit({ count: 30 }, 'skipped');
    source.emit({ count: 'x' }, 'skipped');
    source.emit({ count: 12 }, 'skipped');
    expect(store.getState().skipped).toBe(42);
    expect(store.getState().exchanges.map((e) => e.id)).toEqual([4, 5]);
    // A reconnection replays what the server keeps: the list starts again rather than mixing.
    source.onopen?.(new Event('open'));
    expect(store.getState().exchanges).toEqual([]);
    expect(store.getState().skipped).toBe(0);
    off1();
    expect(source.closed).toBe(false);
    off2();
    expect(source.closed).toBe(true);
  });

  it('reports an unreachable server, and reconnects later when the stream was refused', () => {
    vi.useFakeTimers();
    try {
      FakeEventSource.made = [];
      const store = createLogStore('/api/log', (url) => new FakeEventSource(url) as never);
      const off = store.subscribe(() => {});
      const source = FakeEventSource.made[0]!;
      source.readyState = 2;
      source.onerror?.(new Event('error'));
      expect(store.getState().status).toBe('unreachable');
      vi.advanceTimersByTime(5000);
      expect(FakeEventSource.made).toHaveLength(2);
      off();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports unreachable instead of crashing when EventSource is missing', () => {
    const store = createLogStore('/api/log', () => {
      throw new ReferenceError('EventSource is not defined');
    });
    const off = store.subscribe(() => {});
    expect(store.getState().status).toBe('unreachable');
    off();
  });
});
