import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../shared/sending/index.js";

describe("RateLimiter", () => {
  it("never lets more than the rate through in any one-second window", async () => {
    const limiter = new RateLimiter(50);
    const times: number[] = [];
    const start = performance.now();
    await Promise.all(Array.from({ length: 60 }, async () => {
      await limiter.acquire();
      times.push(performance.now() - start);
    }));
    times.sort((a, b) => a - b);
    // 60 slots 20 ms apart: the last leaves after ~1.18 s, and no 1 s window holds more than 50.
    expect(times.at(-1)!).toBeGreaterThan(1100);
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(51);
    }
  });

  it("pushes later slots back after throttling", async () => {
    const limiter = new RateLimiter(1000);
    await limiter.acquire();
    limiter.backOff(200);
    const t0 = performance.now();
    await limiter.acquire();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(180);
  });
});
