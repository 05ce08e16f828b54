// Workshop exercise "etag-vs-last-modified": write evaluatePreconditions, the rule of chapter "etag-vs-last-modified".
// npm run workshop -- check etag-vs-last-modified   runs the chapter's tests on this file
// npm run workshop -- solve etag-vs-last-modified   writes the course's solution here
// npm run workshop -- reset etag-vs-last-modified   brings this start back
import type { ConditionalRequest, Current, PreconditionOutcome } from '../server/http/condition';
import { checkIfMatch } from '../server/http/if-match';
import { checkIfModifiedSince } from '../server/http/if-modified-since';
import { checkIfNoneMatch } from '../server/http/if-none-match';
import { checkIfUnmodifiedSince } from '../server/http/if-unmodified-since';
export type { Condition, ConditionalRequest, Current, PreconditionOutcome, Validators } from '../server/http/condition';

/**
 * `current`: the validators of the target's current representation (`{ etag, lastModified }`,
 * either may be missing), or null when the target has none.
 */
export function evaluatePreconditions(request: ConditionalRequest, current: Current): PreconditionOutcome {
  // TODO CONNECT, OPTIONS and TRACE neither select nor change a representation: they ignore them all, { status: 200 } (13.2.1).
  // TODO Otherwise RFC 9110, 13.2.2's order. Each check (imported above) gives 'none' (absent or ignored), true or false:
  //     1. checkIfMatch false: { status: 412, by: 'If-Match' }.
  //     2. checkIfUnmodifiedSince, only when If-Match gave 'none': false is a 412 by 'If-Unmodified-Since'.
  //     3. checkIfNoneMatch false: a 304 for GET and HEAD, a 412 for any other method, by 'If-None-Match'.
  //     4. checkIfModifiedSince, only when If-None-Match gave 'none': the tag wins (13.1.3). False is a 304.
  // TODO Step 4 is skipped whenever If-None-Match was sent, matched or not: a tag that does not match with a fresh
  //     date is a 200 (the bytes changed), a matching tag with a stale date a 304 (chapter 5).
  // TODO None of them said no: { status: 200 }. (Step 5, If-Range, is about ranges, which this server does not serve.)
  throw new Error('TODO: write evaluatePreconditions in workshop/etag-vs-last-modified.ts');
}
