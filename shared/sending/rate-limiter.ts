// The SES pace: a token bucket shared by the worker's concurrent sends, with a hard cap per second.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const yieldOnce = () => new Promise((r) => setImmediate(r));

/**
 * Paces sends to a rate (the SES maximum send rate of this worker). A token bucket: it starts
 * full (the first sends go at once), refills at the rate, and holds half a second's worth, so a
 * sender held up for a moment (a busy event loop, a slow database answer, a batch that has not
 * been claimed yet) catches up instead of losing the time for good. On top, never more than `rate` starts in any one-second window,
 * counted on the real start times: the SES limit holds whatever the bucket and the timers did.
 * Callers take turns in order, so concurrent sends share one pace.
 */
export class RateLimiter {
  private tokens: number;
  private refilledAt = performance.now();
  private readonly capacity: number;
  private readonly perWindow: number;
  /** The last `perWindow` start times, oldest first. */
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly perSecond: number) {
    this.capacity = Math.max(1, Math.ceil(perSecond / 2));
    this.tokens = this.capacity;
    this.perWindow = Math.max(1, Math.floor(perSecond));
  }

  /** Resolves when this caller may send. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn;
    return turn;
  }

  /** After a throttling answer: no turn starts for the next `ms`, and the bucket starts empty after it. */
  backOff(ms: number): void {
    this.tokens = 0;
    this.refilledAt = Math.max(this.refilledAt, performance.now() + ms);
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = performance.now();
      if (now > this.refilledAt) {
        this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
        this.refilledAt = now;
      }
      const forToken =
        this.refilledAt > now ? this.refilledAt - now : this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.perSecond;
      const forWindow = this.starts.length >= this.perWindow ? this.starts[0]! + 1000 - now : 0;
      const wait = Math.max(forToken, forWindow);
      if (wait <= 0) {
        this.tokens -= 1;
        this.starts.push(now);
        if (this.starts.length > this.perWindow) this.starts.shift();
        return;
      }
      // Timers have millisecond steps and fire late rather than early: sleep until about a
      // millisecond before the turn, then yield to the event loop until it is due.
      if (wait > 2) await sleep(Math.floor(wait - 1));
      else await yieldOnce();
    }
  }
}
