import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { AppContext } from "../context.js";
import { createLoginLink } from "../auth/index.js";
import { personalToken } from "../invitations/index.js";
import { MailRejectedError, MailThrottledError } from "../ports/mail.js";
import { isConditionFailure } from "../store/db.js";
import { getBody } from "../store/directory.js";
import { getInvitation } from "../store/invitations.js";
import { keys, withoutKeys } from "../store/keys.js";
import { getMeetingAgenda } from "../store/meetings.js";
import { getSnapshot, type MeetingSnapshot } from "../store/snapshots.js";
import { meetingEmailModel, minutesEmailModel } from "./email-model.js";
import { getStoredMinutes } from "../minutes/index.js";
import type { Invitation } from "../model.js";
import { nbEmails } from "../i18n/nb-emails.js";
import { QueueMessage } from "./messages.js";
import { RateLimiter } from "./rate-limiter.js";
import { Delivery, getSendRecord } from "./sends.js";

/**
 * The send worker's rules. Each delivery is claimed with a conditional write before SES is called
 * and its SES message id recorded after. A delivery already sent is skipped (redelivered message);
 * one claimed by a live worker is left alone; a claim older than the lease (a worker that died
 * after claiming) is taken over. Sends are paced by the SES rate; throttling backs off and retries.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** Figures for the send benchmark: time spent composing each email (render cache, personalise, iCal, MIME) and when each left. */
export const workerStats = { composeMs: 0, composed: 0, sentAt: [] as number[] };
const THROTTLE_RETRIES = 6;
const MAX_COMPOSE_ATTEMPTS = 5;

export function parseQueueMessage(body: unknown): { ok: true; value: QueueMessage } | { ok: false; error: string } {
  const parsed = QueueMessage.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.message };
}

let limiter: { rate: number; limiter: RateLimiter } | undefined;
function rateLimiter(ctx: AppContext): RateLimiter {
  // The configured SES rate is shared by every worker that may run at once.
  const rate = ctx.config.SES_MAX_SEND_RATE / ctx.config.SEND_WORKER_CONCURRENCY;
  if (limiter?.rate !== rate) limiter = { rate, limiter: new RateLimiter(rate) };
  return limiter.limiter;
}

/** "done": finished with this message (sent, failed for good, or nothing to do); "retry": redeliver later. */
export async function handleQueueMessage(ctx: AppContext, message: QueueMessage): Promise<"done" | "retry"> {
  if (message.kind === "login-request") {
    // The address is looked up here, not in the web request, so the answer reveals nothing (DESIGN §7).
    const link = await createLoginLink(ctx, message.email);
    if (!link) return "done";
    const { composeLoginEmail } = await import("../../emails/index.js");
    const raw = await composeLoginEmail({ to: link.to, url: link.url, from: ctx.config.SENDER_EMAIL });
    return sendPaced(ctx, { from: ctx.config.SENDER_EMAIL, to: [link.to], raw }).then((r) => (r.ok ? "done" : "retry"));
  }
  if (message.kind === "preview") {
    await renderPreview(ctx, message.meetingId, message.version);
    return "done";
  }
  return deliver(ctx, message.sendId, message.deliveryId);
}

/**
 * The secretariat's preview: the invitation exactly as the worker will send it (same render,
 * a sample recipient), stored as a blob with a marker in the meeting's partition.
 */
async function renderPreview(ctx: AppContext, meetingId: string, version: number): Promise<void> {
  const { composeEmail } = await import("../../emails/index.js");
  const bundle = await getMeetingAgenda(ctx, meetingId);
  if (bundle.meeting.version !== version) return; // changed again since: a newer preview is on its way
  const body = await getBody(ctx, bundle.meeting.bodyId);
  const model = meetingEmailModel(bundle, body, ctx.config.SENDER_EMAIL, bundle.meeting.sequence);
  const base = ctx.config.BASE_URL;
  const { html } = await composeEmail("invitation", model, { name: "Mottakerens navn", email: "mottaker@example.org", replyUrl: `${base}/r/eksempel`, attachmentBaseUrl: `${base}/a/eksempel` }, { from: ctx.config.SENDER_EMAIL, replyTo: body.secretariat.email });
  await ctx.blobs.put(`previews/${meetingId}/${version}.html`, new TextEncoder().encode(html), "text/html; charset=utf-8");
  await ctx.db.send(new PutCommand({ TableName: ctx.tableName, Item: { PK: keys.meeting(meetingId).PK, SK: `PREVIEW#${version}`, version, createdAt: ctx.clock.now().toISOString() } }));
}

