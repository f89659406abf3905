// The jobs domain's back-off: 1, 2, 4, 8 minutes, then failed for good.
import { describe, expect, it } from "vitest";
import { afterFailure, MAX_JOB_ATTEMPTS } from "../../shared/jobs/index.js";

describe("a failed job run", () => {
  const now = new Date("2030-01-01T12:00:00.000Z");

  it("comes back after 1, 2, 4, 8 minutes", () => {
    expect([1, 2, 3, 4].map((n) => afterFailure(n, now))).toEqual([
      { status: "pending", retryAt: "2030-01-01T12:01:00.000Z" },
      { status: "pending", retryAt: "2030-01-01T12:02:00.000Z" },
      { status: "pending", retryAt: "2030-01-01T12:04:00.000Z" },
      { status: "pending", retryAt: "2030-01-01T12:08:00.000Z" },
    ]);
  });

  it("fails for good at the last attempt", () => {
    expect(MAX_JOB_ATTEMPTS).toBe(5);
    expect(afterFailure(5, now)).toEqual({ status: "failed" });
    expect(afterFailure(6, now)).toEqual({ status: "failed" });
  });
});
