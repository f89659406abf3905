// The emails of one recorded reply, as sends: run by the worker for a "reply-emails" message, and by the reply's outbox job.
import type { AppContext } from "../context.js";
import { ConflictError } from "../errors.js";
import type { ReplyEmailsMessage } from "./messages.js";
import { createSend } from "./sends.js";

/** What the emails after a reply need (the queue message without its kind; also the outbox job's payload). */
export type ReplyEmails = Omit<ReplyEmailsMessage, "kind">;

/**
 * Queues the emails of one recorded reply: the confirmation, the new substitute's invitation, the
 * released substitute's notice. Idempotent per reply version (the idempotency keys), so the queue
 * message, its redelivery and the outbox job may all run it: each email is sent once.
 */
export async function sendReplyEmails(ctx: AppContext, emails: ReplyEmails): Promise<void> {
  const key = (what: string) => `reply-${emails.invitationId}-${emails.replyVersion}-${what}`;
  const base = { meetingId: emails.meetingId, by: emails.by };
  try {
    await createSend(ctx, {
      ...base,
      template: "confirmation",
      audience: { invitationIds: [emails.invitationId] },
      idempotencyKey: key("confirmation"),
    });
    if (emails.newSubstituteId)
      await createSend(ctx, {
        ...base,
        template: "invitation",
        audience: { invitationIds: [emails.newSubstituteId] },
        idempotencyKey: key("substitute"),
      });
    if (emails.releasedSubstituteId)
      await createSend(ctx, {
        ...base,
        template: "substitute-released",
        audience: { invitationIds: [emails.releasedSubstituteId] },
        idempotencyKey: key("released"),
        includeWithdrawn: true,
      });
  } catch (err) {
    // A refusal (the meeting was cancelled meanwhile) will not change on a retry: log it and stop.
    if (!(err instanceof ConflictError)) throw err;
    ctx.log.warn("reply emails refused", { meetingId: emails.meetingId, invitationId: emails.invitationId, err });
  }
}
