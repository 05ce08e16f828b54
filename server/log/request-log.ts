// The request log: the last few exchanges the stages answered, kept in memory (bounded), and
// pushed to whoever listens (the page, through Server-Sent Events).
//
// Listeners hear of new exchanges in batches, a moment after they happen (DELIVER_AFTER_MS):
// a response never waits for the pages that watch the log, and under load each page gets a
// few writes a second instead of one per exchange. A learner cannot see the difference.
//
// A batch holds at most MAX_PER_BATCH exchanges, the latest: under load (a benchmark, a script
// in a loop) no page can show thousands of exchanges a second, and sending them all to every
// page cost more than answering them. The listeners are told how many were left out, and the
// page says so; every exchange is still kept (the last `capacity`) and readable by id. While
// exchanges are being left out, batches come less often (BUSY_DELIVER_AFTER_MS): a page still
// sees the latest a few times a second, and the server spends its time on answers.
import type { Exchange } from '../../common/exchange';
import { fieldsOf } from './head-fields';


/** TextEncoder, not Buffer: the log runs in the browser too (the static build). */
const utf8 = new TextEncoder();
/** `skipped`: exchanges recorded since the last batch that it leaves out (the oldest ones). */
export type ExchangeListener = (batch: readonly Exchange[], skipped: number) => void;

export const DELIVER_AFTER_MS = 50;
/** At most this many exchanges per batch: 400 a second for each page, 80 while busy (below). */
export const MAX_PER_BATCH = 20;
/** The wait after a batch that left exchanges out: under load, 80 exchanges a second for each page. */
export const BUSY_DELIVER_AFTER_MS = 250;

/**
 * An exchange as recorded: with the head node sent, as text, until someone reads it. Under load
 * most exchanges are never shown (MAX_PER_BATCH), and parsing every head cost as much as a
 * stage's whole 304; it is parsed once, when the exchange is first read.
 */
export interface Logged {
  exchange: Exchange;
  head: string | undefined;
  /** What is left to fill in, from what the recorder kept (see record). */
  complete: ((exchange: Exchange) => void) | undefined;
  read: boolean;
}

/**
 * The head node wrote for a recorded exchange (status line and fields, as text): its
 * responseHeaders are read from it when the exchange is first read. Node composes the head in
 * the same turn as the answer, before anyone can read the exchange.
 */
export function sentHead(logged: Logged, head: string): void {
  if (logged.read) return;
  logged.head = head;
  // The fields as the app gave them are not needed any more: the head has them, as sent. Kept,
  // they were most of what each of the last `capacity` exchanges held in memory.
  logged.exchange.responseHeaders = SENT_HEAD_PENDING;
}

/** In place of the fields until the head is read (read below); shared, so never written to. */
const SENT_HEAD_PENDING: [string, string][] = Object.freeze([]) as unknown as [string, string][];

function read(logged: Logged): Exchange {
  logged.read = true;
  // The head first: what is completed may depend on the fields as sent.
  if (logged.head !== undefined) {
    logged.exchange.responseHeaders = fieldsOf(logged.head);
    logged.head = undefined;
  }
  if (logged.complete !== undefined) {
    logged.complete(logged.exchange);
    logged.complete = undefined;
  }
  return logged.exchange;
}

export class RequestLog {
  /**
   * The last `capacity` exchanges, in a ring: `kept[next]` is the oldest once it is full. Not an
   * array shifted on every record: past 100 elements V8's shift() leaves its fast path for a call
   * into its C++ runtime (deps/v8/src/builtins/array-shift.tq), on every exchange.
   */
  private readonly kept: (Logged | undefined)[];
  private next = 0;
  private readonly listenerSet = new Set<ExchangeListener>();
  private readonly events = new WeakMap<Exchange, string>();
  private readonly encodedBatches = new WeakMap<readonly Exchange[], Map<string, Uint8Array>>();
  private pending: Logged[] = [];
  private skipped = 0;
  private nextId = 1;

  /** The last batch left exchanges out: the next one waits busyDeliverAfterMs, unless it comes after a quiet spell. */
  private busy = false;
  private lastDeliveredAt = 0;

