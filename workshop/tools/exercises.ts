// The workshop's exercises: in each, the learner writes one of the course's rules, the one its
// chapter is about, in workshop/<slug>.ts. The course's own solution stays where it is (in
// server/http); `npm run workshop -- check <slug>` runs the chapter's tests with the learner's
// file in its place. docs/workshop.md is the instructors' guide; adding an exercise is one entry here.

export interface Exercise {
  /** The chapter (and stage) it belongs to; the learner's file is workshop/<slug>.ts. */
  slug: string;
  /** The module with the course's solution, from the repository root. */
  solution: string;
  /** The functions the learner writes: all that `solution` exports, with the same signatures. */
  exports: string[];
  /** What the start file says to do, line by line (the chapter's hints). */
  hints: string[];
  /** The tests that must pass with the learner's file in place of `solution`. */
  tests: string[];
}

export const EXERCISES: Exercise[] = [
  {
    slug: 'last-modified',
    solution: 'server/http/if-modified-since.ts',
    exports: ['checkIfModifiedSince'],
    hints: [
      'Return \'none\' ("ignore the header") unless the method is GET or HEAD (RFC 9110, 13.1.3).',
      "Read the header with fieldValue(request, 'If-Modified-Since'): null means it was not sent.",
      'No current.lastModified to compare with: ignore the header too.',
      'parseHttpDate(value) gives ms since the epoch, or null for a value that is not an HTTP-date:',
      '  a date the server cannot read is ignored, never an error.',
      'Otherwise the condition is "modified since": true when lastModified is later than the date sent,',
      '  false (a 304) when it is earlier or the same. Both are whole seconds already.',
    ],
    tests: ['server/http/if-modified-since.test.ts', 'server/http/preconditions.test.ts', 'server/stages/last-modified.test.ts'],
  },
  {
    slug: 'echoed-date',
    solution: 'server/http/parse-http-date.ts',
    exports: ['parseHttpDate'],
    hints: [
      'Accept all three forms of RFC 9110, 5.6.7 (a sender writes only the first); anything else is not a date:',
      '  IMF-fixdate   Sun, 06 Nov 1994 08:49:37 GMT',
      '  RFC 850       Sunday, 06-Nov-94 08:49:37 GMT   (obsolete: the long day name, a two-digit year)',
      '  asctime       Sun Nov  6 08:49:37 1994         (obsolete: a space before a one-digit day, no zone: GMT)',
      'The names are English and case-sensitive; MONTH_NAMES (imported above) gives a month its index.',
      'The time is GMT: build it with setUTCFullYear and setUTCHours, never in local time (the 2008 server read',
      '  the echoed date on its local clock, chapter 3). Date.UTC reads the years 0 to 99 as 1900 to 1999.',
      'Not a date means null, never an exception: "; length=615" after a date, 31 Feb, 25:00:00, a lower-case "gmt".',
      'An RFC 850 year yy: a date that would be more than 50 years in the future is the most recent past year',
      '  ending in yy (5.6.7); `now` is there to decide that.',
    ],
    tests: ['server/http/http-date.test.ts', 'server/http/if-modified-since.test.ts', 'server/stages/echoed-date.test.ts'],
  },
  {
    slug: 'etag',
    solution: 'server/http/entity-tag.ts',
    exports: ['parseEntityTags', 'strongMatch', 'weakMatch'],
    hints: [
      'A value of exactly "*" (spaces around it allowed) is \'*\'; anything else is a list (RFC 9110, 13.1.2).',
      'A tag is [W/] DQUOTE *etagc DQUOTE, and etagc includes the comma: read tag by tag, do not split on commas.',
      'Members are separated by commas with optional spaces or tabs; empty members are allowed.',
      'A member that is not a tag (abc, w/"x", W/ "x", "x" y) is ignored, and the others still count.',
      'strongMatch: both strong and the same characters; weakMatch: the same once W/ is taken off (8.8.3.2).',
    ],
    tests: ['server/http/entity-tag.test.ts', 'server/http/if-none-match.test.ts', 'server/http/if-match.test.ts', 'server/stages/etag.test.ts'],
  },
  {
    slug: 'etag-vs-last-modified',
    solution: 'server/http/preconditions.ts',
    exports: ['evaluatePreconditions'],
    hints: [
      "CONNECT, OPTIONS and TRACE neither select nor change a representation: they ignore them all, { status: 200 } (13.2.1).",
      "Otherwise RFC 9110, 13.2.2's order. Each check (imported above) gives 'none' (absent or ignored), true or false:",
      "  1. checkIfMatch false: { status: 412, by: 'If-Match' }.",
      "  2. checkIfUnmodifiedSince, only when If-Match gave 'none': false is a 412 by 'If-Unmodified-Since'.",
      "  3. checkIfNoneMatch false: a 304 for GET and HEAD, a 412 for any other method, by 'If-None-Match'.",
      "  4. checkIfModifiedSince, only when If-None-Match gave 'none': the tag wins (13.1.3). False is a 304.",
      'Step 4 is skipped whenever If-None-Match was sent, matched or not: a tag that does not match with a fresh',
      '  date is a 200 (the bytes changed), a matching tag with a stale date a 304 (chapter 5).',
      'None of them said no: { status: 200 }. (Step 5, If-Range, is about ranges, which this server does not serve.)',
    ],
    tests: ['server/http/preconditions.test.ts', 'server/stages/etag-vs-last-modified.test.ts'],
  },
  {
    slug: 'path-stripping',
    solution: 'server/http/safe-path/index.ts',
    exports: ['safePath'],
    hints: [
      'Compose the rules, imported above, in this order: each may rely on the ones before (chapter 6, "The safe resolver").',
      '  0. targetPath(target): the path of the target as sent. A refusal (400) is passed on as it is.',
      '  1. decodeSegments(path): split on "/" first, then decode each segment exactly once. A refusal (400) is passed on.',
      '  2. refuseSeparators(segments): NUL, control bytes, "\\" (raw or %5c), a "/" that was %2f. Its refusal (400) is passed on.',
      '  3. normalise(segments): ".", ".." and empty segments resolved as the OS would; it gives { segments, folder }.',
      '  4. climbsOut(segments): a ".." left at the front climbed above the root: refuse(400, why).',
      '  5. windowsUnsafe(segment), for each segment: a string names what Windows reads differently: refuse(404, why).',
      '  6. isDotfile(segments): .env, .git/config are never served: refuse(404, why).',
      'The statuses (the table in refusal.ts): 400 for what no server could read as a path inside its root, a',
      '  client error (RFC 9110, 15.5.1); 404 for a well-formed name never served, without saying which (15.5.5).',
      'All rules passed: { ok: true, segments, folder } (normalised segments). The disk comes after, in the stage.',
    ],
    tests: [
      'server/http/safe-path/safe-path.test.ts',
      'server/testing/traversal-corpus.test.ts',
      'server/stages/path-stripping.test.ts',
      'chapters/06-path-stripping/claims.test.ts',
    ],
  },
];

export function findExercise(slug: string): Exercise | undefined {
  return EXERCISES.find((exercise) => exercise.slug === slug);
}
