// `npm run bench`: how fast is the course's file server next to the usual tools, on this
// machine? Every server is a child process on 127.0.0.1, the load comes from autocannon in this
// process, and every loop is bounded in count and time. servers.ts says what is compared,
// measure.ts how, report.ts and summary.ts what is printed; the last line is one JSON object.
import { cleanupAll, installCleanupHandlers } from './cleanup';
import { makeFixtures } from './fixtures';
import { stopLoad } from './load';
import { measure, warmupSeconds } from './measure';
import { OptionError, readOptions, USAGE, type BenchOptions } from './options';
import { BURST_TIMEOUT_S, PHASES, STEADY_TIMEOUT_S } from './phases';
import { footprint } from './proc-stats';
import { footprintTable, headerLines, sectionTable, sseLines, targetLines } from './report';
import { SSE_CLIENTS, StartError, startServers } from './servers';
import { connectSseClients } from './sse-clients';
import { machine, nginxVersion, packageVersion, summaryLine } from './summary';
import { checkTargets } from './targets';
import { measureValidators, validatorTable } from './validators';

/** Set by Ctrl-C (or SIGTERM): the signal handler then stops everything and exits. */
let aborted = false;

const t0 = performance.now();
/** Progress on stderr, with the seconds since the start: stdout keeps only the report. */
const progress = (text: string) => process.stderr.write(`bench: ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${text}\n`);

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    const read = readOptions(process.argv.slice(2));
    if (read === 'help') {
      console.log(USAGE);
      return 0;
    }
    options = read;
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    console.error(`bench: ${error.message}`);
    return 1;
  }

  if (options.validators) return validatorsOnly(options);

  installCleanupHandlers(() => {
    aborted = true;
    stopLoad();
  });
  const startedAt = new Date();
  const machineAtStart = machine();

  const fixtures = await makeFixtures();
  progress('starting the servers');
  const lineup = await startServers(options.stage, fixtures);
  const [files, app] = lineup.sections;
  const before = new Map([...lineup.targets].map(([id, t]) => [id, footprint(t.pid)]));

  progress(`connecting ${SSE_CLIENTS} SSE clients to the app's /api/log`);
  // They stop by themselves long after any normal run would have ended.
  const maxSseSeconds = 120 + PHASES.length * 6 * (options.durationS + BURST_TIMEOUT_S + 1) * 2;
  const sse = await connectSseClients(`${lineup.appUrl}/api/log`, SSE_CLIENTS, maxSseSeconds).catch((error: Error) => {
    throw new StartError(error.message);
  });

  const { appAnswers } = await measure(lineup, options, { progress, aborted: () => aborted });
  // Ctrl-C: the signal handler is stopping the servers and will exit; do not exit under it.
  if (aborted) return new Promise<number>(() => {});

  const sseReport = await sse.stop();
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the last sockets close before counting descriptors
  for (const s of lineup.sections.flatMap((section) => section.servers)) {
    const target = lineup.targets.get(s.id);
    if (target) s.footprint = { before: before.get(s.id)!, after: footprint(target.pid) };
  }
  progress('stopping the servers');
  await cleanupAll();

  const checks = checkTargets(files, app, 'stage', 'app');
  const warmupS = warmupSeconds(options);
  const versions = {
    autocannon: packageVersion('autocannon'),
    serveStatic: packageVersion('serve-static'),
    nginx: lineup.nginxBinary ? nginxVersion(lineup.nginxBinary) : null,
  };
  const report = [
    ...headerLines({ machine: machineAtStart, options, warmupS, versions }),
    '',
    sectionTable(files, options.burstConnections),
    '',
    sectionTable(app, options.burstConnections),
    '',
    'Processes (RSS from /proc/<pid>/status, fds from /proc/<pid>/fd; "after" is 1 s after the last load):',
    footprintTable(lineup.sections.flatMap((s) => s.servers).filter((s) => !s.absent)),
    '',
    ...sseLines(sseReport, appAnswers),
    '',
    ...targetLines(checks),
    summaryLine({
      startedAt,
      machineAtStart,
      options,
      versions,
      loadGenerator: {
        tool: 'autocannon',
        inProcess: true,
        warmupS,
        connections: options.connections,
        pipelining: options.pipelining,
        steadyTimeoutS: STEADY_TIMEOUT_S,
        burstConnections: options.burstConnections,
        burstTimeoutS: BURST_TIMEOUT_S,
      },
      sections: lineup.sections,
      sse: sseReport,
      targets: checks,
    }),
  ];
  await write(report.join('\n') + '\n');
  return 0;
}

/** `--validators`: the in-process cost of each validator, a table and one JSON line. */
async function validatorsOnly(options: BenchOptions): Promise<number> {
  installCleanupHandlers(() => {
    aborted = true;
  });
  const fixtures = await makeFixtures();
  const secondsPerCase = options.durationS / 5; // 8 cases: 8 s by default, under 2 s with --quick
  progress(`measuring each validator for ${secondsPerCase} s per case`);
  const cases = await measureValidators(fixtures, secondsPerCase);
  await cleanupAll();
  const json = JSON.stringify({ completed: true, mode: 'validators', machine: machine(), secondsPerCase, cases });
  await write(`${validatorTable(cases, fixtures)}\n\n${json}\n`);
  return 0;
}

/** Resolves once stdout has taken the text: exiting sooner may cut a piped report short. */
function write(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

main().then(
  (code) => process.exit(code),
  async (error: Error) => {
    if (aborted) return; // a failure caused by the interruption itself: the handler exits
    console.error(`bench: ${error instanceof StartError ? 'could not start: ' : ''}${error.message.split('\n')[0]}`);
    await cleanupAll();
    process.exit(1);
  },
);
