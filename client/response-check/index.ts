// The response check (in the spirit of REDbot): every rule run on one logged response. Pure:
// the playground runs it in the browser, and Node can run it too.
import type { CheckedResponse, Finding } from './finding';
import { etagSyntaxRule } from './etag-syntax-rule';
import { lastModifiedRule } from './last-modified-rule';
import { notModifiedBodyRule } from './not-modified-body-rule';
import { notModifiedRepeatsRule } from './not-modified-repeats-rule';
import { validatorsRule } from './validators-rule';

export type { CheckedResponse, Finding, FindingLevel } from './finding';

/**
 * The findings for `response`; `previous200` is the last 200 for the same stage and path before
 * it (the 304 rules compare with it), when there is one.
 */
export function checkResponse(response: CheckedResponse, previous200?: CheckedResponse): Finding[] {
  return [
    ...validatorsRule(response),
    ...etagSyntaxRule(response),
    ...lastModifiedRule(response),
    ...notModifiedRepeatsRule(response, previous200),
    ...notModifiedBodyRule(response, previous200),
  ];
}

/** The last GET 200 for the same stage and path logged before `exchange`, for the 304 rules. */
export function previous200For<T extends CheckedResponse & { id: number; stage: string; path: string }>(exchange: T, log: readonly T[]): T | undefined {
  return log.findLast((ex) => ex.id < exchange.id && ex.stage === exchange.stage && ex.path === exchange.path && ex.method === 'GET' && ex.status === 200);
}
