// Turns the results into text for a person: how the run was made, one table per comparison,
// the processes' memory and file descriptors, the SSE clients, and the target lines.
import type { BenchOptions } from './options';
import { BURST_TIMEOUT_S, PHASES, STEADY_TIMEOUT_S, phaseTitle } from './phases';
import { ratioTo, type SectionResult, type ServerResult } from './results';
import type { SseReport } from './sse-clients';
import type { machine } from './summary';
import type { TargetCheck } from './targets';

export interface RunFacts {
  machine: ReturnType<typeof machine>;
  options: BenchOptions;
  warmupS: number;
  versions: { autocannon: string; serveStatic: string; nginx: string | null };
}

export function headerLines(facts: RunFacts): string[] {
  const { machine: m, options: o } = facts;
  const lines = [
    `Cachecraft bench: ${m.cpus} × ${m.cpuModel}, node ${m.node}, load average ${m.loadavg.join(' ')}`,
    `Load: autocannon ${facts.versions.autocannon} in this process, ${o.durationS} s per phase (after a ${facts.warmupS} s warm-up per file), ` +
      `${o.connections} connections × ${o.pipelining} in flight for GET and 304 (timeout ${STEADY_TIMEOUT_S} s), ` +
      `bursts: ${o.burstConnections} connections at once, one request each (timeout ${BURST_TIMEOUT_S} s).`,
  ];
  if (m.loadavg[0]! >= m.cpus / 2) {
    lines.push(`NOTE: the machine was already busy when the run started (load average ${m.loadavg[0]} on ${m.cpus} cores): expect noisy numbers; compare ratios, and run again.`);
  }
  lines.push(
    `Servers: each its own process; serve-static ${facts.versions.serveStatic} on node:http with its defaults` +
      (facts.versions.nginx ? `; ${facts.versions.nginx}, 1 worker, sendfile on, no access log.` : '.'),
    'req/s counts answers with the expected status only; errors = 1xx/4xx/5xx answers + socket errors; timeouts apart.',
    `cpu srv/gen: CPU used by the server / by the load generator (this process) during the phase; 100% = one core of ${m.cpus} ` +
      `(node's file reads and GC also use other threads).`,
  );
  return lines;
}

export function sseLines(report: SseReport | null, appAnswers: number): string[] {
  if (!report) return ['SSE clients: no report (the client process ended without one).'];
  const mb = (report.bytes / 1e6).toFixed(1);
  const cpu = report.cpuS === null ? 'n/a' : `${report.cpuS.toFixed(1)} s of`;
  return [
    `SSE clients on /api/log: ${report.connected}/${report.clients} connected, ${report.stillConnected} still connected at the end, ` +
      `${report.closedEarly} dropped; their process used ${cpu} CPU.`,
    `  Each received ≈ ${Math.round(report.events / report.clients)} exchange events (${mb} MB in all); the app answered ${appAnswers} ` +
      `requests under load (plus the checks' requests, those in flight when a phase stopped, and up to 200 kept exchanges sent on connecting).`,
  ];
}

export function sectionTable(section: SectionResult, burstConnections: number): string {
  const lines = [`== ${section.title} ==`, ...section.what.split('\n')];
  const rows: string[][] = [];
  for (const phase of PHASES) {
    let first = true;
    for (const server of section.servers) {
      if (server.absent) continue;
      const outcome = server.phases[phase.id];
      const cells = [first ? phaseTitle(phase, section.files, burstConnections) : '', server.label];
      first = false;
      const load = outcome?.load;
      if (!load) {
        rows.push([...cells, '-', '-', '-', '-', '-', '-', '-', `skipped: ${outcome?.skipped ?? 'not run'}`]);
        continue;
      }
      const ratio = ratioTo(section, server, phase.id);
      const notes = [
        server.id === section.baselineId ? 'baseline' : '',
        outcome.validator ? `sends ${outcome.validator}` : '',
        outcome.after?.text ?? '',
        outcome.listenDrops ? `${outcome.listenDrops} connects dropped (accept queue full: retried after 1 s)` : '',
        ...load.warnings,
      ].filter(Boolean);
      rows.push([
        ...cells,
        String(Math.round(load.reqPerSec)),
        ms(load.p50Ms),
        ms(load.p99Ms),
        String(load.errors),
        String(load.timeouts),
        ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`,
        `${load.serverCpuPct ?? 'n/a'}/${load.loadCpuPct}%`,
        notes.join('; '),
      ]);
    }
  }
  lines.push(table(['phase', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'ratio', 'cpu srv/gen', 'note'], rows, [false, false, true, true, true, true, true, true, true, false]));
  for (const server of section.servers) if (server.absent) lines.push(`${server.label}: ${server.absent}`);
  return lines.join('\n');
}

export function footprintTable(servers: ServerResult[]): string {
  const rows = servers
    .filter((s) => s.footprint)
    .map((s) => {
      const { before, after } = s.footprint!;
      return [s.label, mib(before.rssKiB), mib(after.rssKiB), mib(after.peakRssKiB), count(before.openFds), count(after.openFds)];
    });
  return table(['process', 'RSS before', 'RSS after', 'peak RSS', 'fds before', 'fds after'], rows, [false, true, true, true, true, true]);
}

export function targetLines(checks: TargetCheck[]): string[] {
  return checks.map((c) => `${c.met ? 'target met' : 'target missed'}: ${c.name} (${c.detail})`);
}

function table(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 && !right[i] ? cell : right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const ms = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
const count = (value: number | null) => (value === null ? 'n/a' : String(value));
const mib = (kib: number | null) => (kib === null ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);
