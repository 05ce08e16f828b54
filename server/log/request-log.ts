// The request log: the last few exchanges the stages answered, kept in memory (bounded), and
// pushed to whoever listens (the page, through Server-Sent Events).
import type { Exchange } from './exchange';

export type ExchangeListener = (exchange: Exchange) => void;

export class RequestLog {
  private readonly kept: Exchange[] = [];
  private readonly listenerSet = new Set<ExchangeListener>();
  private readonly serialized = new WeakMap<Exchange, string>();
  private nextId = 1;

  constructor(readonly capacity = 200) {}

  /** Reserves the id of an exchange before it is recorded (so the response can carry it). */
  reserveId(): number {
    return this.nextId++;
  }

  record(exchange: Exchange): void {
    this.kept.push(exchange);
    if (this.kept.length > this.capacity) this.kept.shift();
    for (const listener of this.listenerSet) listener(exchange);
  }

  get(id: number): Exchange | undefined {
    return this.kept.find((e) => e.id === id);
  }

  all(): Exchange[] {
    return [...this.kept];
  }

  /** The exchange as JSON, made once however many pages are listening. */
  json(exchange: Exchange): string {
    let text = this.serialized.get(exchange);
    if (text === undefined) {
      text = JSON.stringify(exchange);
      this.serialized.set(exchange, text);
    }
    return text;
  }

  clear(): void {
    this.kept.length = 0;
  }

  /** How many listeners are subscribed: a page that left must not stay counted. */
  get listeners(): number {
    return this.listenerSet.size;
  }

  subscribe(listener: ExchangeListener): () => void {
    this.listenerSet.add(listener);
    return () => this.listenerSet.delete(listener);
  }
}
