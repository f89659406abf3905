// The send worker's rules: one queue message at a time (a delivery, a login link, a preview, a reply's emails), claimed, composed, paced, sent, recorded.
import { randomUUID } from "node:crypto";
import { createLoginLink } from "../auth/index.js";
import { calendarReplyAddress } from "../config.js";
import type { AppContext } from "../context.js";
import { MailRejectedError, MailThrottledError } from "../ports/mail.js";
import { claimDelivery, type DeliveryOutcome, finishDelivery } from "../store/deliveries.js";
import { getBody } from "../store/directory.js";
import { getMeetingAgenda } from "../store/meetings.js";
import { markPreviewReady } from "../store/send-emails.js";
import { composeDelivery } from "./compose.js";
import { meetingEmailModel } from "./email-model.js";
import { QueueMessage } from "./messages.js";
import { RateLimiter } from "./rate-limiter.js";
import { sendReplyEmails } from "./reply-emails.js";

/**
 * Each delivery is claimed with a conditional write before SES is called (the claim returns the
 * record the copy is composed from) and its SES message id recorded after: two writes per
 * recipient, nothing else read once the send's prepared email is cached. A delivery already sent
 * is skipped (redelivered message); one claimed by a live worker is left alone; a claim older than
 * the lease (a worker that died after claiming) is taken over. Sends are paced by the SES rate;
 * throttling backs off and retries.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

const THROTTLE_RETRIES = 6;
const MAX_COMPOSE_ATTEMPTS = 5;
const CLAIM_TRIES = 3;

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
  if (message.kind === "reply-emails") {
    await sendReplyEmails(ctx, message);
    return "done";
  }
  return deliver(ctx, message.sendId, message.deliveryId);
}

/**
 * The secretariat's preview: the invitation exactly as the worker will send it (same render,
 * a sample recipient), stored as a blob with a marker in the meeting's partition.
 */
async function renderPreview(ctx: AppContext, meetingId: string, version: number): Promise<void> {
  const emails = await import("../../emails/index.js");
  const bundle = await getMeetingAgenda(ctx, meetingId);
  if (bundle.meeting.version !== version) return; // changed again since: a newer preview is on its way
  const body = await getBody(ctx, bundle.meeting.bodyId);
  const model = meetingEmailModel(bundle, body, calendarReplyAddress(ctx.config), bundle.meeting.sequence);
  const base = ctx.config.BASE_URL;
  const prepared = await emails.prepareEmail("invitation", model, {
    from: ctx.config.SENDER_EMAIL,
    replyTo: body.secretariat.email,
  });
  const { html } = emails.personalCopy(prepared, {
    name: "Mottakerens navn",
    email: "mottaker@example.org",
    replyUrl: `${base}/r/eksempel`,
    attachmentBaseUrl: `${base}/a/eksempel`,
  });
  await ctx.blobs.put(`previews/${meetingId}/${version}.html`, new TextEncoder().encode(html), "text/html; charset=utf-8");
  await markPreviewReady(ctx, meetingId, version, ctx.clock.now().toISOString());
}

async function deliver(ctx: AppContext, sendId: string, deliveryId: string): Promise<"done" | "retry"> {
  const claimId = randomUUID();
  const claim = await claimWithRetries(ctx, sendId, deliveryId, claimId);
  if ("missing" in claim) {
    ctx.log.warn("delivery not found; dropping message", { sendId, deliveryId });
    return "done";
  }
  if ("finished" in claim) return "done"; // sent or failed already: a redelivered message
  if ("held" in claim) return "retry"; // another worker holds a live claim; look again later
  const delivery = claim.claimed;
  const finish = (outcome: DeliveryOutcome) => finishDelivery(ctx, sendId, deliveryId, claimId, outcome);

  let raw: Uint8Array;
  try {
    raw = await composeDelivery(ctx, delivery);
  } catch (err) {
    // Most compose errors are passing (a read that timed out): hand the claim back and retry;
    // only after several attempts is the delivery failed, with the reason shown in the progress.
    ctx.log.warn("could not compose email", { sendId, deliveryId, attempts: delivery.attempts, err });
    if (delivery.attempts < MAX_COMPOSE_ATTEMPTS) {
      await finish({ status: "queued" });
      return "retry";
    }
    await finish({ status: "failed", error: `Kunne ikke lage e-posten: ${(err as Error).message}` });
    return "done";
  }
  const result = await sendPaced(ctx, { from: ctx.config.SENDER_EMAIL, to: [delivery.email], raw });
  if (result.ok) {
    await finish({ status: "sent", messageId: result.messageId, sentAt: ctx.clock.now().toISOString() });
    return "done";
  }
  if (result.rejected) {
    await finish({ status: "failed", error: result.rejected });
    return "done";
  }
  // Still throttled after our back-off: hand the claim back and let the queue redeliver.
  await finish({ status: "queued" });
  return "retry";
}

/**
 * The claim, tried again with the same claim id when the call fails (a timeout, a lost answer):
 * if the lost attempt was written after all, the record shows our own claim id and the claim is
 * ours, instead of looking like another worker's until the lease runs out.
 */
async function claimWithRetries(ctx: AppContext, sendId: string, deliveryId: string, claimId: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await claimDelivery(ctx, sendId, deliveryId, claimId, ctx.clock.now(), CLAIM_LEASE_MS);
    } catch (err) {
      if (attempt >= CLAIM_TRIES) throw err;
      ctx.log.warn("claim failed; trying again", { sendId, deliveryId, attempt, err });
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
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
