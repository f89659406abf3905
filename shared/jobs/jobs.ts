// Scheduled jobs: schedule, move or cancel one, and run the due ones with the handlers the caller hands in.
import type { AppContext } from "../context.js";
import type { Job, JobKind } from "../model.js";
import type { Db } from "../store/db.js";
import * as store from "../store/jobs.js";
import { newId, withoutKeys } from "../store/keys.js";
import { afterFailure, LEASE_MS } from "./rules.js";

/**
 * Scheduled jobs stored in the table (reminders, minutes distribution). A job is pending under its
 * due time until it has run. Running is claimed with a conditional write, so two overlapping ticks
 * run a job once; a claim older than the lease (a crashed tick) is taken over. A tick after
 * downtime finds every job that came due meanwhile: late, never lost.
 */
export type JobHandler = (ctx: AppContext, job: Job) => Promise<void>;

export { getJob, jobItem } from "../store/jobs.js";

export async function scheduleJob(
  d: Db,
  kind: JobKind,
  dueAt: string,
  payload: Record<string, unknown>,
  now: Date,
  id = newId(),
): Promise<Job> {
  const item = store.jobItem(kind, dueAt, payload, now, id);
  await store.insertJob(d, item);
  return withoutKeys(item);
}

/**
 * A job with a fixed id (one reminder per meeting): created once; if it is still pending it is
 * moved to the new time; if it already ran it is left alone.
 */
export async function scheduleOnce(
  d: Db,
  id: string,
  kind: JobKind,
  dueAt: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<void> {
  if (!(await store.insertJob(d, store.jobItem(kind, dueAt, payload, now, id), { once: true })))
    await rescheduleJob(d, id, { dueAt });
}

/** Moves or cancels a job that has not started. Returns false when it already ran (or is running). */
export function rescheduleJob(d: Db, id: string, change: { dueAt: string } | { cancel: true }): Promise<boolean> {
  return store.reschedulePendingJob(d, id, change);
}

/** Runs the due jobs with the handlers the caller hands in (jobs know no job kind's work). */
export async function runDueJobs(
  ctx: AppContext,
  registry: Partial<Record<JobKind, JobHandler>>,
): Promise<{ ran: number; failed: number }> {
  const now = ctx.clock.now();
  let ran = 0;
  let failed = 0;
  for (const job of await store.dueJobs(ctx, now)) {
    const claimId = await store.claimJob(ctx, job.id, now, new Date(now.getTime() - LEASE_MS));
    if (!claimId) continue;
    const handler = registry[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(ctx, job);
      await finish(ctx, job, claimId, { status: "done", finishedAt: ctx.clock.now().toISOString() });
      ran++;
    } catch (err) {
      failed++;
      const attempts = job.attempts + 1;
      const lastError = (err as Error).message ?? String(err);
      ctx.log.error("job failed", { jobId: job.id, kind: job.kind, attempts, err });
      const next = afterFailure(attempts, ctx.clock.now());
      if (next.status === "failed")
        await finish(ctx, job, claimId, { status: "failed", lastError, attempts, finishedAt: ctx.clock.now().toISOString() });
      else await finish(ctx, job, claimId, { status: "pending", attempts, lastError }, next.retryAt);
    }
  }
  return { ran, failed };
}

/**
 * Records how a run ended, only if this run still holds the claim: a tick that outlived its
 * lease (and whose job another tick took over) must not overwrite the newer run's outcome.
 */
async function finish(ctx: AppContext, job: Job, claimId: string, fields: Partial<Job>, retryAt?: string): Promise<void> {
  if (!(await store.finishJob(ctx, job.id, claimId, fields, retryAt))) {
    ctx.log.warn("job claim lost before finishing; the newer run decides", { jobId: job.id });
  }
}
