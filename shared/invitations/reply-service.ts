// The secretariat's side of replies: recording one for a participant, and reading an invitation by id.
import type { AppContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { jobItem, rescheduleJob } from "../jobs/index.js";
import type { Invitation, Meeting } from "../model.js";
import { getInvitation, recordReply } from "../store/invitations.js";
import { newId } from "../store/keys.js";
import { OUTBOX_DELAY_MS, sendReplyEmails } from "./reply-emails.js";
import { decideReply, type ReplyDecision, type ReplyForm } from "./reply-form.js";

/**
 * Records a reply on a participant's behalf (by = "secretariat:…"): no deadline, no address limit.
 * The same rule as the participant's (decideReply) and the same transaction; the outbox job is
 * cancelled once the emails are queued.
 */
export async function submitReply(
  ctx: AppContext,
  meeting: Meeting,
  invitationId: string,
  form: ReplyForm,
  by: string,
): Promise<{ invitation: Invitation; newSubstitute?: Invitation; releasedSubstitute?: string }> {
  const now = ctx.clock.now();
  const outboxJobId = newId();
  let decision: ReplyDecision | undefined;
  const { invitation } = await recordReply(ctx, meeting.id, invitationId, {}, (current) => {
    decision = decideReply(current, form, by, now, false);
    const job = jobItem(
      "reply-emails",
      new Date(now.getTime() + OUTBOX_DELAY_MS).toISOString(),
      { ...decision.emails },
      now,
      outboxJobId,
    );
    return {
      reply: decision.reply,
      alsoPut: decision.newSubstitute ? [decision.newSubstitute] : [],
      alsoWithdraw: decision.released ? [decision.released] : [],
      alsoItems: [job],
    };
  });
  const { newSubstitute, released, emails } = decision!;
  try {
    await sendReplyEmails(ctx, emails, { meeting, invitation, newSubstitute });
    await rescheduleJob(ctx, outboxJobId, { cancel: true });
  } catch (err) {
    // The reply is saved; the outbox job queues the emails on the next tick.
    ctx.log.error("reply emails not queued; the outbox job will retry", { meetingId: meeting.id, invitationId, err });
  }
  return { invitation, newSubstitute, releasedSubstitute: released };
}

export async function requireInvitation(ctx: AppContext, meetingId: string, invitationId: string): Promise<Invitation> {
  const inv = await getInvitation(ctx, meetingId, invitationId);
  if (!inv) throw new NotFoundError(`invitasjonen ${invitationId}`);
  return inv;
}
