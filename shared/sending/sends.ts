import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";
import type { Invitation, Meeting } from "../model.js";
import { jobItem, scheduleOnce } from "../jobs/index.js";
import { type Db, isConditionFailure, jitter, queryAll } from "../store/db.js";
import { listMembers } from "../store/directory.js";
import { ensureInvitations, getInvitation, listInvitations } from "../store/invitations.js";
import { keys, newId, withoutKeys } from "../store/keys.js";
import { getMeetingRecord, type MeetingState, meetingStateUpdate, StaleMeetingError, setMeetingState } from "../store/meetings.js";
import { ensureSnapshot } from "../store/snapshots.js";
import type { QueueMessage } from "./messages.js";

/**
 * Mass send. One delivery record per recipient is written first, then one queue message per
 * delivery. The worker claims each delivery before sending, so a repeated request, a redelivered
 * message or a crashed worker never sends twice; a requeue job re-queues anything still waiting
 * (a crash between writing and queueing), so nothing is dropped.
 */
export const emailTemplate = z.enum([
  "invitation",
  "reminder",
  "cancellation",
  "minutes",
  "confirmation",
  "substitute-released",
]);
export type EmailTemplate = z.infer<typeof emailTemplate>;

export const SendAudience = z.union([
  z.literal("all"),
  z.literal("not_replied"),
  z.strictObject({ invitationIds: z.array(z.string().min(1)).min(1).max(5000) }),
]);
export type SendAudience = z.infer<typeof SendAudience>;

export const CreateSendInput = z.strictObject({
  audience: SendAudience.default("all"),
  template: z.enum(["invitation", "reminder", "cancellation"]).default("invitation"),
});

export const deliveryStatus = z.enum(["queued", "sending", "sent", "failed", "delivered", "bounced", "complained"]);
export const Delivery = z.object({
  sendId: z.string(),
  id: z.string(),
  meetingId: z.string(),
  invitationId: z.string(),
  email: z.string(),
  name: z.string(),
  template: emailTemplate,
  status: deliveryStatus,
  attempts: z.number().int(),
  claimId: z.string().optional(),
  claimedAt: z.string().optional(),
  messageId: z.string().optional(),
  sentAt: z.string().optional(),
  error: z.string().optional(),
});
export type Delivery = z.infer<typeof Delivery>;

export const Send = z.object({
  id: z.string(),
  meetingId: z.string(),
  template: emailTemplate,
  audience: z.unknown(),
  total: z.number().int(),
  status: z.enum(["queueing", "queued"]),
  meetingVersion: z.number().int(),
  sequence: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Send = z.infer<typeof Send>;

export interface SendRequest {
  meetingId: string;
  template: EmailTemplate;
  audience: SendAudience;
  idempotencyKey?: string;
  by: string;
  /** For "substitute-released": the recipient's invitation has just been withdrawn. */
  includeWithdrawn?: boolean;
  /** Records the caller has just read or written (saves reading them again on the reply path). */
  known?: { meeting: Meeting; invitations?: Invitation[] };
}

export async function createSend(
  ctx: AppContext,
  req: SendRequest,
): Promise<{ sendId: string; total: number; repeated: boolean }> {
  const now = ctx.clock.now();
  const sendId = newId();
  const idemKey = req.idempotencyKey ? keys.idempotency(`send:${req.meetingId}`, req.idempotencyKey) : undefined;
  if (req.idempotencyKey) {
    // Claim the key first: the same request repeated finds the first send and queues nothing.
    const key = keys.idempotency(`send:${req.meetingId}`, req.idempotencyKey);
    try {
      await ctx.db.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: { ...key, sendId, expiresAt: Math.floor(now.getTime() / 1000) + 7 * 86400 },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const prior = await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }));
      const priorId = String(prior.Item?.sendId);
      // The first request may still be writing its deliveries: the id is all the caller needs.
      const priorSend = await getSendRecord(ctx, priorId).catch(() => undefined);
      return { sendId: priorId, total: priorSend?.total ?? 0, repeated: true };
    }
  }
  try {
    return await writeAndQueue(ctx, req, sendId, now);
  } catch (err) {
    // Nothing was sent under this key: free it, so the request can be repeated after a fix.
    if (idemKey)
      await ctx.db.send(new DeleteCommand({ TableName: ctx.tableName, Key: idemKey })).catch(() => undefined);
    throw err;
  }
}

