import { describe, expect, it } from 'vitest';
import { notModifiedBodyRule } from './not-modified-body-rule';
import { response } from '../testing/checked-response';

describe('notModifiedBodyRule', () => {
  const the200 = response(200, [['Content-Length', '100']]);
  it('is good for a bodiless 304, with or without the 200\'s Content-Length', () => {
    expect(notModifiedBodyRule(response(304, []), the200).map((f) => f.level)).toEqual(['good']);
    expect(notModifiedBodyRule(response(304, [['Content-Length', '100']]), the200).map((f) => f.level)).toEqual(['good']);
  });
  it('is an error for a 304 with a body, or a Content-Length the 200 did not have', () => {
    expect(notModifiedBodyRule(response(304, [], 5), the200).map((f) => [f.rule, f.level, f.cite])).toEqual([['not-modified-body', 'error', 'RFC 9110, 15.4.5']]);
    expect(notModifiedBodyRule(response(304, [['Content-Length', '0']]), the200).map((f) => [f.rule, f.level, f.cite])).toEqual([
      ['not-modified-content-length', 'error', 'RFC 9110, 8.6'],
    ]);
  });
  it('says nothing about a 200', () => {
    expect(notModifiedBodyRule(the200, undefined)).toEqual([]);
  });
});
