// @vitest-environment happy-dom
// A Markdown table's box is named by its column headings, so two tables on a page are two regions.
import { act, createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { ScrollTable } from './ScrollTable';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(...headings: (string | ReturnType<typeof h>)[][]): string[] {
  const host = document.createElement('div');
  const tables = headings.map((row, t) =>
    h(ScrollTable, { key: t }, h('thead', null, h('tr', null, ...row.map((cell, i) => h('th', { key: i }, cell)))), h('tbody', null)),
  );
  act(() => createRoot(host).render(h('div', null, ...tables)));
  return [...host.querySelectorAll('.table-box')].map((box) => box.getAttribute('aria-label')!);
}

describe('ScrollTable', () => {
  it('names its box by the headings of the first row, inline code included', () => {
    expect(render(['group', h('span', null, 'seed: ', h('code', null, '200'))])).toEqual(['Table: group, seed: 200 (scrolls sideways)']);
  });

  it('two tables with other headings are two regions with two names; a table without rows keeps the plain name', () => {
    const [a, b] = render(['payload', 'status'], ['group', 'payloads']);
    expect(a).toBe('Table: payload, status (scrolls sideways)');
    expect(b).not.toBe(a);
    expect(render([])).toEqual(['Table (scrolls sideways)']);
  });
});