async function writeAndQueue(
  ctx: AppContext,
  req: SendRequest,
  sendId: string,
  now: Date,
): Promise<{ sendId: string; total: number; repeated: boolean }> {
  let recipients: Invitation[] | undefined;
  for (let attempt = 0; ; attempt++) {
    const meeting = attempt === 0 && req.known?.meeting ? req.known.meeting : await getMeetingRecord(ctx, req.meetingId);
    if (meeting.status === "cancelled" && req.template !== "cancellation" && req.template !== "confirmation") {
      throw new ConflictError("Møtet er avlyst; send avlysning i stedet.");
    }
    recipients ??= await chooseRecipients(ctx, req, meeting, now);
    const state = stateAfterSend(meeting, req.template);
    const send: Send = {
      id: sendId,
      meetingId: meeting.id,
      template: req.template,
      audience: req.audience,
      total: recipients.length,
      status: "queued",
      meetingVersion: meeting.version,
      sequence: state?.sequence ?? meeting.sequence,
      createdAt: now.toISOString(),
      createdBy: req.by,
    };
    try {
      // Every email of this send is composed from this version's snapshot.
      await ensureSnapshot(ctx, meeting);
      await writeSend(ctx, send, recipients, meeting, state, now);
    } catch (err) {
      // The meeting changed (an edit, a cancel, another send) after it was read: decide again.
      if (!(err instanceof StaleMeetingError || isConditionFailure(err)) || attempt > 20) throw err;
      await jitter(attempt);
      continue;
    }
    await queueDeliveries(
      ctx,
      sendId,
      recipients.map((inv) => inv.id),
    );
    if (req.template === "invitation" && meeting.replyDeadline) await scheduleReminder(ctx, meeting, now);
    return { sendId, total: recipients.length, repeated: false };
  }
}

/** Reads many records a few at a time (a list of 5,000 ids must not fire 5,000 requests at once). */
async function readInChunks<T>(ids: string[], read: (id: string) => Promise<T>, size = 25): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await Promise.all(ids.slice(i, i + size).map(read))));
  return out;
}

async function chooseRecipients(ctx: AppContext, req: SendRequest, meeting: Meeting, now: Date): Promise<Invitation[]> {
  // Named recipients (a confirmation, a substitute) are read one by one; a whole-list send reads all.
  let invitations =
    typeof req.audience === "object"
      ? (req.known?.invitations ??
        (await readInChunks([...new Set(req.audience.invitationIds)], (id) => getInvitation(ctx, meeting.id, id))).filter(
          (i): i is Invitation => Boolean(i),
        ))
      : await listInvitations(ctx, meeting.id);
  if ((req.template === "invitation" || req.template === "cancellation") && req.audience === "all") {
    invitations = await ensureInvitations(ctx, meeting.id, await listMembers(ctx, meeting.bodyId), invitations, now);
  }
  const recipients = pickRecipients(invitations, req.audience, req.includeWithdrawn);
  if (recipients.length === 0) throw new ConflictError("Ingen mottakere passer utvalget.");
  return recipients;
}

/**
 * Writes the send, its deliveries and the requeue safety net, and records the send's effect on
 * the meeting conditional on the meeting being as read. Small sends do it all in one
 * transaction; a large send records the meeting state first (so a lost race writes nothing).
 */
async function writeSend(ctx: AppContext, send: Send, recipients: Invitation[], meeting: Meeting, state: MeetingState | undefined, now: Date) {
  const deliveries: Delivery[] = recipients.map((inv) => ({
    sendId: send.id,
    id: inv.id,
    meetingId: meeting.id,
    invitationId: inv.id,
    email: inv.email,
    name: inv.name,
    template: send.template,
    status: "queued",
    attempts: 0,
  }));
  // GSI1 on the send: a meeting's sends, newest last (the send page lists them).
  const sendItem = { ...keys.send(send.id), GSI1PK: `MEETING#${meeting.id}#SENDS`, GSI1SK: send.createdAt, ...send };
  const deliveryItems = deliveries.map((dl) => ({ ...keys.delivery(send.id, dl.id), ...dl }));
  // Safety net, written before anything is queued: if this process dies before queueing, the job queues what is left.
  const requeue = jobItem("requeue-send", new Date(now.getTime() + 5 * 60_000).toISOString(), { sendId: send.id }, now);
  if (deliveryItems.length <= 90) {
    // Small sends (a confirmation, a substitute's invitation): one transaction.
    await ctx.db.send(
      new TransactWriteCommand({
        TransactItems: [
          ...[sendItem, ...deliveryItems, requeue].map((Item) => ({ Put: { TableName: ctx.tableName, Item } })),
          ...(state ? [{ Update: meetingStateUpdate(ctx, meeting, state) }] : []),
        ] as never,
      }),
    );
    return;
  }
  if (state) await setMeetingState(ctx, meeting, state);
  await ctx.db.send(new PutCommand({ TableName: ctx.tableName, Item: sendItem }));
  await batchPut(ctx, deliveryItems);
  await ctx.db.send(new PutCommand({ TableName: ctx.tableName, Item: requeue }));
}

/**
 * What a send changes on the meeting. Whatever carries the calendar entry (invitation, reminder)
 * sends the current version: if that differs from the version last sent it is an update
 * (SEQUENCE+1) and becomes the version sent. A cancel always bumps SEQUENCE. So one SEQUENCE
 * always means one content, and SEQUENCE only grows.
 */
