// Scheduled jobs in the table: pending ones indexed by due time (GSI2), claimed and finished by conditional writes.
import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import type { Job, JobKind } from "../model.js";
import { type Db, isConditionFailure, patchUpdate, queryAll } from "./db.js";
import { keys, newId, withoutKeys } from "./keys.js";
import { GSI } from "./table-schema.js";

/**
 * Jobs are read back with zod/mini, not the full schema of shared/model.ts: the reply Lambda writes
 * its outbox job through this module and must not load full zod. The type is checked against the model's.
 * Built on the first read (z.lazy), not at import: the reply Lambda only writes jobs.
 */
const JobSchema: z.ZodMiniType<Job> = z.lazy(() => {
  const optStr = z.optional(z.string());
  return z.object({
    id: z.string(),
    kind: z.enum(["reminder", "minutes-distribution", "requeue-send", "reply-emails", "escalation"]),
    dueAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
    status: z.enum(["pending", "running", "done", "failed", "cancelled"]),
    attempts: z.number().check(z.int()),
    claimedAt: optStr,
    claimId: optStr,
    lastError: optStr,
    finishedAt: optStr,
    createdAt: z.string(),
  });
});

/** The stored item of a new pending job (for callers that write it inside their own transaction); built, not parsed. */
export function jobItem(kind: JobKind, dueAt: string, payload: Record<string, unknown>, now: Date, id = newId()) {
  const job: Job = { id, kind, dueAt, payload, status: "pending", attempts: 0, createdAt: now.toISOString() };
  return { ...keys.job(id), ...keys.pendingJobEntry(dueAt, id), ...job };
}

/** Writes a new job; with `once`, only if no job has this id yet (false then). */
export async function insertJob(d: Db, item: ReturnType<typeof jobItem>, opts: { once?: boolean } = {}): Promise<boolean> {
  try {
    await d.db.send(
      new PutCommand({
        TableName: d.tableName,
        Item: item,
        ...(opts.once ? { ConditionExpression: "attribute_not_exists(PK)" } : {}),
      }),
    );
    return true;
  } catch (err) {
    if (opts.once && isConditionFailure(err)) return false;
    throw err;
  }
}

/** Moves or cancels a job that is still pending. False when it already ran (or is running). */
export async function reschedulePendingJob(d: Db, id: string, change: { dueAt: string } | { cancel: true }): Promise<boolean> {
  const patch =
    "cancel" in change
      ? { status: "cancelled", GSI2PK: undefined, GSI2SK: undefined }
      : { dueAt: change.dueAt, ...keys.pendingJobEntry(change.dueAt, id) };
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.job(id),
        ...patchUpdate(patch, { expression: "#st0 = :p", names: { "#st0": "status" }, values: { ":p": "pending" } }),
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

export async function getJob(d: Db, id: string): Promise<Job | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.job(id), ConsistentRead: true }));
  return out.Item ? JobSchema.parse(withoutKeys(out.Item)) : undefined;
}

/** The pending jobs due at `now`, earliest first. */
export async function dueJobs(d: Db, now: Date): Promise<Job[]> {
  const items = await queryAll(d, {
    IndexName: GSI.dueJobs,
    KeyConditionExpression: "GSI2PK = :pk AND GSI2SK <= :now",
    ExpressionAttributeValues: { ":pk": keys.pendingJobsIndex, ":now": `${now.toISOString()}#~` },
  });
  return items.map((i) => JobSchema.parse(withoutKeys(i)));
}

/** Claims a job that is pending, or running under a claim older than `staleBefore`; the claim's id, or undefined when another holds it. */
export async function claimJob(d: Db, jobId: string, now: Date, staleBefore: Date): Promise<string | undefined> {
  const claimId = randomUUID();
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.job(jobId),
        UpdateExpression: "SET #s = :r, claimedAt = :now, claimId = :c",
        ConditionExpression: "#s = :p OR (#s = :r AND claimedAt < :stale)",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":r": "running",
          ":p": "pending",
          ":c": claimId,
          ":now": now.toISOString(),
          ":stale": staleBefore.toISOString(),
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
 * Records how a run ended, only while this run still holds the claim (false otherwise). With
 * `retryAt` the job stays pending under that time; without, it leaves the pending index.
 */
export async function finishJob(d: Db, jobId: string, claimId: string, fields: Partial<Job>, retryAt?: string): Promise<boolean> {
  const index = retryAt ? keys.pendingJobEntry(retryAt, jobId) : { GSI2PK: undefined, GSI2SK: undefined };
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.job(jobId),
        ...patchUpdate(
          { ...fields, ...index, claimId: undefined, claimedAt: undefined },
          { expression: "#c0 = :c0", names: { "#c0": "claimId" }, values: { ":c0": claimId } },
        ),
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
