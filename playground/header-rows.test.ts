import { describe, expect, it } from 'vitest';
import { invalidHeaderNames, invalidHeaderValues, newRow, removeRow, requestHeaders, setHeader, updateRow } from './header-rows';

describe('header rows', () => {
  it('sends enabled rows with a name, trimmed, in order', () => {
    const rows = [newRow('A', ' 1 '), newRow('B', '2', false), newRow('  ', 'x'), newRow('C', '')];
    expect(requestHeaders(rows)).toEqual([['A', '1'], ['C', '']]);
  });

  it('setHeader updates and enables an existing row, case-insensitively, or appends', () => {
    const a = newRow('if-modified-since', 'old', false);
    const rows = setHeader([a], 'If-Modified-Since', 'new');
    expect(rows).toEqual([{ ...a, value: 'new', enabled: true }]);
    const more = setHeader(rows, 'If-None-Match', '"x"');
    expect(more.map((r) => [r.name, r.value, r.enabled])).toEqual([
      ['if-modified-since', 'new', true],
      ['If-None-Match', '"x"', true],
    ]);
  });

  it('setHeader switches off duplicates so one value is sent', () => {
    const rows = setHeader([newRow('X-A', '1'), newRow('x-a', '2')], 'X-A', '3');
    expect(requestHeaders(rows)).toEqual([['X-A', '3']]);
  });

  it('updates and removes rows by id', () => {
    const a = newRow('A', '1');
    const b = newRow('B', '2');
    expect(updateRow([a, b], b.id, { enabled: false })[1]?.enabled).toBe(false);
    expect(removeRow([a, b], a.id)).toEqual([b]);
  });

  it('finds names fetch would refuse', () => {
    expect(invalidHeaderNames([newRow('Good-Name', 'x'), newRow('bad name', 'x'), newRow('bad:', 'x', false)])).toEqual(['bad name']);
  });

  it('finds values fetch would refuse: control characters and non-Latin-1 text', () => {
    expect(invalidHeaderValues([newRow('A', 'Tue, 25 Nov 2026 18:00:00 GMT'), newRow('B', 'caf\u00e9'), newRow('C', '\u2603'), newRow('D', 'a\u0001b')])).toEqual(['C', 'D']);
  });
});
