// The preconditions of a request, evaluated in the order RFC 9110 sets (section 13.2.2), as Go's
// net/http does in checkPreconditions (fs.go). Each header has its own small check, next door:
//
//   If-Match             if-match.ts              false: 412 Precondition Failed
//   If-Unmodified-Since  if-unmodified-since.ts   false: 412
//   If-None-Match        if-none-match.ts         false: 304 Not Modified for GET/HEAD, else 412
//   If-Modified-Since    if-modified-since.ts     false: 304 (GET and HEAD only)
//
// A server calls this once it has found the target and would otherwise answer 2xx: a 404 or a
// 405 is sent as it is, whatever the conditions say (RFC 9110, 13.2.1).
import type { ConditionalRequest, Current, PreconditionOutcome } from './condition';
import { checkIfMatch } from './if-match';
import { checkIfModifiedSince } from './if-modified-since';
import { checkIfNoneMatch } from './if-none-match';
import { checkIfUnmodifiedSince } from './if-unmodified-since';

export type { Condition, ConditionalRequest, Current, PreconditionOutcome, Validators } from './condition';

const PROCEED = { status: 200 } as const;

// RFC 9110, 13.2.1: methods that neither select nor change a representation ignore them all.
const SELECTS_NOTHING = ['CONNECT', 'OPTIONS', 'TRACE'];
const isGetOrHead = (method: string) => method === 'GET' || method === 'HEAD';

// #region evaluate-preconditions
/**
 * `current`: the validators of the target's current representation (`{ etag, lastModified }`,
 * either may be missing), or null when the target has none.
 */
export function evaluatePreconditions(request: ConditionalRequest, current: Current): PreconditionOutcome {
  if (SELECTS_NOTHING.includes(request.method)) return PROCEED;

  // Step 1: If-Match. Step 2: If-Unmodified-Since, only when there is no If-Match (13.1.4).
  const ifMatch = checkIfMatch(request, current);
  if (ifMatch === false) return { status: 412, by: 'If-Match' };
  if (ifMatch === 'none' && checkIfUnmodifiedSince(request, current) === false) {
    return { status: 412, by: 'If-Unmodified-Since' };
  }

  // Step 3: If-None-Match. False: 304 for GET and HEAD, 412 for any other method (13.1.2).
  const ifNoneMatch = checkIfNoneMatch(request, current);
  if (ifNoneMatch === false) {
    return isGetOrHead(request.method) ? { status: 304, by: 'If-None-Match' } : { status: 412, by: 'If-None-Match' };
  }
  // Step 4: If-Modified-Since, only when there is no If-None-Match (13.1.3): the entity tag is
  // the more precise validator. The check itself applies only to GET and HEAD.
  if (ifNoneMatch === 'none' && checkIfModifiedSince(request, current) === false) {
    return { status: 304, by: 'If-Modified-Since' };
  }

  // Step 5, If-Range, concerns range requests, which this server does not serve yet.
  return PROCEED;
}
// #endregion
