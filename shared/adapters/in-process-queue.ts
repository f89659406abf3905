// The local send queue: SQS and the send-worker Lambda's stand-in, in memory.
import type { QueuePort } from "../ports/queue.js";

export type BatchConsumer = (messages: unknown[]) => Promise<{ failed: number[] }>;

/**
 * The local stand-in for SQS + the send-worker Lambda: messages wait in memory and are handed,
 * in batches, to the same consumer code the Lambda runs, by up to `concurrency` lanes at once
 * (like concurrent Lambda instances). Failed messages are redelivered after a delay, like SQS
 * after the visibility timeout; after maxReceives they go to the dead letters.
 */
export class InProcessQueue implements QueuePort {
  private readonly pending: { body: unknown; receives: number; notBefore: number }[] = [];
  readonly deadLetters: unknown[] = [];
  private lanes = 0;
  private timer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  private consumer: BatchConsumer | undefined;

  constructor(
    private readonly opts: { batchSize?: number; retryDelayMs?: number; maxReceives?: number; concurrency?: number } = {},
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
    if (this.lanes === 0 && this.pending.length === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.consumer = undefined;
  }

  private kick(): void {
    const max = this.opts.concurrency ?? 2;
    while (this.consumer && this.lanes < max && this.readyCount() > 0) {
      this.lanes++;
      setImmediate(() => void this.lane());
    }
    this.armTimer();
  }

  private readyCount(): number {
    const now = Date.now();
    return this.pending.filter((m) => m.notBefore <= now).length;
  }

  private takeBatch(): { body: unknown; receives: number; notBefore: number }[] {
    const batchSize = this.opts.batchSize ?? 10;
    const now = Date.now();
    const batch: { body: unknown; receives: number; notBefore: number }[] = [];
    for (let i = 0; i < this.pending.length && batch.length < batchSize; ) {
      if (this.pending[i]!.notBefore <= now) batch.push(...this.pending.splice(i, 1));
      else i++;
    }
    return batch;
  }

  private async lane(): Promise<void> {
    const retryDelayMs = this.opts.retryDelayMs ?? 1000;
    const maxReceives = this.opts.maxReceives ?? 5;
    try {
      for (let batch = this.takeBatch(); batch.length > 0 && this.consumer; batch = this.takeBatch()) {
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
      this.lanes--;
      this.armTimer();
      if (this.lanes === 0 && this.pending.length === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }

  /** Messages waiting for their redelivery time wake the queue when they are due. */
  private armTimer(): void {
    if (this.timer || !this.consumer || this.pending.length === 0) return;
    const next = Math.min(...this.pending.map((m) => m.notBefore)) - Date.now();
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.kick();
      },
      Math.max(5, next),
    );
    this.timer.unref?.();
  }
}
