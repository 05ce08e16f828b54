// Writes server/testing/traversal-results.json (the traversal corpus sent to the seed, on its
// pretend Windows disk, and to the path-stripping stage) and chapter 6's tables from it. A test
// fails when either differs from a fresh run.
//
//   npx tsx scripts/traversal-table.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { CHAPTER_FILE, RESULTS_FILE, formatResults } from '../server/testing/traversal-results';
import { corpusResults } from '../server/testing/traversal-run';
import { traversalTables, withTables } from '../server/testing/traversal-tables';

const results = await corpusResults();
writeFileSync(RESULTS_FILE, formatResults(results));
writeFileSync(CHAPTER_FILE, withTables(readFileSync(CHAPTER_FILE, 'utf8'), traversalTables(results)));
const leaks = results.filter((r) => r.seed.leaked);
console.log(`${results.length} payloads; ${leaks.length} reach a fake file through the seed; ${results.filter((r) => r.safe.leaked).length} through path-stripping.`);
console.log(`Wrote ${RESULTS_FILE} and the tables in ${CHAPTER_FILE}`);
