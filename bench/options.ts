// The command line of `npm run bench`, read the way server/node.ts reads its own (node:util
// parseArgs): a bad option or an unknown stage is one line on stderr and exit code 1.
import { parseArgs } from 'node:util';
import { STAGES, findStage } from '../server/stages';

export interface BenchOptions {
  /** The stage to compare; by default DEFAULT_STAGE. */
  stage: string;
  /** Seconds of load in each phase. */
  durationS: number;
  /** Connections for the steady phases (GET, 304). */
  connections: number;
  /** Requests in flight per connection; 1 is what a browser does (HTTP/1.1 without pipelining). */
  pipelining: number;
  /** Connections (and requests: one each) of a burst. 1000 unless a smoke run asks for fewer. */
  burstConnections: number;
  quick: boolean;
  /** Only measure what each validator costs in-process (bench/validators.ts), no servers. */
  validators: boolean;
}

/**
 * The stage measured by default: chapter 5's, the most complete caching server. Chapter 6's
 * (path-stripping) adds the safe path resolver, whose realpath on every request is a cost of
 * safety, not of caching: measure it with --stage path-stripping.
 */
export const DEFAULT_STAGE = 'etag-vs-last-modified';
export const DEFAULT_DURATION_S = 5;
export const QUICK_DURATION_S = 1;
/** Bounds on what a user may ask for, so that every run stops by itself in reasonable time. */
const MAX_DURATION_S = 60;
const MAX_CONNECTIONS = 200;
const MAX_PIPELINING = 16;
export const DEFAULT_BURST_CONNECTIONS = 1000;

export const USAGE = `Usage: npm run bench -- [--stage <${STAGES.map((s) => s.slug).join('|')}>] [--quick] [--duration N]
                         [--connections N] [--pipelining N] [--burst-connections N]
       npm run bench -- --validators [--quick | --duration N]

Compares, on 127.0.0.1, a course stage (started as \`npm run serve -- --stage <slug> --root <dir>\`)
with serve-static and (when on PATH) nginx, then the course app's /ch/<stage>/ path (with 50
Server-Sent-Event clients on /api/log) with the same stage on its own.

  --stage S        the stage to measure (default: ${DEFAULT_STAGE}, chapter 5's)
  --quick          about ${QUICK_DURATION_S} s per phase: a smoke run (default ${DEFAULT_DURATION_S} s)
  --duration N     seconds per phase, overrides --quick (0.1 to ${MAX_DURATION_S})
  --connections N  connections for the GET and 304 phases (default 10)
  --pipelining N   requests in flight per connection (default 1, as browsers do)
  --burst-connections N
                   clients arriving at once in a burst, one request each (default 1000;
                   fewer only for a faster smoke run: the targets are about 1000)
  --validators     only the cost of each validator in one process: a stat against hashing the
                   4 KiB and 1 MiB files, with and without the hash cache (--duration: per case)
  -h, --help       this text

The last line printed is one JSON object with every number.`;

export class OptionError extends Error {}

/** Parses argv (without node and the script); throws OptionError with a one-line message. */
export function readOptions(argv: string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        stage: { type: 'string' },
        quick: { type: 'boolean', default: false },
        duration: { type: 'string' },
        connections: { type: 'string' },
        pipelining: { type: 'string' },
        'burst-connections': { type: 'string' },
        validators: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new OptionError(`${(error as Error).message} (see npm run bench -- --help)`);
  }
  if (values.help) return 'help';

  const stage = values.stage ?? DEFAULT_STAGE;
  if (!findStage(stage)) throw new OptionError(`unknown stage "${stage}". Stages: ${STAGES.map((s) => s.slug).join(', ')}.`);

  const durationS = values.duration === undefined
    ? values.quick ? QUICK_DURATION_S : DEFAULT_DURATION_S
    : numberIn('--duration', values.duration, 0.1, MAX_DURATION_S, false);
  const connections = values.connections === undefined ? 10 : numberIn('--connections', values.connections, 1, MAX_CONNECTIONS, true);
  const pipelining = values.pipelining === undefined ? 1 : numberIn('--pipelining', values.pipelining, 1, MAX_PIPELINING, true);
  const burstText = values['burst-connections'];
  const burstConnections = burstText === undefined ? DEFAULT_BURST_CONNECTIONS : numberIn('--burst-connections', burstText, 1, DEFAULT_BURST_CONNECTIONS, true);
  return { stage, durationS, connections, pipelining, burstConnections, quick: values.quick, validators: values.validators };
}

function numberIn(name: string, text: string, min: number, max: number, integer: boolean): number {
  const value = Number(text);
  const shape = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  if (!shape.test(text) || value < min || value > max) {
    throw new OptionError(`${name} must be ${integer ? 'a whole number' : 'a number of seconds'} from ${min} to ${max}, not "${text}".`);
  }
  return value;
}
