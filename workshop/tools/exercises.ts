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
];

export function findExercise(slug: string): Exercise | undefined {
  return EXERCISES.find((exercise) => exercise.slug === slug);
}
