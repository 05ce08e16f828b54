// The command line: `npm run check -- <url> [--file <path>] [--json] [--timeout <ms>]`. Pure.
import { CheckError } from './target';

export const USAGE = `Usage: npm run check -- <url> [--file <path>] [--json] [--timeout <ms>]

Runs RFC 9110's conditional-GET cases against the URL of a file on any HTTP server.

  <url>            http://host[:port]/path of a file (https is not supported)
  --file <path>    the same file on disk: adds the cases that rewrite it (same size within
                   one second, same bytes a second later); it is always put back
  --json           the report as JSON
  --timeout <ms>   time limit per request (default 5000)

Exit codes: 0 every core case that applies passed; 1 a core case failed (or got no answer);
2 the check could not run (bad URL, refused connection, first GET not answered with a 2xx).`;

export interface CliOptions {
  url: string;
  file?: string;
  json: boolean;
  timeoutMs?: number;
  help: boolean;
}

export function parseOptions(args: readonly string[]): CliOptions {
  const options: CliOptions = { url: '', json: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new CheckError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--file') options.file = value();
    else if (arg === '--timeout') {
      const ms = Number(value());
      if (!Number.isInteger(ms) || ms <= 0) throw new CheckError(`--timeout takes a number of milliseconds, got ${args[i]}`);
      options.timeoutMs = ms;
    } else if (arg.startsWith('--')) throw new CheckError(`unknown option ${arg}`);
    else if (options.url) throw new CheckError(`one URL only (got ${options.url} and ${arg})`);
    else options.url = arg;
  }
  if (!options.url && !options.help) throw new CheckError('give the URL of a file, e.g. npm run check -- http://127.0.0.1:3000/ch/last-modified/monitor.css');
  return options;
}
