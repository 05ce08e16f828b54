// Where the committed corpus results live, and how they are written (stable, one payload a line).
import { fileURLToPath } from 'node:url';
import type { CorpusResult } from './traversal-run';

export const RESULTS_FILE = fileURLToPath(new URL('./traversal-results.json', import.meta.url));

export function formatResults(results: CorpusResult[]): string {
  return '[\n' + results.map((r) => '  ' + JSON.stringify(r)).join(',\n') + '\n]\n';
}

/** The chapter whose tables are written from the results (server/testing/traversal-tables.ts). */
export const CHAPTER_FILE = fileURLToPath(new URL('../../chapters/06-path-stripping/index.mdx', import.meta.url));