async function deliver(ctx: AppContext, sendId: string, deliveryId: string): Promise<"done" | "retry"> {
  const key = keys.delivery(sendId, deliveryId);
  const out = await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }));
  if (!out.Item) {
    ctx.log.warn("delivery not found; dropping message", { sendId, deliveryId });
    return "done";
  }
  const delivery = Delivery.parse(withoutKeys(out.Item));
  if (delivery.status !== "queued" && delivery.status !== "sending") return "done";
  const now = ctx.clock.now();
  if (delivery.status === "sending" && delivery.claimedAt && delivery.claimedAt > new Date(now.getTime() - CLAIM_LEASE_MS).toISOString()) {
    return "retry"; // another worker holds a live claim; look again after the lease
  }

  const claimId = randomUUID();
  try {
    await ctx.db.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: key,
        UpdateExpression: "SET #s = :sending, claimId = :c, claimedAt = :now, attempts = attempts + :one",
        ConditionExpression: "#s = :queued OR (#s = :sending AND claimedAt < :stale)",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":sending": "sending",
          ":queued": "queued",
          ":c": claimId,
          ":now": now.toISOString(),
          ":one": 1,
          ":stale": new Date(now.getTime() - CLAIM_LEASE_MS).toISOString(),
        },
      }),
    );
  } catch (err) {
    if (isConditionFailure(err)) return "done"; // someone else claimed it first
    throw err;
  }

  let raw: Uint8Array;
  try {
    raw = await composeDelivery(ctx, delivery);
  } catch (err) {
    // Most compose errors are passing (a read that timed out): hand the claim back and retry;
    // only after several attempts is the delivery failed, with the reason shown in the progress.
    const attempts = delivery.attempts + 1;
    ctx.log.warn("could not compose email", { sendId, deliveryId, attempts, err });
    if (attempts < MAX_COMPOSE_ATTEMPTS) {
      await finishDelivery(ctx, key, claimId, { status: "queued" });
      return "retry";
    }
    await finishDelivery(ctx, key, claimId, { status: "failed", error: `Kunne ikke lage e-posten: ${(err as Error).message}` });
    return "done";
  }
  const result = await sendPaced(ctx, { from: ctx.config.SENDER_EMAIL, to: [delivery.email], raw });
  if (result.ok) {
    await finishDelivery(ctx, key, claimId, { status: "sent", messageId: result.messageId, sentAt: ctx.clock.now().toISOString() });
    return "done";
  }
  if (result.rejected) {
    await finishDelivery(ctx, key, claimId, { status: "failed", error: result.rejected });
    return "done";
  }
  // Still throttled after our back-off: hand the claim back and let the queue redeliver.
  await finishDelivery(ctx, key, claimId, { status: "queued" });
  return "retry";
}

async function sendPaced(
  ctx: AppContext,
  message: { from: string; to: string[]; raw: Uint8Array },
): Promise<{ ok: true; messageId: string } | { ok: false; rejected?: string }> {
  const pace = rateLimiter(ctx);
  for (let attempt = 0; attempt < THROTTLE_RETRIES; attempt++) {
    await pace.acquire();
    try {
      const { messageId } = await ctx.mail.send(message);
      if (workerStats.sentAt.length < 100_000) workerStats.sentAt.push(performance.now());
      return { ok: true, messageId };
    } catch (err) {
      if (err instanceof MailThrottledError) {
        const backOff = Math.min(10_000, 100 * 2 ** attempt) * (0.5 + Math.random());
        ctx.log.warn("SES throttled; backing off", { attempt, backOff });
        pace.backOff(backOff);
        continue;
      }
      if (err instanceof MailRejectedError) return { ok: false, rejected: err.message };
      throw err;
    }
  }
  return { ok: false };
}

