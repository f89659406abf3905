import type { QueuePort } from "../ports/queue.js";

export type BatchConsumer = (messages: unknown[]) => Promise<{ failed: number[] }>;

/**
 * The local stand-in for SQS + the send-worker Lambda: messages wait in memory and are handed,
 * in batches, to the same consumer code the Lambda runs. Failed messages are redelivered after
 * a delay, like SQS after the visibility timeout; after maxReceives they go to the dead letters.
 */
export class InProcessQueue implements QueuePort {
  private readonly pending: { body: unknown; receives: number; notBefore: number }[] = [];
  readonly deadLetters: unknown[] = [];
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  private consumer: BatchConsumer | undefined;

  constructor(
    private readonly opts: { batchSize?: number; retryDelayMs?: number; maxReceives?: number } = {},
  ) {}

  setConsumer(consumer: BatchConsumer): void {
    this.consumer = consumer;
    this.kick();
  }

  async send(messages: unknown[]): Promise<void> {
    // Round-trip through JSON like SQS does, so nothing relies on object identity.
    for (const m of messages) this.pending.push({ body: JSON.parse(JSON.stringify(m)), receives: 0, notBefore: 0 });
    this.kick();
  }

  get size(): number {
    return this.pending.length;
  }

  /** Resolves when the queue is empty and no batch is running (tests, benchmarks). */
  async drained(): Promise<void> {
    if (!this.running && this.pending.length === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.consumer = undefined;
  }

  private kick(): void {
    if (this.running || !this.consumer) return;
    this.running = true;
    setImmediate(() => void this.loop());
  }

  private async loop(): Promise<void> {
    const batchSize = this.opts.batchSize ?? 10;
    const retryDelayMs = this.opts.retryDelayMs ?? 1000;
    const maxReceives = this.opts.maxReceives ?? 5;
    try {
      while (this.consumer) {
        const now = Date.now();
        const readyIdx: number[] = [];
        for (let i = 0; i < this.pending.length && readyIdx.length < batchSize; i++) {
          if ((this.pending[i]?.notBefore ?? 0) <= now) readyIdx.push(i);
        }
        if (readyIdx.length === 0) break;
        const batch = readyIdx.map((i) => this.pending[i]!);
        for (const i of readyIdx.reverse()) this.pending.splice(i, 1);
        for (const m of batch) m.receives++;
        let failed: number[];
        try {
          failed = (await this.consumer(batch.map((m) => m.body))).failed;
        } catch {
          failed = batch.map((_, i) => i);
        }
        for (const i of failed) {
          const m = batch[i];
          if (!m) continue;
          if (m.receives >= maxReceives) this.deadLetters.push(m.body);
          else this.pending.push({ ...m, notBefore: Date.now() + retryDelayMs });
        }
      }
    } finally {
      this.running = false;
      if (this.pending.length > 0 && this.consumer) {
        const next = Math.min(...this.pending.map((m) => m.notBefore)) - Date.now();
        this.timer = setTimeout(() => this.kick(), Math.max(10, next));
      } else if (this.pending.length === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }
}
