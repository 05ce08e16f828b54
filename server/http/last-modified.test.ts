import { describe, expect, it } from 'vitest';
import { conditionalRequest } from '../testing/conditional-request';
import { formatHttpDate, parseHttpDate } from './http-date';
import { checkIfModifiedSince } from './if-modified-since';
import { lastModifiedTime } from './last-modified';

const SECOND = Date.UTC(2008, 2, 19, 20, 32, 0);

describe('lastModifiedTime', () => {
  it('cuts the mtime to whole seconds, so the echoed date matches', () => {
    const mtime = SECOND + 734.25;
    const sent = lastModifiedTime(mtime, Date.now());
    expect(sent).toBe(SECOND);
    const echoed = conditionalRequest({ 'If-Modified-Since': formatHttpDate(sent) });
    expect(checkIfModifiedSince(echoed, { lastModified: sent })).toBe(false);
    // The raw mtime, milliseconds and all, would look newer than its own echoed date.
    expect(checkIfModifiedSince(echoed, { lastModified: mtime })).toBe(true);
  });

  it('two edits within one second get the same Last-Modified', () => {
    const first = lastModifiedTime(SECOND + 100, SECOND + 5000);
    const second = lastModifiedTime(SECOND + 900, SECOND + 5000);
    expect(first).toBe(SECOND);
    expect(formatHttpDate(first)).toBe(formatHttpDate(second));
  });

  it('why the cut: the raw mtime is newer than its own echoed date only when it has a fraction of a second', () => {
    const echoedFor = (mtime: number) => parseHttpDate(formatHttpDate(mtime))!;
    const rawIsNewer = (mtime: number) => mtime > echoedFor(mtime); // "modified since": a 200
    expect(rawIsNewer(SECOND + 500)).toBe(true);
    expect(rawIsNewer(SECOND)).toBe(false);
    expect(lastModifiedTime(SECOND + 500, SECOND + 5000) > echoedFor(SECOND + 500)).toBe(false);
  });

  it('replaces a time in the future by now (RFC 9110, 8.8.2.1)', () => {
    expect(lastModifiedTime(SECOND + 60_000, SECOND + 1_500)).toBe(SECOND + 1_000);
    const now = Date.UTC(2026, 0, 1, 12, 0, 0, 500);
    expect(lastModifiedTime(now + 3600e3, now)).toBe(Date.UTC(2026, 0, 1, 12, 0, 0));
  });
});
