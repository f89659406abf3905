/**
 * Paces sends so they never exceed a rate (SES maximum send rate per worker). Callers take turns.
 * Three rules decide when a turn starts:
 * - its slot on an even schedule, 1/rate apart (the steady pace);
 * - at least half an interval after the previous turn really started (a turn that started late
 *   because the event loop was busy may catch up, but never as a burst);
 * - never more than `rate` starts in any one-second window, counted on the real start times
 *   (the hard limit, whatever the timers did).
 */
export class RateLimiter {
  private slot = Number.NEGATIVE_INFINITY;
  private lastStart = Number.NEGATIVE_INFINITY;
  private notBefore = Number.NEGATIVE_INFINITY;
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly intervalMs: number;
  private readonly perWindow: number;

  constructor(perSecond: number) {
    this.intervalMs = 1000 / perSecond;
    this.perWindow = Math.max(1, Math.floor(perSecond));
  }

  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      // No credit for idle time: after a pause the schedule restarts from now.
      this.slot = Math.max(this.slot + this.intervalMs, performance.now() - this.intervalMs);
      const windowFull = this.starts.length >= this.perWindow ? this.starts[this.starts.length - this.perWindow]! + 1000 : Number.NEGATIVE_INFINITY;
      const due = Math.max(this.slot, this.lastStart + this.intervalMs / 2, windowFull, this.notBefore);
      // Timers have millisecond steps and fire late rather than early: sleep until about a
      // millisecond before the turn, then yield to the event loop (setImmediate) until it is due.
      for (let wait = due - performance.now(); wait > 0; wait = due - performance.now()) {
        if (wait > 2) await new Promise((r) => setTimeout(r, Math.floor(wait - 1)));
        else await new Promise((r) => setImmediate(r));
      }
      this.lastStart = performance.now();
      this.starts.push(this.lastStart);
      if (this.starts.length > this.perWindow) this.starts.shift();
    });
    this.queue = turn;
    return turn;
  }

  /** After a throttling answer: no turn starts for the next `ms`. */
  backOff(ms: number): void {
    this.notBefore = Math.max(this.notBefore, performance.now() + ms);
  }
}
