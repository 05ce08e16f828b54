// `npm run check -- <url>`: the course's conformance suite for any HTTP server. Thin: options
// in, report out, exit code (check/report.ts, EXIT).
import { EXIT, exitCode, formatJson, formatText, summarize } from './report';
import { parseOptions, USAGE } from './options';
import { runCheck } from './run';
import { CheckError } from './target';

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`check: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.unusable;
  }
  if (options.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  try {
    const report = await runCheck({ url: options.url, file: options.file, timeoutMs: options.timeoutMs, handleSignals: true });
    console.log(options.json ? formatJson(report) : formatText(report));
    return exitCode(summarize(report.results));
  } catch (error) {
    if (!(error instanceof CheckError)) throw error;
    if (options.json) console.log(JSON.stringify({ url: options.url, error: error.message, exitCode: EXIT.unusable }, null, 2));
    console.error(`check: ${error.message}`);
    return EXIT.unusable;
  }
}

process.exitCode = await main();
