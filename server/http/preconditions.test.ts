import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyFieldValue, conditionalRequest } from '../testing/conditional-request';
import type { Current } from './condition';
import { formatHttpDate } from './http-date';
import { checkIfMatch } from './if-match';
import { checkIfModifiedSince } from './if-modified-since';
import { checkIfNoneMatch } from './if-none-match';
import { checkIfUnmodifiedSince } from './if-unmodified-since';
import { evaluatePreconditions, type PreconditionOutcome } from './preconditions';

const ETAG = '"v2"';
const LAST_MODIFIED = Date.UTC(2008, 2, 19, 20, 32, 0);
const BOTH: Current = { etag: ETAG, lastModified: LAST_MODIFIED };
const SAME = formatHttpDate(LAST_MODIFIED);
const EARLIER = formatHttpDate(LAST_MODIFIED - 1000);
const LATER = formatHttpDate(LAST_MODIFIED + 1000);

const evaluate = (fields: Record<string, string>, method = 'GET', current: Current = BOTH) =>
  evaluatePreconditions(conditionalRequest(fields, method), current);

const PROCEED: PreconditionOutcome = { status: 200 };
const notModifiedBy = (by: 'If-None-Match' | 'If-Modified-Since'): PreconditionOutcome => ({ status: 304, by });
const failedBy = (by: 'If-Match' | 'If-Unmodified-Since' | 'If-None-Match'): PreconditionOutcome => ({ status: 412, by });

