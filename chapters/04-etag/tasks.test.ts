// Chapter 4's "try this" checks, against hand-made exchanges: each passes on the exchange it
// describes and not on near misses. `(exchanges, compared)`: the etag stage's, then the seed's.
import { describe, expect, it } from 'vitest';
import { exchange } from '../../client/testing/exchanges';
import { tasks } from './tasks';

function check(id: string) {
  const found = tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found.check;
}

const TAG = '"Zm9vYmFyYmF6cXV4cXV1eA"';
const NEW_TAG = '"bmV3IGNvbnRlbnQgaGVyZQ"';

describe('chapter 4: etag', () => {
  const first = exchange({ id: 10, responseHeaders: [['ETag', TAG]] });
  const conditional = (value: string, status: number, fields: Partial<Parameters<typeof exchange>[0]> = {}) =>
    exchange({ id: 11, status, bodyBytes: status === 304 ? 0 : 615, requestHeaders: [['If-None-Match', value]], ...fields });

  it('etag-304: a 304 for the ETag of an earlier 200 of the same file', () => {
    const echo = conditional(TAG, 304, { responseHeaders: [['ETag', TAG]] });
    expect(check('etag-304')([first, echo], [])).toBe(true);
    expect(check('etag-304')([first, conditional(`"x", ${TAG}`, 304)], [])).toBe(true); // in a list
    expect(check('etag-304')([echo], [])).toBe(false); // nothing to echo
    expect(check('etag-304')([{ ...first, id: 12 }, echo], [])).toBe(false); // the 200 came later
    expect(check('etag-304')([{ ...first, path: '/index.html' }, echo], [])).toBe(false); // another file's tag
    expect(check('etag-304')([first, conditional('*', 304)], [])).toBe(false);
    expect(check('etag-304')([first, conditional(TAG, 200)], [])).toBe(false);
    expect(check('etag-304')([], [first, echo])).toBe(false); // the seed's do not count
  });

  it('weak-comparison: W/ before a strong tag, still a 304', () => {
    expect(check('weak-comparison')([first, conditional(`W/${TAG}`, 304)], [])).toBe(true);
    const weakFirst = exchange({ id: 10, responseHeaders: [['ETag', `W/${TAG}`]] });
    expect(check('weak-comparison')([weakFirst, conditional(TAG, 304)], [])).toBe(true); // the other way round
    expect(check('weak-comparison')([first, conditional(TAG, 304)], [])).toBe(false); // a strong match: nothing weak
    expect(check('weak-comparison')([first, conditional(`w/${TAG}`, 304)], [])).toBe(false); // w/ is no weak tag
    expect(check('weak-comparison')([first, conditional(`W/${TAG}`, 200)], [])).toBe(false);
  });

  it('seed-confirms-unknown-tag: a 304 from the seed for a tag it never sent', () => {
    const seed200 = exchange({ id: 20, stage: 'seed', responseHeaders: [['Last-Modified', 'Tue, 24 Nov 2026 10:00:00 GMT']] });
    const confirmed = conditional('"never-sent-by-this-server"', 304, { id: 21, stage: 'seed' });
    expect(check('seed-confirms-unknown-tag')([], [seed200, confirmed])).toBe(true);
    expect(check('seed-confirms-unknown-tag')([], [conditional('garbage', 304, { stage: 'seed' })])).toBe(true);
    expect(check('seed-confirms-unknown-tag')([], [conditional('*', 304, { stage: 'seed' })])).toBe(false); // * is a fair 304
    expect(check('seed-confirms-unknown-tag')([], [{ ...confirmed, status: 200 }])).toBe(false);
    expect(check('seed-confirms-unknown-tag')([confirmed], [])).toBe(false); // on the chapter's own stage it does not count
    const tagged = exchange({ id: 22, stage: 'seed', responseHeaders: [['ETag', '"never-sent-by-this-server"']] });
    expect(check('seed-confirms-unknown-tag')([], [tagged, confirmed])).toBe(false); // a server that did send it
  });

  it('edited-200: the old tag after an edit gets a 200 with a new tag', () => {
    const edited = conditional(TAG, 200, { responseHeaders: [['ETag', NEW_TAG]] });
    expect(check('edited-200')([first, edited], [])).toBe(true);
    expect(check('edited-200')([first, { ...edited, responseHeaders: [['ETag', TAG]] }], [])).toBe(false); // no new tag
    expect(check('edited-200')([first, conditional('"other"', 200, { responseHeaders: [['ETag', NEW_TAG]] })], [])).toBe(false); // not its old tag
    expect(check('edited-200')([edited], [])).toBe(false); // no earlier tag
    expect(check('edited-200')([first, { ...edited, status: 304 }], [])).toBe(false);
  });
});
