// Chapter 5's "try this" checks, against hand-made exchanges: each passes on the exchange it
// describes and not on near misses.
import { describe, expect, it } from 'vitest';
import { exchange } from '../../client/testing/exchanges';
import { tasks } from './tasks';

function check(id: string) {
  const found = tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found.check;
}

const LM = 'Tue, 24 Nov 2026 10:00:00 GMT';
const LATER = 'Tue, 24 Nov 2026 10:05:00 GMT';
const STALE = 'Sat, 01 Jan 2000 00:00:00 GMT';
const TAG = '"KglWyu3lDYM31RU3q-c7Gg"';
const NEW_TAG = '"DQ1RacyBXM5fqOafQ-zBfA"';
const validators = (etag = TAG, lastModified = LM): [string, string][] => [
  ['ETag', etag],
  ['Last-Modified', lastModified],
];

describe('chapter 5: etag-vs-last-modified', () => {
  it('tag-beats-stale-date: a 304 to the tag with a date before Last-Modified', () => {
    const ok = exchange({ status: 304, requestHeaders: [['If-None-Match', TAG], ['If-Modified-Since', STALE]], responseHeaders: validators() });
    expect(check('tag-beats-stale-date')([ok], [])).toBe(true);
    expect(check('tag-beats-stale-date')([{ ...ok, requestHeaders: [['If-None-Match', TAG], ['If-Modified-Since', LM]] }], [])).toBe(false); // not stale
    expect(check('tag-beats-stale-date')([{ ...ok, requestHeaders: [['If-None-Match', TAG]] }], [])).toBe(false); // no date
    expect(check('tag-beats-stale-date')([{ ...ok, requestHeaders: [['If-None-Match', '*'], ['If-Modified-Since', STALE]] }], [])).toBe(false); // not the tag
    expect(check('tag-beats-stale-date')([{ ...ok, status: 200 }], [])).toBe(false);
    expect(check('tag-beats-stale-date')([], [ok])).toBe(false); // the replica's does not count
  });

  it('mismatch-beats-fresh-date: a 200 to another tag with a date not before Last-Modified', () => {
    const ok = exchange({ status: 200, requestHeaders: [['If-None-Match', '"anything"'], ['If-Modified-Since', LATER]], responseHeaders: validators() });
    expect(check('mismatch-beats-fresh-date')([ok], [])).toBe(true);
    expect(check('mismatch-beats-fresh-date')([{ ...ok, requestHeaders: [['If-None-Match', '"anything"'], ['If-Modified-Since', LM]] }], [])).toBe(true); // equal is fresh
    expect(check('mismatch-beats-fresh-date')([{ ...ok, requestHeaders: [['If-None-Match', '"anything"'], ['If-Modified-Since', STALE]] }], [])).toBe(false);
    expect(check('mismatch-beats-fresh-date')([{ ...ok, requestHeaders: [['If-Modified-Since', LATER]] }], [])).toBe(false); // no tag
    expect(check('mismatch-beats-fresh-date')([{ ...ok, requestHeaders: [['If-None-Match', TAG], ['If-Modified-Since', LATER]] }], [])).toBe(false); // its own tag
    expect(check('mismatch-beats-fresh-date')([{ ...ok, status: 304 }], [])).toBe(false);
  });

  it('rewrite-caught-by-tag: the old tag gets a 200 with a new tag and the same date', () => {
    const first = exchange({ id: 1, responseHeaders: validators() });
    const caught = exchange({ id: 2, requestHeaders: [['If-None-Match', TAG]], responseHeaders: validators(NEW_TAG) });
    expect(check('rewrite-caught-by-tag')([first, caught], [])).toBe(true);
    expect(check('rewrite-caught-by-tag')([caught], [])).toBe(false); // the tag was never sent
    expect(check('rewrite-caught-by-tag')([first, { ...caught, responseHeaders: validators(NEW_TAG, LATER) }], [])).toBe(false); // the date changed too: an ordinary edit
    expect(check('rewrite-caught-by-tag')([first, { ...caught, status: 304, responseHeaders: validators() }], [])).toBe(false);
    expect(check('rewrite-caught-by-tag')([first, { ...caught, path: '/index.html' }], [])).toBe(false); // another file
  });

  it('touch-keeps-tag: the tag still gets a 304 after Last-Modified moved on', () => {
    const first = exchange({ id: 1, responseHeaders: validators() });
    const kept = exchange({ id: 2, status: 304, requestHeaders: [['If-None-Match', TAG]], responseHeaders: validators(TAG, LATER) });
    expect(check('touch-keeps-tag')([first, kept], [])).toBe(true);
    expect(check('touch-keeps-tag')([first, { ...kept, responseHeaders: validators() }], [])).toBe(false); // not touched
    expect(check('touch-keeps-tag')([first, { ...kept, status: 200 }], [])).toBe(false);
    expect(check('touch-keeps-tag')([kept], [])).toBe(false);
  });

  it('replica-validators-disagree: one file, the same tag on both servers, two dates', () => {
    const here = exchange({ stage: 'etag-vs-last-modified', responseHeaders: validators() });
    const there = exchange({ stage: 'etag-vs-last-modified-replica', responseHeaders: validators(TAG, 'Tue, 24 Nov 2026 09:00:00 GMT') });
    expect(check('replica-validators-disagree')([here], [there])).toBe(true);
    expect(check('replica-validators-disagree')([here], [{ ...there, responseHeaders: validators() }])).toBe(false); // agree
    expect(check('replica-validators-disagree')([here], [{ ...there, path: '/index.html' }])).toBe(false);
    expect(check('replica-validators-disagree')([here], [{ ...there, responseHeaders: validators(NEW_TAG, 'Tue, 24 Nov 2026 09:00:00 GMT') }])).toBe(false);
    expect(check('replica-validators-disagree')([here, there], [])).toBe(false); // both must be asked
  });
});