function stateAfterSend(meeting: Meeting, template: EmailTemplate): MeetingState | undefined {
  if (template === "cancellation") return { status: "cancelled", sequence: meeting.sequence + 1, invitedVersion: meeting.version };
  if (template !== "invitation" && template !== "reminder") return undefined;
  const changed = meeting.invitedVersion !== undefined && meeting.version !== meeting.invitedVersion;
  const status = template === "invitation" && meeting.status === "draft" ? "invited" : meeting.status;
  // Written even when nothing changes: the write's condition is what stops a racing cancel.
  return { status, sequence: changed ? meeting.sequence + 1 : meeting.sequence, invitedVersion: meeting.version };
}

function pickRecipients(invitations: Invitation[], audience: SendAudience, includeWithdrawn = false): Invitation[] {
  const live = invitations.filter((i) => includeWithdrawn || !i.withdrawn);
  // A held substitute (named past the address limit) is reached only when named explicitly.
  if (audience === "all") return live.filter((i) => !i.held);
  if (audience === "not_replied") return live.filter((i) => !i.reply && !i.held);
  const wanted = new Set(audience.invitationIds);
  const found = live.filter((i) => wanted.has(i.id));
  if (found.length !== wanted.size) {
    const missing = [...wanted].filter((id) => !found.some((i) => i.id === id));
    throw new NotFoundError(`invitasjonene ${missing.join(", ")}`);
  }
  return found;
}

export async function queueDeliveries(ctx: AppContext, sendId: string, deliveryIds: string[]): Promise<void> {
  const messages: QueueMessage[] = deliveryIds.map((deliveryId) => ({ kind: "delivery", sendId, deliveryId }));
  await ctx.queue.send(messages);
}

async function batchPut(d: Db, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, unknown>[] | undefined = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; request && request.length > 0; attempt++) {
      const out = await d.db.send(new BatchWriteCommand({ RequestItems: { [d.tableName]: request as never } }));
      request = out.UnprocessedItems?.[d.tableName] as Record<string, unknown>[] | undefined;
      if (request?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

export async function getSendRecord(d: Db, sendId: string): Promise<Send> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.send(sendId), ConsistentRead: true }));
  if (!out.Item) throw new NotFoundError(`utsendelsen ${sendId}`);
  return Send.parse(withoutKeys(out.Item));
}

export async function listDeliveries(d: Db, sendId: string): Promise<Delivery[]> {
  const items = await queryAll(d, {
    KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
    ExpressionAttributeValues: { ":pk": keys.send(sendId).PK, ":sk": "DLV#" },
    ConsistentRead: true,
  });
  return items.map((i) => Delivery.parse(withoutKeys(i)));
}

/** Progress of a send: counts per state and each failure with its reason. */
export async function sendProgress(d: Db, sendId: string) {
  const send = await getSendRecord(d, sendId);
  const deliveries = await listDeliveries(d, sendId);
  const count = (...s: Delivery["status"][]) => deliveries.filter((x) => s.includes(x.status)).length;
  return {
    id: send.id,
    meetingId: send.meetingId,
    template: send.template,
    createdAt: send.createdAt,
    total: send.total,
    queued: count("queued", "sending"),
    sent: count("sent", "delivered", "bounced", "complained"),
    delivered: count("delivered"),
    failed: count("failed"),
    bounced: count("bounced"),
    complained: count("complained"),
    done: count("queued", "sending") === 0,
    failures: deliveries
      .filter((x) => x.status === "failed" || x.status === "bounced" || x.status === "complained")
      .map((x) => ({
        invitationId: x.invitationId,
        name: x.name,
        email: x.email,
        status: x.status,
        reason: x.error ?? "",
      })),
  };
}

/** The requeue job: anything still waiting is put on the queue again (claims make it harmless). */
export async function requeueWaiting(ctx: AppContext, sendId: string): Promise<number> {
  const waiting = (await listDeliveries(ctx, sendId)).filter((x) => x.status === "queued" || x.status === "sending");
  if (waiting.length)
    await queueDeliveries(
      ctx,
      sendId,
      waiting.map((x) => x.id),
    );
  return waiting.length;
}

/** The automatic reminder: a configurable number of days before the reply deadline, to those who have not answered. */
export async function scheduleReminder(ctx: AppContext, meeting: Meeting, now: Date): Promise<void> {
  if (!meeting.replyDeadline) return;
  const due = new Date(
    new Date(meeting.replyDeadline).getTime() - ctx.config.REMINDER_DAYS_BEFORE_DEADLINE * 86_400_000,
  );
  if (due <= now) return;
  await scheduleOnce(ctx, `reminder-${meeting.id}`, "reminder", due.toISOString(), { meetingId: meeting.id }, now);
}
