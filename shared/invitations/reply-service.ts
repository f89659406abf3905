import type { AppContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { parseToken, verifyToken } from "./links.js";
import type { Invitation, Meeting, Reply } from "../model.js";
import { type ReplyForm, substituteInvitationId } from "./replies.js";
import { replyOpen } from "../meetings/index.js";
import { limits, takeRateLimit } from "../abuse/index.js";
import { jobItem, rescheduleJob } from "../jobs/index.js";
import { createSend } from "../sending/index.js";
import { getInvitation, recordReply } from "../store/invitations.js";
import { newId } from "../store/keys.js";
import { getMeetingRecord } from "../store/meetings.js";

/** Resolving personal links and recording replies: the rules for the reply form and recordReply. */

export type LinkLookup =
  | { kind: "ok"; invitation: Invitation; meeting: Meeting; token: string }
  | { kind: "withdrawn"; invitation: Invitation; meeting: Meeting }
  | { kind: "unknown" };

/** Opening a link only reads: mail scanners open links, so a GET must never change anything. */
export async function resolveLink(ctx: AppContext, token: string): Promise<LinkLookup> {
  const parsed = parseToken(token);
  if (!parsed) return { kind: "unknown" };
  const invitation = await getInvitation(ctx, parsed.meetingId, parsed.invitationId);
  if (!invitation) return { kind: "unknown" };
  const key = await ctx.secrets.linkSigningKey();
  if (!verifyToken(key, parsed, invitation.linkVersion)) return { kind: "unknown" };
  const meeting = await getMeetingRecord(ctx, parsed.meetingId);
  if (invitation.withdrawn) return { kind: "withdrawn", invitation, meeting };
  return { kind: "ok", invitation, meeting, token };
}

export class ReplyClosedError extends ConflictError {}

/** What the emails after a reply need; kept in the reply's outbox job until they are queued. */
export interface ReplyEmails {
  meetingId: string;
  invitationId: string;
  replyVersion: number;
  by: string;
  newSubstituteId?: string;
  releasedSubstituteId?: string;
}

const OUTBOX_DELAY_MS = 2 * 60_000;

/**
 * Records a participant's (or, with by = "secretariat:…", the secretariat's) reply. A substitute
 * gets their own invitation and link in the same transaction; a substitute no longer needed is
 * withdrawn and told so. A confirmation email goes to the one who replied. The emails are queued
 * after the transaction; an outbox job written in the same transaction queues them later if this
 * request dies first, so a saved reply never silently loses its emails.
 *
 * `linkVersion`: for a reply through a personal link, the version of that link; the reply is
 * only recorded while it is still the invitation's current link (a revoke wins every race).
 */
export async function submitReply(
  ctx: AppContext,
  meeting: Meeting,
  invitationId: string,
  form: ReplyForm,
  by: string,
  opts: { linkVersion?: number; current?: Invitation } = {},
): Promise<{ invitation: Invitation; newSubstitute?: Invitation; releasedSubstitute?: string; substituteHeld?: boolean }> {
  const now = ctx.clock.now();
  const bySecretariat = by.startsWith("secretariat:");
  if (!bySecretariat && !replyOpen(meeting, now)) throw new ReplyClosedError("Svarfristen er ute.");
  // Not an open relay: a participant may send a new substitute address only a few times a day;
  // beyond that the reply is saved and the secretariat follows up, nobody else is emailed.
  const previousEmail = opts.current?.reply?.status === "substitute" ? opts.current.reply.substitute?.email : undefined;
  const held =
    !bySecretariat &&
    form.status === "substitute" &&
    form.substituteEmail !== previousEmail &&
    !(await takeRateLimit(ctx, limits.substituteEmailsPerInvitation, `${meeting.id}:${invitationId}`, now));
  if (held) ctx.log.warn("substitute address limit reached; substitute not emailed", { meetingId: meeting.id, invitationId });

  let newSubstitute: Invitation | undefined;
  let released: string | undefined;
  let outbox: ReplyEmails | undefined;
  const outboxJobId = newId();
  const { invitation } = await recordReply(ctx, meeting.id, invitationId, { linkVersion: opts.linkVersion }, (current) => {
    if (current.substituteFor && form.status === "substitute") throw new ConflictError("En stedfortreder kan ikke sende ny stedfortreder.");
    newSubstitute = undefined;
    released = undefined;
    const previousSub = current.reply?.status === "substitute" ? current.reply.substitute : undefined;
    const reply: Reply = { status: form.status, at: now.toISOString(), by };
    if (form.status === "absent" && form.reason) reply.reason = form.reason;
    if (form.status === "substitute") {
      const sameSub = previousSub && previousSub.email === form.substituteEmail;
      const subId = sameSub ? previousSub.invitationId : substituteInvitationId(current.id, current.replyVersion + 1);
      reply.substitute = { name: form.substituteName, email: form.substituteEmail, invitationId: subId, role: form.substituteRole || undefined };
      if (held && !sameSub) reply.substitute.held = true;
      if (!sameSub) {
        newSubstitute = {
          id: subId,
          meetingId: meeting.id,
          name: form.substituteName,
          email: form.substituteEmail,
          organisationId: current.organisationId,
          organisationName: current.organisationName,
          role: form.substituteRole || "stedfortreder",
          substituteFor: { invitationId: current.id, name: current.name },
          linkVersion: 1,
          withdrawn: false,
          // The member sent them, so their seat is already answered: attending.
          reply: { status: "attending", at: now.toISOString(), by: `på vegne av ${current.name}` },
          replyVersion: 0,
          createdAt: now.toISOString(),
          ...(held ? { held: true } : {}),
        };
        if (previousSub) released = previousSub.invitationId;
      }
    } else if (previousSub) {
      released = previousSub.invitationId;
    }
    outbox = {
      meetingId: meeting.id,
      invitationId,
      replyVersion: current.replyVersion + 1,
      by,
      ...(newSubstitute && !held ? { newSubstituteId: newSubstitute.id } : {}),
      // A held substitute was never invited, so they are not told they are no longer needed either.
      ...(released && !held && !releasedWasHeld(current) ? { releasedSubstituteId: released } : {}),
    };
    const job = jobItem("reply-emails", new Date(now.getTime() + OUTBOX_DELAY_MS).toISOString(), { ...outbox }, now, outboxJobId);
    return { reply, alsoPut: newSubstitute ? [newSubstitute] : [], alsoWithdraw: released ? [released] : [], alsoItems: [job] };
  });

  // Emails go through the send pipeline (rendered by the worker, never on this request path).
  try {
    await sendReplyEmails(ctx, outbox!, { meeting, invitation, newSubstitute });
    await rescheduleJob(ctx, outboxJobId, { cancel: true });
  } catch (err) {
    // The reply is saved; the outbox job queues the emails on the next tick.
    ctx.log.error("reply emails not queued; the outbox job will retry", { meetingId: meeting.id, invitationId, err });
  }
  return { invitation, newSubstitute, releasedSubstitute: released, substituteHeld: held };
}

const releasedWasHeld = (current: Invitation) => current.reply?.status === "substitute" && current.reply.substitute?.held === true;

/**
 * Queues the emails of one recorded reply. Idempotent per reply version (Idempotency keys), so
 * the request and the outbox job may both run it: each email is sent once.
 */
export async function sendReplyEmails(
  ctx: AppContext,
  emails: ReplyEmails,
  known: { meeting?: Meeting; invitation?: Invitation; newSubstitute?: Invitation } = {},
): Promise<void> {
  const key = (what: string) => `reply-${emails.invitationId}-${emails.replyVersion}-${what}`;
  const base = { meetingId: emails.meetingId, by: emails.by };
  const knownMeeting = known.meeting ? { meeting: known.meeting } : undefined;
  await createSend(ctx, {
    ...base,
    template: "confirmation",
    audience: { invitationIds: [emails.invitationId] },
    idempotencyKey: key("confirmation"),
    known: knownMeeting && known.invitation ? { ...knownMeeting, invitations: [known.invitation] } : undefined,
  });
  if (emails.newSubstituteId) {
    await createSend(ctx, {
      ...base,
      template: "invitation",
      audience: { invitationIds: [emails.newSubstituteId] },
      idempotencyKey: key("substitute"),
      known: knownMeeting && known.newSubstitute ? { ...knownMeeting, invitations: [known.newSubstitute] } : undefined,
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

export async function requireInvitation(ctx: AppContext, meetingId: string, invitationId: string): Promise<Invitation> {
  const inv = await getInvitation(ctx, meetingId, invitationId);
  if (!inv) throw new NotFoundError(`invitasjonen ${invitationId}`);
  return inv;
}