  constructor(
    readonly capacity = 200,
    private readonly deliverAfterMs = DELIVER_AFTER_MS,
    private readonly maxPerBatch = MAX_PER_BATCH,
    private readonly busyDeliverAfterMs = BUSY_DELIVER_AFTER_MS,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`A request log keeps at least one exchange, not ${capacity}.`);
    this.kept = new Array<Logged | undefined>(capacity).fill(undefined);
  }

  /** Reserves the id of an exchange before it is recorded (so the response can carry it). */
  reserveId(): number {
    return this.nextId++;
  }

  /**
   * Keeps the exchange and tells the listeners (a moment later). `complete`, when given, fills
   * in what the recorder left out, when the exchange is first read: under load most are never
   * read (MAX_PER_BATCH). The returned entry takes the head node sends (sentHead).
   */
  record(exchange: Exchange, complete?: (exchange: Exchange) => void): Logged {
    const logged: Logged = { exchange, head: undefined, complete, read: false };
    this.kept[this.next] = logged;
    this.next = (this.next + 1) % this.capacity;
    if (this.listenerSet.size === 0) return logged;
    if (this.pending.length === 0) {
      // Still busy unless the log has been quiet since the last batch (the flood is over).
      const busy = this.busy && Date.now() - this.lastDeliveredAt < this.busyDeliverAfterMs;
      const timer: { unref?: () => void } = setTimeout(() => this.deliver(), busy ? this.busyDeliverAfterMs : this.deliverAfterMs);
      timer.unref?.(); // on Node: never keeps the process alive (a browser's timer is a number)
    }
    this.pending.push(logged);
    if (this.pending.length > this.maxPerBatch) {
      this.pending.shift();
      this.skipped++;
    }
    return logged;
  }

  get(id: number): Exchange | undefined {
    const logged = this.kept.find((e) => e?.exchange.id === id);
    return logged && read(logged);
  }

  all(): Exchange[] {
    // Oldest first: from `next` round to just before it.
    const inOrder = [...this.kept.slice(this.next), ...this.kept.slice(0, this.next)];
    return inOrder.filter((e): e is Logged => e !== undefined).map(read);
  }

  /** "These many exchanges were left out here", as a Server-Sent Event (see MAX_PER_BATCH). */
  skippedEvent(count: number): string {
    return `event: skipped\ndata: {"count":${count}}\n\n`;
  }

  /** The exchange as one Server-Sent Event, made once however many pages are listening. */
  event(exchange: Exchange): string {
    let text = this.events.get(exchange);
    if (text === undefined) {
      // JSON.stringify never writes a raw line break, so the data fits on one "data:" line.
      text = `event: exchange\nid: ${exchange.id}\ndata: ${JSON.stringify(exchange)}\n\n`;
      this.events.set(exchange, text);
    }
    return text;
  }

  /**
   * A batch as Server-Sent Events, encoded once for every page that wants the same stage (or
   * every stage): with many pages open, each gets the same bytes, in one write. `skipped` (the
   * exchanges this batch left out, of any stage) comes first as an `event: skipped`.
   */
  encodedEvents(batch: readonly Exchange[], stage?: string, skipped = 0): Uint8Array {
    let byFilter = this.encodedBatches.get(batch);
    if (!byFilter) this.encodedBatches.set(batch, (byFilter = new Map()));
    const key = `${skipped} ${stage ?? ''}`;
    let bytes = byFilter.get(key);
    if (!bytes) {
      const events = batch.filter((e) => !stage || e.stage === stage).map((e) => this.event(e));
      bytes = utf8.encode((skipped > 0 ? this.skippedEvent(skipped) : '') + events.join(''));
      byFilter.set(key, bytes);
    }
    return bytes;
  }

  /** How many listeners are subscribed: a page that left must not stay counted. */
  get listeners(): number {
    return this.listenerSet.size;
  }

  subscribe(listener: ExchangeListener): () => void {
    this.listenerSet.add(listener);
    return () => this.listenerSet.delete(listener);
  }

  private deliver(): void {
    const batch = this.pending.map(read);
    const skipped = this.skipped;
    this.pending = [];
    this.skipped = 0;
    this.busy = skipped > 0;
    this.lastDeliveredAt = Date.now();
    for (const listener of this.listenerSet) listener(batch, skipped);
  }
}
