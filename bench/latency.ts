// Response times in 10-microsecond buckets. autocannon's own histogram keeps whole
// milliseconds, and on loopback most answers take less than one: its p50 then reads 0 or 1 for
// every server, which compares nothing. The bench feeds this one from autocannon's 'response'
// event instead. Fixed memory (4 MB) whatever the number of responses; slower ones than
// MAX_MS land in the last bucket (and autocannon's timeout is far below it).
const BUCKET_MS = 0.01;
const MAX_MS = 10_000;

export class LatencyHistogram {
  private readonly counts = new Uint32Array(Math.ceil(MAX_MS / BUCKET_MS) + 1);
  private total = 0;

  record(ms: number): void {
    const index = Math.min(this.counts.length - 1, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.counts[index]! += 1;
    this.total += 1;
  }

  get count(): number {
    return this.total;
  }

  /** The latency (ms, upper edge of its bucket) below which `p` percent of answers fall; null if none. */
  percentile(p: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.round((i + 1) * BUCKET_MS * 100) / 100;
    }
    return MAX_MS;
  }
}