async function finishDelivery(ctx: AppContext, key: { PK: string; SK: string }, claimId: string, fields: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":c": claimId };
  const sets = Object.entries(fields).map(([k, v]) => {
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    return `#${k} = :${k}`;
  });
  if (typeof fields.messageId === "string") {
    sets.push("GSI1PK = :g1", "GSI1SK = :g1s");
    values[":g1"] = keys.sesMessageIndex(fields.messageId);
    values[":g1s"] = "DLV";
  }
  await ctx.db.send(
    new UpdateCommand({
      TableName: ctx.tableName,
      Key: key,
      UpdateExpression: `SET ${sets.join(", ")}`,
      ConditionExpression: "claimId = :c",
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Per-process cache of the snapshot each meeting version's emails are made from (the render itself is cached in emails/). */
const snapshots = new Map<string, Promise<MeetingSnapshot>>();

function meetingData(ctx: AppContext, meetingId: string, version: number): Promise<MeetingSnapshot> {
  const cacheKey = `${meetingId}#${version}`;
  let entry = snapshots.get(cacheKey);
  if (!entry) {
    entry = (async () => {
      const snapshot = await getSnapshot(ctx, meetingId, version);
      if (!snapshot) throw new Error(`møtet ${meetingId} versjon ${version} mangler øyeblikksbilde`);
      return snapshot;
    })();
    snapshots.set(cacheKey, entry);
    if (snapshots.size > 50) snapshots.delete(snapshots.keys().next().value!);
    entry.catch(() => snapshots.delete(cacheKey));
  }
  return entry;
}

const replyWords = (inv: Invitation): string => {
  const r = inv.reply;
  if (!r) return "";
  if (r.status === "attending") return nbEmails.replyAttending;
  if (r.status === "absent") return nbEmails.replyAbsent(r.reason);
  return nbEmails.replySubstitute(r.substitute?.name ?? "", r.substitute?.email ?? "");
};

async function composeDelivery(ctx: AppContext, delivery: Delivery): Promise<Uint8Array> {
  const emails = await import("../../emails/index.js");
  const send = await getSendRecord(ctx, delivery.sendId);
  const { body, ...bundle } = await meetingData(ctx, send.meetingId, send.meetingVersion);
  const invitation = await getInvitation(ctx, delivery.meetingId, delivery.invitationId);
  if (!invitation) throw new Error("invitasjonen finnes ikke");
  const key = await ctx.secrets.linkSigningKey();
  const token = personalToken(key, delivery.meetingId, invitation.id, invitation.linkVersion);
  const base = ctx.config.BASE_URL;
  const sender = { from: ctx.config.SENDER_EMAIL, replyTo: body.secretariat.email };
  const recipient = {
    name: invitation.name,
    email: invitation.email,
    replyUrl: `${base}/r/${token}`,
    attachmentBaseUrl: `${base}/a/${token}`,
    substituteFor: invitation.substituteFor?.name,
    replySummary: send.template === "substitute-released" ? nbEmails.released(invitation.substituteFor?.name ?? "") : replyWords(invitation),
  };
  if (send.template === "minutes") {
    const minutes = await getStoredMinutes(ctx, send.meetingId);
    if (!minutes) throw new Error("referatet finnes ikke");
    return (await emails.composeMinutesEmail(minutesEmailModel(bundle, body, minutes), recipient, sender)).raw;
  }
  const model = meetingEmailModel({ ...bundle, meeting: { ...bundle.meeting, version: send.meetingVersion } }, body, ctx.config.SENDER_EMAIL, send.sequence);
  const kind = send.template === "cancellation" ? "invitation" : send.template;
  const t0 = performance.now();
  const { raw } = await emails.composeEmail(kind, send.template === "cancellation" ? { ...model, status: "cancelled" } : model, recipient, sender);
  workerStats.composeMs += performance.now() - t0;
  workerStats.composed++;
  return raw;
}
