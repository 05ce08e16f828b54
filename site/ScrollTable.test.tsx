// @vitest-environment happy-dom
// A Markdown table's box is named by its column headings, so two tables on a page are two regions.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { firstRowText, ScrollTable } from './ScrollTable';

const table = (...headings: unknown[]) => [
  h('thead', { key: 'h' }, h('tr', null, ...headings.map((text, i) => h('th', { key: i }, text as string)))),
  h('tbody', { key: 'b' }, h('tr', null, h('td', null, 'x'))),
];

describe('ScrollTable', () => {
  it('names its box by the headings of the first row, inline code included', () => {
    expect(firstRowText(table('group', ['seed: ', h('code', { key: 'c' }, '200')]))).toEqual(['group', 'seed: 200']);
    const html = renderToStaticMarkup(h(ScrollTable, null, ...table('payload', 'status')));
    expect(html).toContain('aria-label="Table: payload, status (scrolls sideways)"');
    expect(html).toContain('role="region"');
  });

  it('two tables with other headings get two names; a table without rows keeps the plain one', () => {
    const a = renderToStaticMarkup(h(ScrollTable, null, ...table('a')));
    const b = renderToStaticMarkup(h(ScrollTable, null, ...table('b')));
    expect(a).not.toBe(b);
    expect(renderToStaticMarkup(h(ScrollTable, null))).toContain('aria-label="Table (scrolls sideways)"');
  });
});
