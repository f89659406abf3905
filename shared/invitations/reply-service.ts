// The secretariat's side of replies: recording one for a participant, and reading an invitation by id.
import type { AppContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { rescheduleJob } from "../jobs/index.js";
import type { Invitation, Meeting } from "../model.js";
import { getInvitation, recordReply } from "../store/invitations.js";
import { newId } from "../store/keys.js";
import { decideReply, type ReplyDecision, type ReplyForm } from "./reply-form.js";
import { queueReplyEmails, replyWrites } from "./reply-outbox.js";

/**
 * Records a reply on a participant's behalf (by = "secretariat:…"): no deadline, no address limit.
 * The same rule as the participant's (decideReply), the same transaction and the same queue
 * message; the outbox job is cancelled once the message is queued.
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
    return replyWrites(decision, now, outboxJobId);
  });
  const { newSubstitute, released, emails } = decision!;
  // Queued: the outbox job is not needed (if cancelling fails it runs and finds the sends made).
  if (await queueReplyEmails(ctx, emails))
    await rescheduleJob(ctx, outboxJobId, { cancel: true }).catch((err: unknown) =>
      ctx.log.warn("reply outbox job not cancelled", { meetingId: meeting.id, invitationId, err }),
    );
  return { invitation, newSubstitute, releasedSubstitute: released };
}

export async function requireInvitation(ctx: AppContext, meetingId: string, invitationId: string): Promise<Invitation> {
  const inv = await getInvitation(ctx, meetingId, invitationId);
  if (!inv) throw new NotFoundError(`invitasjonen ${invitationId}`);
  return inv;
}
