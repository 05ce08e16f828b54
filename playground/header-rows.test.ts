import { describe, expect, it } from 'vitest';
import { invalidHeaderNames, invalidHeaderValues, newRow, removeRow, requestHeaders, rowProblem, setHeader, updateRow } from './header-rows';

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

describe('rows the browser will not send', () => {
  it('says why beside the row, and leaves them out of the request', () => {
    const rows = [newRow('Host', 'example.com'), newRow('', 'orphan'), newRow('sec-fetch-mode', 'x'), newRow('X-Cachecraft-Learner', 'x'), newRow('Accept', 'text/css'), newRow('', '')];
    expect(rows.map(rowProblem)).toEqual([
      'Not sent: a page may not set Host; the browser sends its own (or none). curl can send it.',
      'No name: this row is not sent.',
      'Not sent: a page may not set sec-fetch-mode; the browser sends its own (or none). curl can send it.',
      'Not sent: the course uses X-Cachecraft-Learner for itself, and the server takes it off.',
      undefined,
      undefined,
    ]);
    expect(requestHeaders(rows)).toEqual([['Accept', 'text/css']]);
    expect(rowProblem({ ...rows[0]!, enabled: false })).toBeUndefined();
  });
});
