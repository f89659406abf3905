import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { type Db, isConditionFailure, queryAll } from "../store/db.js";
import { keys, newId, withoutKeys } from "../store/keys.js";

/**
 * Scheduled jobs stored in the table (reminders, minutes distribution). A job is pending in GSI2
 * under its due time until it has run. Running is claimed with a conditional write, so two
 * overlapping ticks run a job once; a claim older than the lease (a crashed tick) is taken over.
 * A tick after downtime finds every job that came due meanwhile: late, never lost.
 */
export const jobKind = z.enum(["reminder", "minutes-distribution", "requeue-send", "reply-emails"]);
export type JobKind = z.infer<typeof jobKind>;

export const Job = z.object({
  id: z.string(),
  kind: jobKind,
  dueAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(["pending", "running", "done", "failed", "cancelled"]),
  attempts: z.number().int(),
  claimedAt: z.string().optional(),
  claimId: z.string().optional(),
  lastError: z.string().optional(),
  finishedAt: z.string().optional(),
  createdAt: z.string(),
});
export type Job = z.infer<typeof Job>;

const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

export type JobHandler = (ctx: AppContext, job: Job) => Promise<void>;

/** The stored item of a new pending job (for callers that write it inside their own transaction). */
export function jobItem(kind: JobKind, dueAt: string, payload: Record<string, unknown>, now: Date, id = newId()) {
  const job: Job = { id, kind, dueAt, payload, status: "pending", attempts: 0, createdAt: now.toISOString() };
  return { ...keys.job(id), ...pendingIndex(dueAt, id), ...job };
}

export async function scheduleJob(d: Db, kind: JobKind, dueAt: string, payload: Record<string, unknown>, now: Date, id = newId()): Promise<Job> {
  const item = jobItem(kind, dueAt, payload, now, id);
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: item }));
  return Job.parse(withoutKeys(item));
}

/**
 * A job with a fixed id (one reminder per meeting): created once; if it is still pending it is
 * moved to the new time; if it already ran it is left alone.
 */
export async function scheduleOnce(d: Db, id: string, kind: JobKind, dueAt: string, payload: Record<string, unknown>, now: Date): Promise<void> {
  const job: Job = { id, kind, dueAt, payload, status: "pending", attempts: 0, createdAt: now.toISOString() };
  try {
    await d.db.send(
      new PutCommand({
        TableName: d.tableName,
        Item: { ...keys.job(id), ...pendingIndex(dueAt, id), ...job },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    await rescheduleJob(d, id, { dueAt });
  }
}

const pendingIndex = (dueAt: string, id: string) => ({ GSI2PK: keys.pendingJobsIndex, GSI2SK: `${dueAt}#${id}` });

/** Moves or cancels a job that has not started. Returns false when it already ran (or is running). */
export async function rescheduleJob(d: Db, id: string, change: { dueAt: string } | { cancel: true }): Promise<boolean> {
  try {
    if ("cancel" in change) {
      await d.db.send(
        new UpdateCommand({
          TableName: d.tableName,
          Key: keys.job(id),
          UpdateExpression: "SET #s = :c REMOVE GSI2PK, GSI2SK",
          ConditionExpression: "#s = :p",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":c": "cancelled", ":p": "pending" },
        }),
      );
    } else {
      await d.db.send(
        new UpdateCommand({
          TableName: d.tableName,
          Key: keys.job(id),
          UpdateExpression: "SET dueAt = :d, GSI2PK = :pk, GSI2SK = :sk",
          ConditionExpression: "#s = :p",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":d": change.dueAt, ":p": "pending", ":pk": keys.pendingJobsIndex, ":sk": `${change.dueAt}#${id}` },
        }),
      );
    }
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

export async function getJob(d: Db, id: string): Promise<Job | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.job(id), ConsistentRead: true }));
  return out.Item ? Job.parse(withoutKeys(out.Item)) : undefined;
}

/** Runs the due jobs with the handlers the caller hands in (jobs know no job kind's work). */
export async function runDueJobs(ctx: AppContext, registry: Partial<Record<JobKind, JobHandler>>): Promise<{ ran: number; failed: number }> {
  const now = ctx.clock.now();
  const due = await queryAll(ctx, {
    IndexName: "GSI2",
    KeyConditionExpression: "GSI2PK = :pk AND GSI2SK <= :now",
    ExpressionAttributeValues: { ":pk": keys.pendingJobsIndex, ":now": `${now.toISOString()}#~` },
  });
  let ran = 0;
  let failed = 0;
  for (const raw of due) {
    const job = Job.parse(withoutKeys(raw));
    const claimId = await claim(ctx, job, now);
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
      const message = (err as Error).message ?? String(err);
      ctx.log.error("job failed", { jobId: job.id, kind: job.kind, attempts, err });
      if (attempts >= MAX_ATTEMPTS) {
        await finish(ctx, job, claimId, { status: "failed", lastError: message, attempts, finishedAt: ctx.clock.now().toISOString() });
      } else {
        // Back off: 1, 2, 4, 8 minutes; it stays pending and visible with its error.
        const retryAt = new Date(ctx.clock.now().getTime() + 60_000 * 2 ** (attempts - 1)).toISOString();
        await finish(ctx, job, claimId, { status: "pending", attempts, lastError: message }, { GSI2PK: keys.pendingJobsIndex, GSI2SK: `${retryAt}#${job.id}` });
      }
    }
  }
  return { ran, failed };
}

/** Claims a due job; returns the claim's id, or undefined when another tick holds a live claim. */
async function claim(d: Db, job: Job, now: Date): Promise<string | undefined> {
  const claimId = randomUUID();
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.job(job.id),
        UpdateExpression: "SET #s = :r, claimedAt = :now, claimId = :c",
        ConditionExpression: "#s = :p OR (#s = :r AND claimedAt < :stale)",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":r": "running",
          ":p": "pending",
          ":c": claimId,
          ":now": now.toISOString(),
          ":stale": new Date(now.getTime() - LEASE_MS).toISOString(),
        },
      }),
    );
    return claimId;
  } catch (err) {
    if (isConditionFailure(err)) return undefined;
    throw err;
  }
}

/**
 * Records how a run ended, only if this run still holds the claim: a tick that outlived its
 * lease (and whose job another tick took over) must not overwrite the newer run's outcome.
 * Without a new index position the job leaves the pending index.
 */
async function finish(d: Db, job: Job, claimId: string, fields: Partial<Job>, index?: { GSI2PK: string; GSI2SK: string }): Promise<void> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":c": claimId };
  const sets = Object.entries({ ...fields, ...index }).map(([k, v]) => {
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    return `#${k} = :${k}`;
  });
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.job(job.id),
        UpdateExpression: `SET ${sets.join(", ")} REMOVE claimId, claimedAt${index ? "" : ", GSI2PK, GSI2SK"}`,
        ConditionExpression: "claimId = :c",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const log = (d as Partial<AppContext>).log;
    log?.warn("job claim lost before finishing; the newer run decides", { jobId: job.id });
  }
}
