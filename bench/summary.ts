// The machine-readable record of a run: the last line of the output, one JSON object with the
// machine, the command line, and every number of every server in every phase (with its ratio),
// so that runs can be compared later without parsing the table.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { PHASES } from './phases';
import { ratioTo, type SectionResult } from './results';
import type { SseReport } from './sse-clients';
import type { TargetCheck } from './targets';

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** The version of an installed package, read from its package.json. */
export function packageVersion(name: string): string {
  try {
    const file = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** What `nginx -v` says (on stderr), e.g. "nginx/1.22.1". */
export function nginxVersion(binary: string): string {
  const run = spawnSync(binary, ['-v'], { encoding: 'utf8', timeout: 5000 });
  return /nginx\/\S+/.exec(`${run.stdout ?? ''} ${run.stderr ?? ''}`)?.[0] ?? 'nginx (version unknown)';
}

export interface SummaryInput {
  startedAt: Date;
  machineAtStart: ReturnType<typeof machine>;
  options: object;
  versions: object;
  loadGenerator: object;
  sections: SectionResult[];
  sse: SseReport | null;
  targets: TargetCheck[];
}

export function summaryLine(input: SummaryInput): string {
  const sections = input.sections.map((section) => ({
    id: section.id,
    title: section.title,
    baseline: section.baselineId,
    files: section.files,
    servers: Object.fromEntries(
      section.servers.map((server) => [
        server.id,
        {
          label: server.label,
          absent: server.absent,
          footprint: server.footprint,
          phases: Object.fromEntries(
            (server.absent ? [] : PHASES).map((phase) => {
              const outcome = server.phases[phase.id];
              const load = outcome?.load;
              const ratio = ratioTo(section, server, phase.id);
              return [
                phase.id,
                load
                  ? {
                      reqPerSec: Math.round(load.reqPerSec * 10) / 10,
                      p50Ms: load.p50Ms,
                      p99Ms: load.p99Ms,
                      errors: load.errors,
                      timeouts: load.timeouts,
                      ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
                      expectedAnswers: load.expected,
                      statuses: load.statuses,
                      durationS: load.durationS,
                      bytesPerAnswer: load.bytesPerAnswer,
                      serverCpuPct: load.serverCpuPct,
                      loadCpuPct: load.loadCpuPct,
                      validator: outcome.validator,
                      after: outcome.after,
                      listenDrops: outcome.listenDrops,
                      warnings: load.warnings,
                    }
                  : { skipped: outcome?.skipped ?? 'not run' },
              ];
            }),
          ),
        },
      ]),
    ),
  }));
  return JSON.stringify({
    bench: 'cachecraft',
    startedAt: input.startedAt.toISOString(),
    machine: { ...input.machineAtStart, loadavgAtEnd: machine().loadavg },
    command: ['npm', 'run', 'bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    argv: process.argv,
    options: input.options,
    versions: input.versions,
    loadGenerator: input.loadGenerator,
    sections,
    sse: input.sse,
    targets: input.targets,
    targetsMissed: input.targets.filter((t) => !t.met).length,
    completed: true,
  });
}
