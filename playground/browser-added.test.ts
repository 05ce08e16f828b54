import { describe, expect, it } from 'vitest';
import { addedByNoStore, markReceived, NO_STORE_REASON } from './browser-added';

describe('markReceived', () => {
  const received: [string, string][] = [
    ['Host', '127.0.0.1:5173'],
    ['Pragma', 'no-cache'],
    ['Cache-Control', 'no-cache'],
    ['if-modified-since', 'Tue, 24 Nov 2026 10:00:00 GMT'],
  ];

  it("marks what the learner did not write, and says why for what cache: 'no-store' adds", () => {
    const fields = markReceived(received, [['If-Modified-Since', 'Tue, 24 Nov 2026 10:00:00 GMT']]);
    expect(fields.map((f) => [f.name, f.added, f.why])).toEqual([
      ['Host', true, undefined],
      ['Pragma', true, NO_STORE_REASON],
      ['Cache-Control', true, NO_STORE_REASON],
      ['if-modified-since', false, undefined],
    ]);
    expect(addedByNoStore(fields)).toBe(true);
  });

  it('does not mark a Cache-Control the learner wrote', () => {
    const fields = markReceived(received, [['cache-control', 'no-cache']]);
    expect(fields.find((f) => f.name === 'Cache-Control')).toEqual({ name: 'Cache-Control', value: 'no-cache', added: false });
    expect(addedByNoStore(markReceived([['Host', 'x']], []))).toBe(false);
  });
});
