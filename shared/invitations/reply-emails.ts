// Queues the emails of one recorded reply through the send pipeline (loaded only when a reply was recorded).
import type { AppContext } from "../context.js";
import type { Invitation, Meeting } from "../model.js";
import type { ReplyEmails } from "./reply-form.js";

/**
 * Queues the emails of one recorded reply. Idempotent per reply version (idempotency keys), so
 * the request and the outbox job may both run it: each email is sent once. The sending domain is
 * imported on first use: the participant Lambda loads it only after a reply was saved.
 */
export async function sendReplyEmails(
  ctx: AppContext,
  emails: ReplyEmails,
  known: { meeting?: Meeting; invitation?: Invitation; newSubstitute?: Invitation } = {},
): Promise<void> {
  const { createSend } = await import("../sending/index.js");
  const key = (what: string) => `reply-${emails.invitationId}-${emails.replyVersion}-${what}`;
  const base = { meetingId: emails.meetingId, by: emails.by };
  const knownWith = (inv: Invitation | undefined) =>
    known.meeting && inv ? { meeting: known.meeting, invitations: [inv] } : undefined;
  await createSend(ctx, {
    ...base,
    template: "confirmation",
    audience: { invitationIds: [emails.invitationId] },
    idempotencyKey: key("confirmation"),
    known: knownWith(known.invitation),
  });
  if (emails.newSubstituteId) {
    await createSend(ctx, {
      ...base,
      template: "invitation",
      audience: { invitationIds: [emails.newSubstituteId] },
      idempotencyKey: key("substitute"),
      known: knownWith(known.newSubstitute),
    });
  }
  if (emails.releasedSubstituteId) {
    await createSend(ctx, {
      ...base,
      template: "substitute-released",
      audience: { invitationIds: [emails.releasedSubstituteId] },
      idempotencyKey: key("released"),
      includeWithdrawn: true,
    });
  }
}

/** The outbox job's delay: if the request dies before queueing the emails, the tick queues them then. */
export const OUTBOX_DELAY_MS = 2 * 60_000;
