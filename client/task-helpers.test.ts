import { afterEach, describe, expect, it, vi } from 'vitest';
import { passingTasks, type Task } from './task-helpers';
import { exchange } from './testing/exchanges';

afterEach(() => vi.restoreAllMocks());

describe('passingTasks', () => {
  const seen: [string[], string[]][] = [];
  const task = (id: string, check: Task['check']): Task => ({ id, text: id, check });
  const log = [
    exchange({ stage: 'etag', id: 1 }),
    exchange({ stage: 'other', id: 2 }),
    exchange({ stage: 'seed', id: 3 }),
    exchange({ stage: 'etag', id: 4 }),
  ];
  const ids = (list: { id: number }[]) => list.map((x) => String(x.id));

  it("gives each check only the chapter's stage's exchanges, then the compared stage's, oldest first", () => {
    const tasks = [
      task('spy', (own, compared) => {
        seen.push([ids(own), ids(compared)]);
        return true;
      }),
      task('never', () => false),
    ];
    expect(passingTasks(tasks, log, { stage: 'etag', compare: 'seed' })).toEqual(['spy']);
    expect(passingTasks(tasks, log, { stage: 'etag' })).toEqual(['spy']);
    expect(seen).toEqual([
      [['1', '4'], ['3']],
      [['1', '4'], []],
    ]);
  });

  it('counts a check that throws as not passing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = task('broken', () => {
      throw new Error('bug');
    });
    expect(passingTasks([broken, task('ok', () => true)], log, { stage: 'etag' })).toEqual(['ok']);
  });
});
