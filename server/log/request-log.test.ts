import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../common/exchange';
import { RequestLog } from './request-log';

const exchange = (id: number): Exchange => ({
  id, time: 0, stage: 'seed', method: 'GET', target: '/ch/seed/', path: '/', httpVersion: '1.1',
  requestHeaders: [], status: 200, responseHeaders: [], bodyBytes: 0, durationMs: 0,
});
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('RequestLog', () => {
  it('keeps the last `capacity` exchanges, oldest first', () => {
    const log = new RequestLog(3);
    expect(log.all()).toEqual([]);
    log.record(exchange(1));
    expect(log.all().map((e) => e.id)).toEqual([1]);
    for (let id = 2; id <= 5; id++) log.record(exchange(id));
    expect(log.all().map((e) => e.id)).toEqual([3, 4, 5]);
    expect(log.get(2)).toBeUndefined();
    expect(log.get(4)?.id).toBe(4);
    for (let id = 6; id <= 9; id++) log.record(exchange(id)); // round the ring more than once
    expect(log.all().map((e) => e.id)).toEqual([7, 8, 9]);
    expect(() => new RequestLog(0)).toThrow(RangeError);
  });

  it('tells listeners a moment later, in one batch: a response never waits for them', async () => {
    const log = new RequestLog(200, 1);
    const batches: number[][] = [];
    log.subscribe((batch) => batches.push(batch.map((e) => e.id)));
    log.record(exchange(1));
    log.record(exchange(2));
    expect(batches).toEqual([]);
    await nextTurn();
    expect(batches).toEqual([[1, 2]]);
    log.record(exchange(3));
    await nextTurn();
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('sends at most maxPerBatch exchanges in a batch, the latest, and says how many it left out', async () => {
    const log = new RequestLog(200, 1, 3, 1);
    const heard: { ids: number[]; skipped: number }[] = [];
    log.subscribe((batch, skipped) => heard.push({ ids: batch.map((e) => e.id), skipped }));
    for (let id = 1; id <= 8; id++) log.record(exchange(id));
    await nextTurn();
    log.record(exchange(9));
    await nextTurn();
    expect(heard).toEqual([
      { ids: [6, 7, 8], skipped: 5 },
      { ids: [9], skipped: 0 },
    ]);
    // Left out of the stream, not out of the log.
    expect(log.all().map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(log.skippedEvent(5)).toBe('event: skipped\ndata: {"count":5}\n\n');
  });

  it('waits longer after a batch that left exchanges out, and as before once one did not', async () => {
    const log = new RequestLog(200, 1, 2, 40);
    const heard: { ids: number[]; at: number }[] = [];
    const start = performance.now();
    log.subscribe((batch) => heard.push({ ids: batch.map((e) => e.id), at: performance.now() - start }));
    for (let id = 1; id <= 3; id++) log.record(exchange(id)); // one more than a batch holds
    await nextTurn();
    expect(heard.map((b) => b.ids)).toEqual([[2, 3]]);
    log.record(exchange(4));
    await nextTurn();
    expect(heard).toHaveLength(1); // not after 1 ms: after 40
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard.map((b) => b.ids)).toEqual([[2, 3], [4]]);
    expect(heard[1]!.at - heard[0]!.at).toBeGreaterThanOrEqual(35);
    log.record(exchange(5)); // the last batch left none out: quick again
    await nextTurn();
    expect(heard.map((b) => b.ids)).toEqual([[2, 3], [4], [5]]);
  });

  it('is quick again for the first exchange after a flood is over', async () => {
    const log = new RequestLog(200, 1, 2, 40);
    const heard: number[][] = [];
    log.subscribe((batch) => heard.push(batch.map((e) => e.id)));
    for (let id = 1; id <= 3; id++) log.record(exchange(id));
    await nextTurn();
    expect(heard).toEqual([[2, 3]]);
    await new Promise((resolve) => setTimeout(resolve, 50)); // quiet for longer than the busy wait
    log.record(exchange(4));
    await nextTurn();
    expect(heard).toEqual([[2, 3], [4]]);
  });

  it('forgets a listener that unsubscribed', async () => {
    const log = new RequestLog(200, 1);
    let heard = 0;
    const unsubscribe = log.subscribe(() => heard++);
    expect(log.listeners).toBe(1);
    unsubscribe();
    expect(log.listeners).toBe(0);
    log.record(exchange(1));
    await nextTurn();
    expect(heard).toBe(0);
  });

  it('writes each exchange as one Server-Sent Event, the same text for every page', () => {
    const log = new RequestLog();
    const e = { ...exchange(7), requestHeaders: [['X-Note', 'two\nlines']] as [string, string][] };
    const text = log.event(e);
    expect(text).toBe(log.event(e));
    expect(text.startsWith('event: exchange\nid: 7\ndata: {')).toBe(true);
    expect(text.endsWith('}\n\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(5);
    expect(JSON.parse(text.split('\n')[2]!.slice(6))).toEqual(e);
  });

  it('encodes a batch once per filter: every page that wants it gets the same bytes', () => {
    const log = new RequestLog();
    const batch = [exchange(1), { ...exchange(2), stage: 'etag' }];
    const all = log.encodedEvents(batch);
    expect(log.encodedEvents(batch)).toBe(all);
    expect(Buffer.from(all).toString()).toBe(log.event(batch[0]!) + log.event(batch[1]!));
    expect(Buffer.from(log.encodedEvents(batch, 'etag')).toString()).toBe(log.event(batch[1]!));
    expect(log.encodedEvents(batch, 'nope').byteLength).toBe(0);
    // What a batch left out comes first, in the same bytes.
    const withSkipped = log.encodedEvents(batch, 'etag', 5);
    expect(Buffer.from(withSkipped).toString()).toBe(log.skippedEvent(5) + log.event(batch[1]!));
    expect(log.encodedEvents(batch, 'etag', 5)).toBe(withSkipped);
    expect(Buffer.from(log.encodedEvents(batch, 'nope', 5)).toString()).toBe(log.skippedEvent(5));
  });
});