describe('evaluatePreconditions (RFC 9110, 13.2.2)', () => {
  it('proceeds without conditions', () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE']) expect(evaluate({}, method)).toEqual(PROCEED);
    expect(evaluate({}, 'GET', null)).toEqual(PROCEED);
    expect(evaluate({}, 'GET', {})).toEqual(PROCEED);
  });

  describe('each header alone', () => {
    it.each<[string, Record<string, string>, string, Current, PreconditionOutcome]>([
      // Step 1, If-Match: false is 412, whatever the method.
      ['If-Match, the current tag', { 'If-Match': ETAG }, 'PUT', BOTH, PROCEED],
      ['If-Match, another tag', { 'If-Match': '"v1"' }, 'PUT', BOTH, failedBy('If-Match')],
      ['If-Match, another tag, on GET', { 'If-Match': '"v1"' }, 'GET', BOTH, failedBy('If-Match')],
      ['If-Match, the weak form of the tag (strong comparison)', { 'If-Match': `W/${ETAG}` }, 'DELETE', BOTH, failedBy('If-Match')],
      ['If-Match: * on a file that exists', { 'If-Match': '*' }, 'PUT', BOTH, PROCEED],
      ['If-Match: * on a file that exists, without an ETag', { 'If-Match': '*' }, 'PUT', {}, PROCEED],
      ['If-Match: * with no current representation', { 'If-Match': '*' }, 'PUT', null, failedBy('If-Match')],
      ['If-Match, a tag, with no ETag to match', { 'If-Match': ETAG }, 'GET', { lastModified: LAST_MODIFIED }, failedBy('If-Match')],
      ['If-Match, nothing valid in it', { 'If-Match': 'garbage' }, 'POST', BOTH, failedBy('If-Match')],
      // Step 2, If-Unmodified-Since: false is 412.
      ['If-Unmodified-Since, the same date', { 'If-Unmodified-Since': SAME }, 'PUT', BOTH, PROCEED],
      ['If-Unmodified-Since, a later date', { 'If-Unmodified-Since': LATER }, 'DELETE', BOTH, PROCEED],
      ['If-Unmodified-Since, an earlier date', { 'If-Unmodified-Since': EARLIER }, 'PUT', BOTH, failedBy('If-Unmodified-Since')],
      ['If-Unmodified-Since, an earlier date, on GET', { 'If-Unmodified-Since': EARLIER }, 'GET', BOTH, failedBy('If-Unmodified-Since')],
      ['If-Unmodified-Since, an invalid date', { 'If-Unmodified-Since': 'yesterday' }, 'PUT', BOTH, PROCEED],
      ['If-Unmodified-Since, no modification date', { 'If-Unmodified-Since': EARLIER }, 'PUT', { etag: ETAG }, PROCEED],
      // Step 3, If-None-Match: false is 304 for GET and HEAD, 412 for the rest.
      ['If-None-Match, the current tag, GET', { 'If-None-Match': ETAG }, 'GET', BOTH, notModifiedBy('If-None-Match')],
      ['If-None-Match, the current tag, HEAD', { 'If-None-Match': ETAG }, 'HEAD', BOTH, notModifiedBy('If-None-Match')],
      ['If-None-Match, the current tag, POST', { 'If-None-Match': ETAG }, 'POST', BOTH, failedBy('If-None-Match')],
      ['If-None-Match, the current tag, PUT', { 'If-None-Match': ETAG }, 'PUT', BOTH, failedBy('If-None-Match')],
      ['If-None-Match, the current tag, DELETE', { 'If-None-Match': ETAG }, 'DELETE', BOTH, failedBy('If-None-Match')],
      ['If-None-Match, the weak form of the tag (weak comparison)', { 'If-None-Match': `W/${ETAG}` }, 'GET', BOTH, notModifiedBy('If-None-Match')],
      ['If-None-Match, another tag', { 'If-None-Match': '"v1"' }, 'GET', BOTH, PROCEED],
      ['If-None-Match, a tag, with no ETag', { 'If-None-Match': ETAG }, 'GET', { lastModified: LAST_MODIFIED }, PROCEED],
      ['If-None-Match: * on a file that exists, GET', { 'If-None-Match': '*' }, 'GET', BOTH, notModifiedBy('If-None-Match')],
      ['If-None-Match: * on a file that exists, HEAD', { 'If-None-Match': '*' }, 'HEAD', {}, notModifiedBy('If-None-Match')],
      ['If-None-Match: * on a file that exists, PUT', { 'If-None-Match': '*' }, 'PUT', BOTH, failedBy('If-None-Match')],
      ['If-None-Match: * with no current representation, PUT', { 'If-None-Match': '*' }, 'PUT', null, PROCEED],
      ['If-None-Match: * with no current representation, GET', { 'If-None-Match': '*' }, 'GET', null, PROCEED],
      // Step 4, If-Modified-Since: false is 304, and only GET and HEAD look at it.
      ['If-Modified-Since, the same date, GET', { 'If-Modified-Since': SAME }, 'GET', BOTH, notModifiedBy('If-Modified-Since')],
      ['If-Modified-Since, the same date, HEAD', { 'If-Modified-Since': SAME }, 'HEAD', BOTH, notModifiedBy('If-Modified-Since')],
      ['If-Modified-Since, a later date', { 'If-Modified-Since': LATER }, 'GET', BOTH, notModifiedBy('If-Modified-Since')],
      ['If-Modified-Since, an earlier date', { 'If-Modified-Since': EARLIER }, 'GET', BOTH, PROCEED],
      ['If-Modified-Since, an invalid date', { 'If-Modified-Since': 'garbage' }, 'GET', BOTH, PROCEED],
      ['If-Modified-Since, the same date, POST', { 'If-Modified-Since': SAME }, 'POST', BOTH, PROCEED],
      ['If-Modified-Since, the same date, PUT', { 'If-Modified-Since': SAME }, 'PUT', BOTH, PROCEED],
      ['If-Modified-Since, the same date, DELETE', { 'If-Modified-Since': SAME }, 'DELETE', BOTH, PROCEED],
      ['If-Modified-Since, no modification date', { 'If-Modified-Since': SAME }, 'GET', { etag: ETAG }, PROCEED],
    ])('%s', (_, fields, method, current, expected) => {
      expect(evaluate(fields, method, current)).toEqual(expected);
    });
  });

  describe('the order', () => {
    it('If-Match present: If-Unmodified-Since is ignored, whichever way it would go', () => {
      expect(evaluate({ 'If-Match': ETAG, 'If-Unmodified-Since': EARLIER }, 'PUT')).toEqual(PROCEED);
      expect(evaluate({ 'If-Match': '*', 'If-Unmodified-Since': EARLIER }, 'PUT')).toEqual(PROCEED);
      expect(evaluate({ 'If-Match': '"v1"', 'If-Unmodified-Since': LATER }, 'PUT')).toEqual(failedBy('If-Match'));
    });
    it('an empty If-Match counts as absent: If-Unmodified-Since is evaluated', () => {
      expect(evaluate({ 'If-Match': '', 'If-Unmodified-Since': EARLIER }, 'PUT')).toEqual(failedBy('If-Unmodified-Since'));
    });
    it('If-None-Match present: If-Modified-Since is ignored, whichever way it would go', () => {
      expect(evaluate({ 'If-None-Match': '"v1"', 'If-Modified-Since': SAME })).toEqual(PROCEED);
      expect(evaluate({ 'If-None-Match': ETAG, 'If-Modified-Since': EARLIER })).toEqual(notModifiedBy('If-None-Match'));
      // Even when the tag cannot match anything, or does not parse: it is present.
      expect(evaluate({ 'If-None-Match': '"x"', 'If-Modified-Since': SAME }, 'GET', { lastModified: LAST_MODIFIED })).toEqual(PROCEED);
      expect(evaluate({ 'If-None-Match': 'garbage', 'If-Modified-Since': SAME })).toEqual(PROCEED);
    });
    it('an empty If-None-Match counts as absent: If-Modified-Since is evaluated', () => {
      expect(evaluate({ 'If-None-Match': '', 'If-Modified-Since': SAME })).toEqual(notModifiedBy('If-Modified-Since'));
    });
    it('the lost-update checks (412) come before the cache checks (304)', () => {
      expect(evaluate({ 'If-Match': '"v1"', 'If-None-Match': ETAG })).toEqual(failedBy('If-Match'));
      expect(evaluate({ 'If-Unmodified-Since': EARLIER, 'If-Modified-Since': SAME })).toEqual(failedBy('If-Unmodified-Since'));
      expect(evaluate({ 'If-Unmodified-Since': EARLIER, 'If-None-Match': '*' })).toEqual(failedBy('If-Unmodified-Since'));
    });
    it('a true first step goes on to If-None-Match', () => {
      expect(evaluate({ 'If-Match': ETAG, 'If-None-Match': ETAG })).toEqual(notModifiedBy('If-None-Match'));
      expect(evaluate({ 'If-Match': ETAG, 'If-None-Match': ETAG }, 'PUT')).toEqual(failedBy('If-None-Match'));
      expect(evaluate({ 'If-Unmodified-Since': SAME, 'If-Modified-Since': SAME })).toEqual(notModifiedBy('If-Modified-Since'));
    });
    it('all four, as a confused client might send them', () => {
      const all = { 'If-Match': ETAG, 'If-Unmodified-Since': EARLIER, 'If-None-Match': '"v1"', 'If-Modified-Since': SAME };
      expect(evaluate(all)).toEqual(PROCEED);
      expect(evaluate({ ...all, 'If-None-Match': ETAG })).toEqual(notModifiedBy('If-None-Match'));
      expect(evaluate({ ...all, 'If-Match': '"v1"' })).toEqual(failedBy('If-Match'));
    });
  });

  describe('the stages', () => {
    const lastModifiedOnly: Current = { lastModified: LAST_MODIFIED };
    it('last-modified (a date, no ETag): If-None-Match: * is a 304, a tag makes If-Modified-Since ignored', () => {
      expect(evaluate({ 'If-None-Match': '*' }, 'GET', lastModifiedOnly)).toEqual(notModifiedBy('If-None-Match'));
      expect(evaluate({ 'If-None-Match': '*', 'If-Modified-Since': EARLIER }, 'HEAD', lastModifiedOnly)).toEqual(notModifiedBy('If-None-Match'));
      expect(evaluate({ 'If-None-Match': '"x"', 'If-Modified-Since': SAME }, 'GET', lastModifiedOnly)).toEqual(PROCEED);
      expect(evaluate({ 'If-Modified-Since': SAME }, 'GET', lastModifiedOnly)).toEqual(notModifiedBy('If-Modified-Since'));
    });
    it('no-cache (no validators): only * and If-Match can apply', () => {
      expect(evaluate({ 'If-None-Match': '*' }, 'GET', {})).toEqual(notModifiedBy('If-None-Match'));
      expect(evaluate({ 'If-None-Match': '"x"' }, 'GET', {})).toEqual(PROCEED);
      expect(evaluate({ 'If-Modified-Since': LATER }, 'GET', {})).toEqual(PROCEED);
      expect(evaluate({ 'If-Unmodified-Since': EARLIER }, 'GET', {})).toEqual(PROCEED);
      expect(evaluate({ 'If-Match': '*' }, 'GET', {})).toEqual(PROCEED);
      expect(evaluate({ 'If-Match': '"x"' }, 'GET', {})).toEqual(failedBy('If-Match'));
    });
  });

  it.each(['OPTIONS', 'TRACE', 'CONNECT'])('%s ignores every precondition (13.2.1)', (method) => {
    expect(evaluate({ 'If-Match': '"v1"', 'If-None-Match': '*', 'If-Unmodified-Since': EARLIER }, method)).toEqual(PROCEED);
  });

  describe('properties', () => {
    const methods = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'get', '');
    const tagList = fc.constantFrom(ETAG, `W/${ETAG}`, '"v1"', '"v1", "v2"', '"v1","v2"', '*', '', 'garbage', '*, "v2"', 'W/"v1"');
    const date = fc.oneof(
      fc.constantFrom(SAME, EARLIER, LATER, 'garbage', '', `${SAME}; length=1`),
      fc.integer({ min: 0, max: 253402300799 }).map((s) => formatHttpDate(s * 1000)),
    );
    const fields = fc.record(
      { 'If-Match': tagList, 'If-Unmodified-Since': date, 'If-None-Match': tagList, 'If-Modified-Since': date },
      { requiredKeys: [] },
    ) as fc.Arbitrary<Record<string, string>>;
    const current: fc.Arbitrary<Current> = fc.option(
      fc.record({ etag: fc.constantFrom(ETAG, 'W/"v2"', '"v1"'), lastModified: fc.constantFrom(LAST_MODIFIED, LAST_MODIFIED - 5000, 0) }, { requiredKeys: [] }),
    );
    const without = (f: Record<string, string>, name: string) => Object.fromEntries(Object.entries(f).filter(([n]) => n !== name));

    it('never throws, on any header values', () => {
      const anyFields = fc.dictionary(
        fc.constantFrom('If-Match', 'If-None-Match', 'If-Modified-Since', 'If-Unmodified-Since', 'X-Other'),
        fc.oneof(fc.string(), anyFieldValue),
      );
      fc.assert(
        fc.property(anyFields, fc.oneof(methods, fc.string()), current, (f, method, cur) => {
          const outcome = evaluate(f, method, cur);
          return [200, 304, 412].includes(outcome.status);
        }),
      );
    });

    it('answers 304 only to GET and HEAD', () => {
      fc.assert(fc.property(fields, methods, current, (f, method, cur) => evaluate(f, method, cur).status !== 304 || method === 'GET' || method === 'HEAD'));
    });

    it('names a header that was sent and whose check is false', () => {
      const checks = { 'If-Match': checkIfMatch, 'If-Unmodified-Since': checkIfUnmodifiedSince, 'If-None-Match': checkIfNoneMatch, 'If-Modified-Since': checkIfModifiedSince };
      fc.assert(
        fc.property(fields, methods, current, (f, method, cur) => {
          const outcome = evaluate(f, method, cur);
          if (outcome.status === 200) return true;
          return outcome.by in f && checks[outcome.by](conditionalRequest(f, method), cur) === false;
        }),
      );
    });

    it('ignores If-Unmodified-Since when If-Match is present, and If-Modified-Since when If-None-Match is', () => {
      fc.assert(
        fc.property(fields, methods, current, (f, method, cur) => {
          const outcome = evaluate(f, method, cur);
          if (f['If-Match']) expect(evaluate(without(f, 'If-Unmodified-Since'), method, cur)).toEqual(outcome);
          if (f['If-None-Match']) expect(evaluate(without(f, 'If-Modified-Since'), method, cur)).toEqual(outcome);
        }),
      );
    });

    it('lets a 412 from If-Match or If-Unmodified-Since stand, whatever the cache validators say', () => {
      fc.assert(
        fc.property(fields, methods, current, (f, method, cur) => {
          const outcome = evaluate(f, method, cur);
          if (outcome.status === 412 && outcome.by !== 'If-None-Match') {
            expect(evaluate(without(without(f, 'If-None-Match'), 'If-Modified-Since'), method, cur)).toEqual(outcome);
          }
        }),
      );
    });
  });
});
