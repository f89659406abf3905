// Pure job rules: how long a claim holds, and what a failed run leads to (back-off, then failed for good).

/** A claim older than this is taken to be from a crashed tick and may be taken over. */
export const LEASE_MS = 5 * 60_000;
/** Runs in all before a job is failed for good. */
export const MAX_JOB_ATTEMPTS = 5;

/**
 * After the `attempts`-th failed run: pending again after 1, 2, 4, 8 minutes (visible with its
 * error meanwhile), or failed for good after the last attempt.
 */
export function afterFailure(attempts: number, now: Date): { status: "failed" } | { status: "pending"; retryAt: string } {
  if (attempts >= MAX_JOB_ATTEMPTS) return { status: "failed" };
  return { status: "pending", retryAt: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)).toISOString() };
}
