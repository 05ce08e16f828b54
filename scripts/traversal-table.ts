// Writes server/testing/traversal-results.json: the traversal corpus sent to the seed (on its
// pretend Windows disk) and to the path-stripping stage. The chapter's table of what gets through
// is rendered from that file, and a test fails when it differs from a fresh run.
//
//   npx tsx scripts/traversal-table.ts
import { writeFileSync } from 'node:fs';
import { RESULTS_FILE, formatResults } from '../server/testing/traversal-results';
import { corpusResults } from '../server/testing/traversal-run';

const results = await corpusResults();
writeFileSync(RESULTS_FILE, formatResults(results));
const leaks = results.filter((r) => r.seed.leaked);
console.log(`${results.length} payloads; ${leaks.length} reach a fake file through the seed; ${results.filter((r) => r.safe.leaked).length} through path-stripping.`);
console.log(`Wrote ${RESULTS_FILE}`);
