// The reply form's schema (zod/mini: the participant Lambda loads no full zod) and the pure rules: when replies close, what a reply changes.

import * as z from "zod/mini";
import { ConflictError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { nbReplyPage } from "../i18n/nb-reply-page.js";
import type { Invitation, Reply } from "../model.js";

const e = nbReplyPage.formErrors;
const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max, e.tooLong(max)));

/** What a participant may post from the reply form (all strings: it is an HTML form). Built on first parse, not at import. */
export const ReplyForm = z.lazy(() =>
  z.discriminatedUnion("status", [
    z.object({ status: z.literal("attending") }),
    z.object({ status: z.literal("absent"), reason: z.optional(trimmed(500)) }),
    z.object({
      status: z.literal("substitute"),
      substituteName: z.string().check(z.trim(), z.minLength(1, e.substituteName), z.maxLength(200, e.tooLong(200))),
      substituteEmail: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email(e.substituteEmail)),
      substituteRole: z.optional(trimmed(200)),
    }),
  ]),
);
export type ReplyForm = z.infer<typeof ReplyForm>;

const substituteInvitationId = (memberInvitationId: string, n: number) => `s-${memberInvitationId}-${n}`;

/** What the emails after a reply need: the "reply-emails" queue message and the reply's outbox job carry it. */
export interface ReplyEmails {
  meetingId: string;
  invitationId: string;
  replyVersion: number;
  by: string;
  newSubstituteId?: string;
  releasedSubstituteId?: string;
}

export interface ReplyDecision {
  reply: Reply;
  newSubstitute?: Invitation;
  released?: string;
  emails: ReplyEmails;
}

/**
 * What one reply changes, decided from the invitation as read: the reply itself; for a new
 * substitute address, the substitute's own invitation (their seat is already answered); the
 * substitute no longer needed (withdrawn, and told so unless they were held); the emails to queue.
 * `held`: the address limit was reached, so the new substitute is recorded but never emailed.
 */
export function decideReply(current: Invitation, given: ReplyForm, by: string, now: Date, held: boolean): ReplyDecision {
  if (current.substituteFor && given.status === "substitute") throw new ConflictError(t.rules.substituteCannotNameSubstitute);
  const vara = varaToCallIn(current, given);
  const form: ReplyForm = vara
    ? { status: "substitute", substituteName: vara.name, substituteEmail: vara.email, substituteRole: "vara" }
    : given;
  const at = now.toISOString();
  const previousSub = current.reply?.status === "substitute" ? current.reply.substitute : undefined;
  const reply: Reply = { status: form.status, at, by };
  let newSubstitute: Invitation | undefined;
  let released: string | undefined;
  if (form.status === "absent" && form.reason) reply.reason = form.reason;
  if (form.status === "substitute") {
    const sameSub = previousSub && previousSub.email === form.substituteEmail;
    const subId = sameSub ? previousSub.invitationId : substituteInvitationId(current.id, current.replyVersion + 1);
    reply.substitute = {
      name: form.substituteName,
      email: form.substituteEmail,
      invitationId: subId,
      role: form.substituteRole || undefined,
    };
    if (vara) {
      reply.substitute.vara = true;
      if (given.status === "absent" && given.reason) reply.reason = given.reason;
    }
    if (held && !sameSub && !vara) reply.substitute.held = true;
    if (!sameSub) {
      newSubstitute = {
        id: subId,
        meetingId: current.meetingId,
        name: form.substituteName,
        email: form.substituteEmail,
        organisationId: current.organisationId,
        organisationName: current.organisationName,
        role: form.substituteRole || "stedfortreder",
        substituteFor: { invitationId: current.id, name: current.name },
        linkVersion: 1,
        withdrawn: false,
        // A named substitute comes (the member said so); a vara called in has not answered yet.
        ...(vara ? {} : { reply: { status: "attending", at, by: `på vegne av ${current.name}` } }),
        replyVersion: 0,
        createdAt: at,
        ...(held && !vara ? { held: true } : {}),
      };
      if (previousSub) released = previousSub.invitationId;
    }
  } else if (previousSub) {
    released = previousSub.invitationId;
  }
  // A held substitute was never invited, so they are not told they are no longer needed either.
  const releasedWasHeld = previousSub?.held === true;
  const emails: ReplyEmails = {
    meetingId: current.meetingId,
    invitationId: current.id,
    replyVersion: current.replyVersion + 1,
    by,
    ...(newSubstitute && !newSubstitute.held ? { newSubstituteId: newSubstitute.id } : {}),
    ...(released && !held && !releasedWasHeld ? { releasedSubstituteId: released } : {}),
  };
  return { reply, newSubstitute, released, emails };
}

/**
 * Vara call-in: a member's forfall without a substitute calls in their personal vara, when the
 * body does so (the send copied the vara onto the invitation only then). Not the member's own
 * address; a forfall that names a substitute is that substitute.
 */
function varaToCallIn(current: Invitation, form: ReplyForm): Invitation["vara"] {
  const vara = current.vara;
  if (form.status !== "absent" || current.substituteFor || current.role !== "member" || !vara) return undefined;
  return vara.email.toLowerCase() === current.email.toLowerCase() ? undefined : vara;
}

/** Replies can be changed by the participant until the deadline (or the start, when there is no deadline). */
export function replyOpen(meeting: { replyDeadline?: string; startsAt: string; status: string }, now: Date): boolean {
  if (meeting.status === "cancelled") return false;
  const closesAt = meeting.replyDeadline ?? meeting.startsAt;
  return now.toISOString() < closesAt;
}

/**
 * A participant may send a new substitute address only a few times a day (not an open relay). A
 * substitute names nobody (decideReply refuses it), so their forged attempt spends no address slot.
 */
export const namesNewSubstitute = (current: Invitation, form: ReplyForm) =>
  !current.substituteFor &&
  form.status === "substitute" &&
  form.substituteEmail !== (current.reply?.status === "substitute" ? current.reply.substitute?.email : undefined);
