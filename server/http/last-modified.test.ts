import { describe, expect, it } from 'vitest';
import { conditionalRequest } from '../testing/conditional-request';
import { formatHttpDate } from './http-date';
import { checkIfModifiedSince } from './if-modified-since';
import { lastModifiedTime } from './last-modified';

const LAST_MODIFIED = Date.UTC(2008, 2, 19, 20, 32, 0);

describe('lastModifiedTime', () => {
  it('cuts the mtime to whole seconds, so the echoed date matches', () => {
    const mtime = LAST_MODIFIED + 734.25;
    const sent = lastModifiedTime(mtime, Date.now());
    expect(sent).toBe(LAST_MODIFIED);
    const echoed = conditionalRequest({ 'If-Modified-Since': formatHttpDate(sent) });
    expect(checkIfModifiedSince(echoed, { lastModified: sent })).toBe(false);
    // The raw mtime, milliseconds and all, would look newer than its own echoed date.
    expect(checkIfModifiedSince(echoed, { lastModified: mtime })).toBe(true);
  });
  it('never claims a time later than now', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0, 500);
    expect(lastModifiedTime(now + 3600e3, now)).toBe(Date.UTC(2026, 0, 1, 12, 0, 0));
  });
});
