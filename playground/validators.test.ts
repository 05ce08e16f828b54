import { describe, expect, it } from 'vitest';
import { newRow, requestHeaders } from './header-rows';
import { applyValidators, hasValidators, validatorsFrom } from './validators';

const LM = 'Tue, 25 Nov 2026 18:00:00 GMT';

describe('validators', () => {
  it('reads Last-Modified and ETag, case-insensitively', () => {
    expect(validatorsFrom([['last-modified', LM], ['ETag', 'W/"1"']])).toEqual({ lastModified: LM, etag: 'W/"1"' });
    expect(hasValidators(validatorsFrom([['content-type', 'text/css']]))).toBe(false);
  });

  it('fills If-Modified-Since and If-None-Match verbatim, enabling existing rows', () => {
    const rows = [newRow('If-Modified-Since', 'garbage', false), newRow('Accept', '*/*')];
    expect(requestHeaders(applyValidators(rows, { lastModified: LM, etag: '"abc"' }))).toEqual([
      ['If-Modified-Since', LM],
      ['Accept', '*/*'],
      ['If-None-Match', '"abc"'],
    ]);
  });

  it('adds only what the response had', () => {
    expect(requestHeaders(applyValidators([], { lastModified: LM }))).toEqual([['If-Modified-Since', LM]]);
  });
});
