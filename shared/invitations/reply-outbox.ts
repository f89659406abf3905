// After a reply's transaction: its emails go on the send queue as one message, with an outbox job in the transaction as the safety net.
import type { AppContext } from "../context.js";
import { jobItem } from "../store/jobs.js";
import type { ReplyWrites } from "../store/participant.js";
import type { ReplyDecision, ReplyEmails } from "./reply-form.js";

/** The outbox job's delay: if the queue message was never sent, the tick queues the emails then. */
const OUTBOX_DELAY_MS = 2 * 60_000;

/**
 * The reply's outbox job, written in the reply's own transaction (built, not parsed: no full zod
 * on the participant's path). It runs even when the message went out: the sends are idempotent
 * per reply version, so it then sends nothing.
 */
function replyOutboxJob(emails: ReplyEmails, now: Date, id: string) {
  return jobItem("reply-emails", new Date(now.getTime() + OUTBOX_DELAY_MS).toISOString(), { ...emails }, now, id);
}

/** The transaction's writes besides the reply itself: the new substitute, the released one, the outbox job (none when silent). */
export function replyWrites(decision: ReplyDecision, now: Date, outboxJobId: string | undefined): ReplyWrites {
  return {
    reply: decision.reply,
    alsoPut: decision.newSubstitute ? [decision.newSubstitute] : [],
    alsoWithdraw: decision.released ? [decision.released] : [],
    alsoItems: outboxJobId ? [replyOutboxJob(decision.emails, now, outboxJobId)] : [],
  };
}

/**
 * One queue message for the emails of a reply; the send worker turns it into sends. The queue's
 * client is the context's (loaded on first use), so the reply path never loads the sending domain.
 * False when the message could not be queued (logged; the outbox job sends the emails later).
 */
export async function queueReplyEmails(ctx: AppContext, emails: ReplyEmails): Promise<boolean> {
  try {
    await ctx.queue.send([{ kind: "reply-emails", ...emails }]);
    return true;
  } catch (err) {
    ctx.log.error("reply emails not queued; the outbox job will queue them", {
      meetingId: emails.meetingId,
      invitationId: emails.invitationId,
      err,
    });
    return false;
  }
}
