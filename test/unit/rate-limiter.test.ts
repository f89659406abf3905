// The SES pace: a token bucket that starts full, catches up after a stall, and never passes the rate in a second.
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../shared/sending/index.js";

/** Start times (ms from the first call) of n concurrent callers sharing one limiter. */
async function startTimes(limiter: RateLimiter, n: number): Promise<number[]> {
  const start = performance.now();
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      await limiter.acquire();
      times.push(performance.now() - start);
    }),
  );
  return times.sort((a, b) => a - b);
}

describe("RateLimiter", () => {
  it("starts full: half a second's worth goes at once, then one every 1/rate", async () => {
    const times = await startTimes(new RateLimiter(50), 35);
    expect(times[24]!).toBeLessThan(15);
    // The 26th to 35th wait for the bucket: 20 ms apart, the 35th about 200 ms in.
    expect(times[34]!).toBeGreaterThan(180);
    expect(times[34]!).toBeLessThan(300);
  });

  it("never lets more than the rate through in any one-second window, and keeps the rate", async () => {
    const times = await startTimes(new RateLimiter(50), 120);
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      // 51: the times here are taken a moment after the limiter's own (a promise resolution later).
      expect(inWindow).toBeLessThanOrEqual(51);
    }
    // 120 at 50 a second: 50 in each of the first two seconds, the rest at the start of the third.
    expect(times.at(-1)!).toBeGreaterThan(1950);
    expect(times.at(-1)!).toBeLessThan(2400);
  });

  it("catches up after the event loop was busy, instead of losing the time", async () => {
    const limiter = new RateLimiter(100);
    await startTimes(limiter, 50); // the bucket is empty now
    const stalled = performance.now();
    while (performance.now() - stalled < 100) {
      // a busy event loop (a long compose, another process on the core)
    }
    // 100 ms at 100 a second refilled 10 tokens: the next 10 go at once.
    const times = await startTimes(limiter, 10);
    expect(times.at(-1)!).toBeLessThan(30);
  });

  it("pushes later turns back after throttling", async () => {
    const limiter = new RateLimiter(1000);
    await limiter.acquire();
    limiter.backOff(200);
    const t0 = performance.now();
    await limiter.acquire();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(180);
  });
});
