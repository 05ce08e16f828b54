// What the four precondition checks share (RFC 9110, section 13.1), in the shape of Go's
// net/http (fs.go: checkIfMatch … checkIfModifiedSince, and their condResult).

/**
 * The answer of one precondition check:
 *  - 'none': the header is absent, or is to be ignored (not applicable to this method, not a
 *    valid date, no validator to compare it with): evaluation goes on as if it were not sent;
 *  - true / false: the condition as RFC 9110 defines it. What false leads to (304 or 412) is
 *    decided by evaluatePreconditions (server/http/preconditions.ts), in the RFC's order.
 */
export type Condition = 'none' | boolean;

/** What the server knows about the selected representation, to compare the request with. */
export interface Validators {
  /** The ETag it sends, as sent: `"abc"` or `W/"abc"`. */
  etag?: string;
  /** The time it sends in Last-Modified, in ms since the epoch, already cut to whole seconds. */
  lastModified?: number;
}

/**
 * `current`: the validators of the target's current representation, or null when it has none
 * (a file that does not exist yet, as for a PUT that would create it). `*` depends on it.
 */
export type Current = Validators | null;

/** The part of a request the checks read; a fetch `Request` is one. */
export interface ConditionalRequest {
  method: string;
  headers: { get(name: string): string | null };
}

/**
 * What evaluatePreconditions (preconditions.ts) decides: go on (200, or whatever the method
 * does), 304, or 412, and which header said so.
 */
export type PreconditionOutcome =
  | { status: 200 }
  | { status: 304; by: 'If-None-Match' | 'If-Modified-Since' }
  | { status: 412; by: 'If-Match' | 'If-Unmodified-Since' | 'If-None-Match' };

const EDGE_WHITESPACE = /^[ \t]|[ \t]$/;

/** A field value that is empty (or only spaces) is treated as absent, as Go's Header.Get does. */
export function fieldValue(request: ConditionalRequest, name: string): string | null {
  const value = request.headers.get(name);
  if (value === null || value === '') return null;
  // fetch's Headers already trims a field it was given; a value set another way may not be.
  if (!EDGE_WHITESPACE.test(value)) return value;
  const trimmed = value.replace(/^[ \t]+|[ \t]+$/g, '');
  return trimmed === '' ? null : trimmed;
}
