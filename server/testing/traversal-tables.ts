// Chapter 6's two tables of what the traversal corpus got, as Markdown, written from the
// committed results (traversal-results.json) into the chapter between two markers by
// scripts/traversal-table.ts; a test fails when the chapter's tables are not these. Markdown in
// the text rather than the results imported as data: the chapter's page stays within its weight.
import type { CorpusResult } from './traversal-run';

export const TABLES_START = '{/* traversal-tables: written by scripts/traversal-table.ts from server/testing/traversal-results.json; do not edit by hand */}';
export const TABLES_END = '{/* end of traversal-tables */}';

/** Text as Markdown (MDX) text: every ASCII punctuation character escaped, so none is syntax. */
const text = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
/** A code span in a table cell: only "|" needs escaping there (GFM); a backtick needs a longer fence. */
const code = (s: string) => (s.includes('`') ? `\`\` ${s.replaceAll('|', '\\|')} \`\`` : `\`${s.replaceAll('|', '\\|')}\``);

export function traversalTables(results: CorpusResult[]): string {
  const leaks = results.filter((r) => r.seed.leaked);
  const lines = [
    `Of the ${results.length} payloads, ${leaks.length} bring a fake file back through the seed:`,
    '',
    '| payload | request target as sent | seed | file it reached | path-stripping |',
    '|---|---|---|---|---|',
    ...leaks.map((r) => `| ${text(r.label)} | ${code(r.target)} | ${r.seed.status} | ${code(r.seed.leaked!)} | ${r.safe.status} |`),
    '',
    'What each group of payloads got, from the same run:',
    '',
    '| group | payloads | seed: reached a fake file | seed: statuses | path-stripping: statuses | path-stripping: bytes from outside |',
    '|---|---|---|---|---|---|',
  ];
  for (const group of [...new Set(results.map((r) => r.group))]) {
    const rows = results.filter((r) => r.group === group);
    const statuses = (side: 'seed' | 'safe') => [...new Set(rows.map((r) => r[side].status))].sort((a, b) => a - b).join(', ');
    lines.push(`| ${group} | ${rows.length} | ${rows.filter((r) => r.seed.leaked).length} | ${statuses('seed')} | ${statuses('safe')} | ${rows.filter((r) => r.safe.leaked).length} |`);
  }
  return lines.join('\n');
}

/** `mdx` with the text between the markers replaced by `tables`; throws when a marker is missing. */
export function withTables(mdx: string, tables: string): string {
  const start = mdx.indexOf(TABLES_START);
  const end = mdx.indexOf(TABLES_END);
  if (start === -1 || end < start) throw new Error(`The chapter has no traversal-tables markers (${TABLES_START} … ${TABLES_END}).`);
  return mdx.slice(0, start + TABLES_START.length) + '\n\n' + tables + '\n\n' + mdx.slice(end);
}
