// The chapters still to come, in course order (see README.md, "Chapters"), for the home page: it
// shows them as coming, without links. Each is keyed by the stage it will use; once a chapter
// with that stage exists, the home page lists the real chapter and drops the entry here.
export interface ComingChapter {
  stage: string;
  title: string;
}

export const COMING: ComingChapter[] = [
  { stage: 'freshness', title: 'Freshness: Cache-Control and Expires' },
  { stage: 'under-load', title: 'Under load' },
  { stage: 'beyond', title: 'HEAD, Range, If-Match and Vary' },
];

/** The entries of COMING that no chapter uses yet. */
export function comingChapters(existingStages: readonly string[]): ComingChapter[] {
  return COMING.filter((c) => !existingStages.includes(c.stage));
}
