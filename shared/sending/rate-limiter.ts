/**
 * Paces sends so they never exceed a rate (SES maximum send rate per worker). Callers take turns;
 * each turn starts at least 1/rate after the previous one actually started, measured on the clock
 * when it starts (not when it was scheduled). So a timer that fires late under CPU load delays the
 * turns after it instead of letting them bunch up: over any window the count stays within the limit.
 */
export class RateLimiter {
  private lastStart = Number.NEGATIVE_INFINITY;
  private queue: Promise<void> = Promise.resolve();
  private readonly intervalMs: number;

  constructor(perSecond: number) {
    this.intervalMs = 1000 / perSecond;
  }

  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      // setTimeout may fire up to a millisecond early: wait until the interval has really passed.
      for (let wait = this.lastStart + this.intervalMs - performance.now(); wait > 0; wait = this.lastStart + this.intervalMs - performance.now()) {
        await new Promise((r) => setTimeout(r, Math.ceil(wait)));
      }
      this.lastStart = performance.now();
    });
    this.queue = turn;
    return turn;
  }

  /** After a throttling answer: no turn starts for the next `ms`. */
  backOff(ms: number): void {
    this.lastStart = Math.max(this.lastStart, performance.now() + ms - this.intervalMs);
  }
}
