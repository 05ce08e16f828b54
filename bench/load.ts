// One phase of load with autocannon's programmatic API, reduced to the numbers the bench reports.
//
// What is counted, and why:
//  - req/s counts only answers with the status the phase expects (200, or 304 in the
//    conditional phase), over autocannon's measured duration: a server that answers 404 or 500
//    quickly must not look fast;
//  - errors are answers that are neither 2xx nor 3xx (1xx, 4xx, 5xx), plus socket errors.
//    autocannon's own `non2xx` also counts 3xx, so a 304 would be an error there: not here;
//  - timeouts are counted apart (autocannon counts them among its `errors` too: taken out);
//  - p50/p99 come from our own finer histogram (see latency.ts); like autocannon's, they only
//    know the answers that came: a phase with timeouts has a better p99 than it deserves.
import autocannon from 'autocannon';
import { LatencyHistogram } from './latency';
import { cpuSeconds } from './proc-stats';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  connections: number;
  pipelining: number;
  durationS: number;
  /**
   * A burst instead of a timed phase: this many requests in all, spread over the connections
   * (one each when equal), and the phase ends when each has an answer, an error or a timeout.
   */
  amount?: number;
  /** Seconds before autocannon gives up on an answer (its `timeout`). */
  timeoutS: number;
  expectStatus: number;
  /** Body bytes an expected answer carries (0 for 304), to check what really came back. */
  expectBodyBytes: number;
  /** The server's pid, to measure its CPU during the phase. */
  serverPid: number;
}

export interface LoadResult {
  reqPerSec: number;
  p50Ms: number | null;
  p99Ms: number | null;
  errors: number;
  timeouts: number;
  /** Answers with the expected status. */
  expected: number;
  /** Every answer, by status code. */
  statuses: Record<string, number>;
  durationS: number;
  /** Mean bytes on the wire (head and body) per expected answer. */
  bytesPerAnswer: number | null;
  /** CPU used during the phase, as % of one core: the server's, and the load generator's (this process). */
  serverCpuPct: number | null;
  loadCpuPct: number;
  /** Things that make the numbers doubtful, in words. */
  warnings: string[];
}

let running: autocannon.Instance | null = null;

/** Stops the phase in progress (Ctrl-C): autocannon then finishes and resolves at once. */
export function stopLoad(): void {
  running?.stop();
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latency = new LatencyHistogram();
  const bytesByStatus = new Map<number, number>();
  let bodyDropped = true;
  const serverCpuBefore = cpuSeconds(spec.serverPid);
  const loadCpuBefore = process.cpuUsage();
  const started = performance.now();
  let lastEventAt = started;

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        headers: spec.headers,
        connections: spec.connections,
        pipelining: spec.pipelining,
        ...(spec.amount ? { amount: spec.amount } : { duration: spec.durationS }),
        timeout: spec.timeoutS,
        // autocannon checks its stop timer only when it takes a sample: sample often, so a
        // 0.3 s phase lasts 0.3 s and not a whole second.
        sampleInt: 100,
        setupClient: (client) => {
          // autocannon keeps every answer's body as a string (for its expectBody option, unused
          // here): decoding 1 MiB of binary per answer made the load generator, not the server,
          // the bottleneck of the large-file phases. Keep counting bytes, drop the text.
          const queue = (client as unknown as { pipelinedRequests?: { addBody?: unknown } }).pipelinedRequests;
          if (queue && typeof queue.addBody === 'function') queue.addBody = () => {};
          else bodyDropped = false;
        },
      },
      (error, result) => {
        running = null;
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const wallS = (performance.now() - started) / 1000;
        const serverCpuAfter = cpuSeconds(spec.serverPid);
        const loadCpu = process.cpuUsage(loadCpuBefore);

        const statuses: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}) as [string, { count: number }][]) statuses[code] = count;
        const expected = statuses[String(spec.expectStatus)] ?? 0;
        const badAnswers = result['1xx'] + result['4xx'] + result['5xx'];
        const answers = Object.values(statuses).reduce((a, b) => a + b, 0);
        // A burst accounts for every request: answered, failed or timed out. The rest had their
        // connection closed by the server without an answer (autocannon says nothing of those).
        const unanswered = spec.amount ? Math.max(0, spec.amount - answers - result.errors) : 0;
        const socketErrors = result.errors - result.timeouts + unanswered;
        // A burst ends with its last answer; autocannon only notices at its next sample tick.
        const durationS = spec.amount && lastEventAt > started ? (lastEventAt - started) / 1000 : result.duration;
        const wireBytes = bytesByStatus.get(spec.expectStatus) ?? 0;
        const bytesPerAnswer = expected > 0 ? Math.round(wireBytes / expected) : null;

        const warnings: string[] = [];
        const others = Object.entries(statuses).filter(([code]) => code !== String(spec.expectStatus));
        if (others.length > 0) warnings.push(`unexpected statuses: ${others.map(([c, n]) => `${c}×${n}`).join(', ')}`);
        if (bytesPerAnswer !== null && !plausibleSize(bytesPerAnswer, spec.expectBodyBytes)) {
          warnings.push(`${bytesPerAnswer} bytes per ${spec.expectStatus} answer, expected the ${spec.expectBodyBytes}-byte body plus a head`);
        }
        const loadCpuPct = Math.round(((loadCpu.user + loadCpu.system) / 1e6 / wallS) * 100);
        // One thread sends and parses everything: near a full core, it is the limit, not the server.
        if (loadCpuPct >= 90) warnings.push(`load generator saturated (${loadCpuPct}% CPU): this server may be faster than shown`);
        if (unanswered > 0) warnings.push(`${unanswered} connections closed without an answer (counted as errors)`);
        if (!bodyDropped) warnings.push('autocannon internals changed: answer bodies were decoded (slower load generator)');

        resolve({
          reqPerSec: durationS > 0 ? expected / durationS : 0,
          p50Ms: latency.percentile(50),
          p99Ms: latency.percentile(99),
          errors: badAnswers + socketErrors,
          timeouts: result.timeouts,
          expected,
          statuses,
          durationS: Math.round(durationS * 1000) / 1000,
          bytesPerAnswer,
          serverCpuPct: serverCpuBefore !== null && serverCpuAfter !== null ? Math.round(((serverCpuAfter - serverCpuBefore) / wallS) * 100) : null,
          loadCpuPct,
          warnings,
        });
      },
    );
    running = instance;
    instance.on('reqError', () => (lastEventAt = performance.now()));
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      lastEventAt = performance.now();
      latency.record(responseTime);
      bytesByStatus.set(statusCode, (bytesByStatus.get(statusCode) ?? 0) + resBytes);
    });
  });
}

/** The body plus a response head of reasonable size (under 2 KiB). */
function plausibleSize(wireBytes: number, bodyBytes: number): boolean {
  return wireBytes >= bodyBytes && wireBytes <= bodyBytes + 2048;
}
