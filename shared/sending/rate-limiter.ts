/**
 * Paces sends so they never exceed a rate (SES maximum send rate per worker). Slots are handed
 * out evenly, 1/rate apart, with no burst: over any window the count stays within the limit.
 */
export class RateLimiter {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(perSecond: number) {
    this.intervalMs = 1000 / perSecond;
  }

  async acquire(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    const wait = slot - now;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  /** After a throttling answer: push every later slot back. */
  backOff(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, performance.now() + ms);
  }
}
