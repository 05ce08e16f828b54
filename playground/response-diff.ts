// Compare mode: what differs between two responses to the same request, sent to two stages.
// Pure, so it is tested on its own (response-diff.test.ts).

/** One side of the comparison: a response as logged (what went over the wire). */
export interface DiffedResponse {
  status: number;
  headers: readonly (readonly [string, string])[];
  bodyBytes: number;
  /** The body as text, when both sides have it: same size, other bytes is a difference too. */
  bodyText?: string;
}

/**
 * Fields that differ on every response whatever the stage: the time it was sent, and the log's
 * id. They are listed, marked as expected, and not counted.
 */
export const ALWAYS_DIFFERENT = ['date', 'x-cachecraft-exchange'];

export type Difference =
  | { kind: 'status'; left: number; right: number }
  /** `name` in one spelling for both sides (Title-Case); a side without the field has undefined. */
  | { kind: 'header'; name: string; left?: string; right?: string; expected: boolean }
  | { kind: 'body'; left: number; right: number; sameSize: boolean };

/**
 * The differences between two responses: status, each header field (names compared
 * case-insensitively; several lines of one name compared as their joined value, RFC 9110 5.3),
 * and the body (size, then text). Symmetric: swapping the sides swaps left and right and nothing
 * else. Headers come sorted by lower-case name.
 */
export function diffResponses(left: DiffedResponse, right: DiffedResponse): Difference[] {
  const differences: Difference[] = [];
  if (left.status !== right.status) differences.push({ kind: 'status', left: left.status, right: right.status });
  const l = fields(left.headers);
  const r = fields(right.headers);
  const names = [...new Set([...l.keys(), ...r.keys()])].sort();
  for (const key of names) {
    const a = l.get(key);
    const b = r.get(key);
    if (a?.value === b?.value) continue;
    differences.push({ kind: 'header', name: displayName(key), left: a?.value, right: b?.value, expected: ALWAYS_DIFFERENT.includes(key) });
  }
  const sameSize = left.bodyBytes === right.bodyBytes;
  const textsDiffer = left.bodyText !== undefined && right.bodyText !== undefined && left.bodyText !== right.bodyText;
  if (!sameSize || textsDiffer) differences.push({ kind: 'body', left: left.bodyBytes, right: right.bodyBytes, sameSize });
  return differences;
}

/** The differences that count: the expected ones (Date, the exchange id) left out. */
export function significant(differences: readonly Difference[]): Difference[] {
  return differences.filter((d) => d.kind !== 'header' || !d.expected);
}

/** For screen readers and everyone: "3 differences: status, ETag, Content-Length." */
export function diffSummary(differences: readonly Difference[]): string {
  const counted = significant(differences);
  if (counted.length === 0) return 'No differences (besides the fields that always differ).';
  const labels = counted.map((d) => (d.kind === 'header' ? d.name : d.kind));
  return `${counted.length} difference${counted.length === 1 ? '' : 's'}: ${labels.join(', ')}.`;
}

function fields(headers: DiffedResponse['headers']): Map<string, { value: string }> {
  const map = new Map<string, { value: string }>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const seen = map.get(key);
    map.set(key, { value: seen ? `${seen.value}, ${value.trim()}` : value.trim() });
  }
  return map;
}

/** One spelling for both sides, whatever case each sent (so the diff stays symmetric): Title-Case, and ETag. */
function displayName(key: string): string {
  if (key === 'etag') return 'ETag';
  return key.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}
