import { describe, expect, it } from 'vitest';
import { markDone, parseProgress, resetChapter } from './progress';

describe('progress', () => {
  it('parses stored progress and drops what is malformed', () => {
    expect(parseProgress('{"a":["x","y"],"b":"nope","c":[1,"z"]}')).toEqual({ a: ['x', 'y'], c: ['z'] });
    expect(parseProgress('not json')).toEqual({});
    expect(parseProgress('[1,2]')).toEqual({});
    expect(parseProgress(null)).toEqual({});
  });

  it('adds done ids once, and returns the same object when nothing is new', () => {
    const p = markDone({}, 'ch', ['a']);
    expect(p).toEqual({ ch: ['a'] });
    const q = markDone(p, 'ch', ['a', 'b']);
    expect(q).toEqual({ ch: ['a', 'b'] });
    expect(markDone(q, 'ch', ['b'])).toBe(q);
  });

  it('resets one chapter only', () => {
    expect(resetChapter({ a: ['x'], b: ['y'] }, 'a')).toEqual({ b: ['y'] });
  });
});
