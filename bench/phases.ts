// The five phases each server goes through, and how one phase is run against one server:
// the checks before the load (is the file there, is the 304 real), the load, and the check
// after a burst (does the server still answer).
import type { BenchFile } from './fixtures';
import { listenDrops } from './listen-overflows';
import { runLoad, type LoadResult } from './load';
import { conditionalHeaders, probe, tryProbe } from './probe';

export type PhaseId = 'get-small' | 'not-modified' | 'get-large' | 'burst-small' | 'burst-large';

export interface Phase {
  id: PhaseId;
  file: 'small' | 'large';
  /** Sends the validator of a first answer back, and expects 304. */
  conditional: boolean;
  burst: boolean;
}

export const PHASES: Phase[] = [
  { id: 'get-small', file: 'small', conditional: false, burst: false },
  { id: 'not-modified', file: 'small', conditional: true, burst: false },
  { id: 'get-large', file: 'large', conditional: false, burst: false },
  { id: 'burst-small', file: 'small', conditional: false, burst: true },
  { id: 'burst-large', file: 'large', conditional: false, burst: true },
];

/**
 * A burst: many more clients than a small server expects, all at once, one request each, each
 * giving up after 2 s. A fixed number of requests, not a duration, so that every one of them is
 * accounted for (answered, failed or timed out): a timed run would drop the requests still in
 * flight when it stops, and a 1 MiB burst shorter than its first answers would show no error.
 */
export const BURST_TIMEOUT_S = 2;
/** The steady phases wait longer than any healthy answer takes: a timeout there is a real fault. */
export const STEADY_TIMEOUT_S = 10;

export function phaseTitle(phase: Phase, files: { small: BenchFile; large: BenchFile }, burstConnections: number): string {
  const file = files[phase.file];
  const name = `${file.path.slice(1)} (${formatBytes(file.bytes)})`;
  if (phase.conditional) return `conditional GET ${name} → 304`;
  if (phase.burst) return `burst ${burstConnections} conn, GET ${name}`;
  return `GET ${name} → 200`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  if (bytes >= 10_000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} B`;
}

/** A server under test: where it is and where its files are. */
export interface Target {
  id: string;
  label: string;
  /** http://127.0.0.1:PORT plus the path prefix of the files ("/ch/<stage>" for the app). */
  base: string;
  pid: number;
}

export interface PhaseOutcome {
  /** Null when the phase was not run; `skipped` then says why. */
  load: LoadResult | null;
  skipped: string | null;
  /** The conditional phase: the header that was sent, e.g. "If-None-Match". */
  validator: string | null;
  /** After a burst: what a plain GET got, e.g. "200 in 3 ms", or why it got nothing. */
  after: { ok: boolean; text: string } | null;
  /** During a burst: connections Linux dropped because the server's accept queue was full. */
  listenDrops: number | null;
}

export interface PhaseSettings {
  durationS: number;
  connections: number;
  pipelining: number;
  burstConnections: number;
}

export async function runPhase(target: Target, phase: Phase, files: { small: BenchFile; large: BenchFile }, settings: PhaseSettings): Promise<PhaseOutcome> {
  const file = files[phase.file];
  const url = target.base + file.path;
  let headers: Record<string, string> = {};
  let validator: string | null = null;

  if (phase.conditional) {
    // The validator of a first answer, sent back as a browser would; the load starts only
    // once one such request has really been answered 304.
    const first = await probe(url);
    if (first.status !== 200) return skipped(`a first GET got ${first.status}, not 200`);
    const conditional = conditionalHeaders(first);
    if (!conditional) return skipped('no validator: neither ETag nor Last-Modified');
    validator = Object.keys(conditional)[0]!;
    const check = await probe(url, conditional);
    if (check.status !== 304) return { ...skipped(`${validator} got ${check.status}, not 304`), validator };
    headers = conditional;
  }

  const dropsBefore = phase.burst ? listenDrops() : null;
  const load = await runLoad({
    url,
    headers,
    connections: phase.burst ? settings.burstConnections : settings.connections,
    pipelining: phase.burst ? 1 : settings.pipelining,
    durationS: settings.durationS,
    ...(phase.burst ? { amount: settings.burstConnections } : {}),
    timeoutS: phase.burst ? BURST_TIMEOUT_S : STEADY_TIMEOUT_S,
    expectStatus: phase.conditional ? 304 : 200,
    expectBodyBytes: phase.conditional ? 0 : file.bytes,
    serverPid: target.pid,
  });

  const dropsAfter = phase.burst ? listenDrops() : null;
  const drops = dropsBefore !== null && dropsAfter !== null ? dropsAfter - dropsBefore : null;

  let after: PhaseOutcome['after'] = null;
  if (phase.burst) {
    const answer = await tryProbe(target.base + files.small.path, {}, 5000);
    after = 'error' in answer
      ? { ok: false, text: `then GET: ${answer.error}` }
      : { ok: answer.status === 200, text: `then GET → ${answer.status} in ${Math.round(answer.ms)} ms` };
  }
  return { load, skipped: null, validator, after, listenDrops: drops };
}

/** The outcome of a phase that was not run, and why. */
export function skipped(reason: string): PhaseOutcome {
  return { load: null, skipped: reason, validator: null, after: null, listenDrops: null };
}

/** Before any load: each file answers 200 with its whole body. Null when all is well, else why not. */
export async function checkServes(target: Target, files: { small: BenchFile; large: BenchFile }): Promise<string | null> {
  for (const file of [files.small, files.large]) {
    const answer = await tryProbe(target.base + file.path, {}, 10_000);
    if ('error' in answer) return `GET ${file.path}: ${answer.error}`;
    if (answer.status !== 200) return `GET ${file.path} got ${answer.status}, not 200`;
    if (answer.bodyBytes !== file.bytes) return `GET ${file.path} sent ${answer.bodyBytes} bytes, not ${file.bytes}`;
  }
  return null;
}
