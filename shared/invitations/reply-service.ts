// The secretariat's side of replies: recording one for a participant, and reading an invitation by id.
import type { AppContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { rescheduleJob } from "../jobs/index.js";
import type { Invitation, Meeting } from "../model.js";
import { getInvitation, recordReply } from "../store/invitations.js";
import { newId } from "../store/keys.js";
import { decideReply, type ReplyDecision, type ReplyForm } from "./reply-form.js";
import { queueReplyEmails, replyWrites } from "./reply-outbox.js";

/** How the secretariat records a reply: who, their note (kept whatever the status), and whether to email anyone. */
export interface RecordedBy {
  by: string;
  note?: string;
  /** No emails; undefined means silent once the meeting has started (nobody needs a confirmation then). */
  silent?: boolean;
}

/**
 * Records a reply on a participant's behalf (by = "secretariat:…"): no deadline, no address limit.
 * The same rule as the participant's (decideReply), the same transaction and the same queue
 * message; the outbox job is cancelled once the message is queued. Silent: no outbox job, no message.
 */
export async function submitReply(
  ctx: AppContext,
  meeting: Meeting,
  invitationId: string,
  form: ReplyForm,
  rec: RecordedBy,
): Promise<{ invitation: Invitation; newSubstitute?: Invitation; releasedSubstitute?: string; silent: boolean }> {
  const now = ctx.clock.now();
  const silent = rec.silent ?? silentByDefault(meeting, now);
  const outboxJobId = newId();
  let decision: ReplyDecision | undefined;
  const { invitation } = await recordReply(ctx, meeting.id, invitationId, {}, (current) => {
    decision = decideReply(current, form, rec.by, now, false);
    if (rec.note) decision.reply.note = rec.note;
    return replyWrites(decision, now, silent ? undefined : outboxJobId);
  });
  const { newSubstitute, released, emails } = decision!;
  // Queued: the outbox job is not needed (if cancelling fails it runs and finds the sends made).
  if (!silent && (await queueReplyEmails(ctx, emails)))
    await rescheduleJob(ctx, outboxJobId, { cancel: true }).catch((err: unknown) =>
      ctx.log.warn("reply outbox job not cancelled", { meetingId: meeting.id, invitationId, err }),
    );
  return { invitation, newSubstitute, releasedSubstitute: released, silent };
}

/** After the meeting has started, a reply recorded for someone is a correction of the record: no emails unless asked. */
export const silentByDefault = (meeting: Pick<Meeting, "startsAt">, now: Date): boolean => now.toISOString() >= meeting.startsAt;

export async function requireInvitation(ctx: AppContext, meetingId: string, invitationId: string): Promise<Invitation> {
  const inv = await getInvitation(ctx, meetingId, invitationId);
  if (!inv) throw new NotFoundError(`invitasjonen ${invitationId}`);
  return inv;
}
