// Mass send: choosing the recipients, writing the send and its deliveries, queueing them, and its progress.

import { z } from "zod";
import type { AppContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { jobItem } from "../jobs/index.js";
import { scheduleReminder } from "../meetings/index.js";
import type { Invitation, Meeting } from "../model.js";
import { isConditionFailure, retryOnConflict } from "../store/db.js";
import { listMembers } from "../store/directory.js";
import { ensureInvitations, getInvitation, listInvitations } from "../store/invitations.js";
import { newId } from "../store/keys.js";
import { getMeetingRecord, type MeetingState, StaleMeetingError } from "../store/meetings.js";
import {
  claimSendKey,
  type Delivery,
  type EmailTemplate,
  getSendRecord,
  listDeliveries,
  releaseSendKey,
  type Send,
  writeSend,
} from "../store/sends.js";
import { ensureSnapshot } from "../store/snapshots.js";
import type { QueueMessage } from "./messages.js";

export { previewIsReady } from "../store/send-emails.js";
export { Delivery, listDeliveries, listSendsOfMeeting } from "../store/sends.js";

/**
 * One delivery record per recipient is written first, then one queue message per delivery. The
 * worker claims each delivery before sending, so a repeated request, a redelivered message or a
 * crashed worker never sends twice; a requeue job re-queues anything still waiting (a crash
 * between writing and queueing), so nothing is dropped.
 */
const SendAudience = z.union([
  z.literal("all"),
  z.literal("not_replied"),
  z.strictObject({ invitationIds: z.array(z.string().min(1)).min(1).max(5000) }),
]);
type SendAudience = z.infer<typeof SendAudience>;

export const CreateSendInput = z.strictObject({
  audience: SendAudience.default("all"),
  template: z.enum(["invitation", "reminder", "cancellation"]).default("invitation"),
});

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
  const scope = `send:${req.meetingId}`;
  if (req.idempotencyKey) {
    // Claim the key first: the same request repeated finds the first send and queues nothing.
    const priorId = await claimSendKey(ctx, scope, req.idempotencyKey, sendId, Math.floor(now.getTime() / 1000) + 7 * 86400);
    if (priorId) {
      // The first request may still be writing its deliveries: the id is all the caller needs.
      const priorSend = await getSendRecord(ctx, priorId).catch(() => undefined);
      return { sendId: priorId, total: priorSend?.total ?? 0, repeated: true };
    }
  }
  try {
    return await writeAndQueue(ctx, req, sendId, now);
  } catch (err) {
    // Nothing was sent under this key: free it, so the request can be repeated after a fix.
    if (req.idempotencyKey) await releaseSendKey(ctx, scope, req.idempotencyKey).catch(() => undefined);
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
  // The meeting may change (an edit, a cancel, another send) after it was read: decide again.
  const meeting = await retryOnConflict(
    async (attempt) => {
      const meeting = attempt === 0 && req.known?.meeting ? req.known.meeting : await getMeetingRecord(ctx, req.meetingId);
      if (meeting.status === "cancelled" && req.template !== "cancellation" && req.template !== "confirmation") {
        throw new ConflictError(t.rules.meetingCancelledSend);
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
      // Every email of this send is composed from this version's snapshot.
      await ensureSnapshot(ctx, meeting);
      // Safety net, written before anything is queued: if this process dies before queueing, the job queues what is left.
      const requeueJob = jobItem("requeue-send", new Date(now.getTime() + 5 * 60_000).toISOString(), { sendId }, now);
      await writeSend(ctx, { send, deliveries: recipients.map((inv) => deliveryFor(send, inv)), requeueJob, meeting, state });
      return meeting;
    },
    { retries: 20, retryIf: (err) => err instanceof StaleMeetingError || isConditionFailure(err) },
  );
  const list = recipients ?? [];
  await queueDeliveries(
    ctx,
    sendId,
    list.map((inv) => inv.id),
  );
  if (req.template === "invitation" && meeting.replyDeadline) await scheduleReminder(ctx, meeting, now);
  return { sendId, total: list.length, repeated: false };
}

/** A recipient's delivery: its state, and what the worker needs to compose their copy without reading more. */
function deliveryFor(send: Send, inv: Invitation): Delivery {
  const r = inv.reply;
  return {
    sendId: send.id,
    id: inv.id,
    meetingId: send.meetingId,
    invitationId: inv.id,
    email: inv.email,
    name: inv.name,
    template: send.template,
    status: "queued",
    attempts: 0,
    linkVersion: inv.linkVersion,
    ...(inv.substituteFor ? { substituteFor: inv.substituteFor.name } : {}),
    ...(r
      ? {
          reply: {
            status: r.status,
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.substitute ? { substituteName: r.substitute.name, substituteEmail: r.substitute.email } : {}),
          },
        }
      : {}),
  };
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
 * What a send changes on the meeting. Whatever carries the calendar entry (invitation, reminder)
 * sends the current version: if that differs from the version last sent it is an update
 * (SEQUENCE+1) and becomes the version sent. A cancel always bumps SEQUENCE. So one SEQUENCE
 * always means one content, and SEQUENCE only grows.
 */
function stateAfterSend(meeting: Meeting, template: EmailTemplate): MeetingState | undefined {
  if (template === "cancellation")
    return { status: "cancelled", sequence: meeting.sequence + 1, invitedVersion: meeting.version };
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

async function queueDeliveries(ctx: AppContext, sendId: string, deliveryIds: string[]): Promise<void> {
  const messages: QueueMessage[] = deliveryIds.map((deliveryId) => ({ kind: "delivery", sendId, deliveryId }));
  await ctx.queue.send(messages);
}

/** Progress of a send: counts per state and each failure with its reason. */
export async function sendProgress(d: AppContext, sendId: string) {
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
