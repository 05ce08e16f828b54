import { afterEach, describe, expect, it, vi } from 'vitest';
import { countsFor, passingTasks, type Task } from './task-helpers';
import { exchange } from './testing/exchanges';

afterEach(() => vi.restoreAllMocks());

const ME = 'me';
const chapter = { slug: 'ch', stage: 'etag', compare: 'seed' };
const mine = { learner: ME, chapter: 'ch' };

describe('passingTasks', () => {
  const seen: [string[], string[]][] = [];
  const task = (id: string, check: Task['check'], accepts?: Task['accepts']): Task => ({ id, text: id, check, accepts });
  const log = [
    exchange({ stage: 'etag', id: 1, ...mine }),
    exchange({ stage: 'other', id: 2, ...mine }),
    exchange({ stage: 'seed', id: 3, ...mine }),
    exchange({ stage: 'etag', id: 4, ...mine }),
    exchange({ stage: 'etag', id: 5 }), // nobody's: curl, or a test
    exchange({ stage: 'etag', id: 6, learner: 'someone-else', chapter: 'ch' }),
    exchange({ stage: 'etag', id: 7, learner: ME, chapter: 'another-chapter' }),
    exchange({ stage: 'etag', id: 8, learner: ME }), // the demo frame: the browser's own load
  ];
  const ids = (list: { id: number }[]) => list.map((x) => String(x.id));

  it("gives each check only this learner's exchanges of the chapter's stage, then the compared stage's, oldest first", () => {
    const tasks = [
      task('spy', (own, compared) => {
        seen.push([ids(own), ids(compared)]);
        return true;
      }),
      task('never', () => false),
    ];
    expect(passingTasks(tasks, log, chapter, ME)).toEqual(['spy']);
    expect(passingTasks(tasks, log, { slug: 'ch', stage: 'etag' }, ME)).toEqual(['spy']);
    expect(seen).toEqual([
      [['1', '4'], ['3']],
      [['1', '4'], []],
    ]);
  });

  it("gives a task that accepts 'browser' the pages the browser loaded itself, not the playground's sends", () => {
    const spy = vi.fn<Task['check']>(() => true);
    passingTasks([task('frame', spy, 'browser')], log, chapter, ME);
    expect(spy.mock.calls.map(([own, compared]) => [ids(own), ids(compared)])).toEqual([[['8'], []]]);
  });

  it("counts the workshop's \"your server\" for the chapter's stage as the stage itself", () => {
    const yours = [exchange({ stage: 'yours-etag', id: 9, ...mine }), exchange({ stage: 'yours-seed', id: 10, ...mine })];
    let own: string[] = [];
    passingTasks([task('yours', (o) => ((own = ids(o)), true))], [...log, ...yours], chapter, ME);
    expect(own).toEqual(['1', '4', '9']);
  });

  it('counts nothing for a learner with no exchanges', () => {
    expect(passingTasks([task('any', (own, compared) => own.length + compared.length > 0)], log, chapter, 'new-id')).toEqual([]);
  });

  it('counts a check that throws as not passing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = task('broken', () => {
      throw new Error('bug');
    });
    expect(passingTasks([broken, task('ok', () => true)], log, chapter, ME)).toEqual(['ok']);
  });
});

describe('countsFor', () => {
  it('needs the learner, and the chapter for a playground task', () => {
    expect(countsFor(exchange(mine), ME, 'ch')).toBe(true);
    expect(countsFor(exchange(mine), ME, 'ch', 'browser')).toBe(false);
    expect(countsFor(exchange({ learner: ME }), ME, 'ch', 'browser')).toBe(true);
    expect(countsFor(exchange({ learner: ME }), ME, 'ch')).toBe(false);
    expect(countsFor(exchange({}), ME, 'ch', 'browser')).toBe(false);
  });
});
