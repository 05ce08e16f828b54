import { describe, expect, it } from 'vitest';
import { groupByPart, tasksDone } from './toc';

const chapter = (number: number, part: string) => ({ number, part, slug: `c${number}` });

describe('groupByPart', () => {
  it('keeps parts in the order of their first chapter, and chapters in the order given', () => {
    const chapters = [chapter(1, 'Validators'), chapter(2, 'Validators'), chapter(6, 'Safety'), chapter(7, 'Freshness and load'), chapter(9, 'Beyond')];
    expect(groupByPart(chapters).map((p) => [p.name, p.chapters.map((c) => c.number)])).toEqual([
      ['Validators', [1, 2]],
      ['Safety', [6]],
      ['Freshness and load', [7]],
      ['Beyond', [9]],
    ]);
  });

  it('puts a chapter that comes back to an earlier part under that part', () => {
    const parts = groupByPart([chapter(1, 'A'), chapter(2, 'B'), chapter(3, 'A')]);
    expect(parts.map((p) => [p.name, p.chapters.map((c) => c.number)])).toEqual([
      ['A', [1, 3]],
      ['B', [2]],
    ]);
  });

  it('is empty without chapters', () => {
    expect(groupByPart([])).toEqual([]);
  });
});

describe('tasksDone', () => {
  const taskIds = ['a', 'b', 'c'];

  it('counts the stored ids of the chapter that are still tasks of it', () => {
    expect(tasksDone({ slug: 'x', taskIds }, { x: ['a', 'gone', 'c'], y: ['b'] })).toEqual({ done: 2, total: 3 });
    expect(tasksDone({ slug: 'x', taskIds }, {})).toEqual({ done: 0, total: 3 });
    expect(tasksDone({ slug: 'x', taskIds: [] }, { x: ['a'] })).toEqual({ done: 0, total: 0 });
  });
});
