import type { AppContext } from "../context.js";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import { parseToken, verifyToken } from "../domain/links.js";
import type { Invitation, Meeting, Reply } from "../domain/model.js";
import { type ReplyForm, substituteInvitationId } from "../domain/replies.js";
import { replyOpen } from "../domain/rules.js";
import { createSend } from "../sending/sends.js";
import { getInvitation, recordReply } from "../store/invitations.js";
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

/**
 * Records a participant's (or, with by = "secretariat:…", the secretariat's) reply. A substitute
 * gets their own invitation and link in the same transaction; a substitute no longer needed is
 * withdrawn and told so. A confirmation email goes to the one who replied.
 */
export async function submitReply(
  ctx: AppContext,
  meeting: Meeting,
  invitationId: string,
  form: ReplyForm,
  by: string,
): Promise<{ invitation: Invitation; newSubstitute?: Invitation; releasedSubstitute?: string }> {
  const now = ctx.clock.now();
  const bySecretariat = by.startsWith("secretariat:");
  if (!bySecretariat && !replyOpen(meeting, now)) throw new ReplyClosedError("Svarfristen er ute.");
  let newSubstitute: Invitation | undefined;
  let released: string | undefined;
  const { invitation } = await recordReply(ctx, meeting.id, invitationId, (current) => {
    if (current.withdrawn) throw new ConflictError("Invitasjonen er trukket tilbake.");
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
        };
        if (previousSub) released = previousSub.invitationId;
      }
    } else if (previousSub) {
      released = previousSub.invitationId;
    }
    return { reply, alsoPut: newSubstitute ? [newSubstitute] : [], alsoWithdraw: released ? [released] : [] };
  });

  // Emails go through the send pipeline (rendered by the worker, never on this request path).
  const base = { meetingId: meeting.id, by };
  await createSend(ctx, { ...base, template: "confirmation", audience: { invitationIds: [invitation.id] }, known: { meeting, invitations: [invitation] } });
  const sub = newSubstitute as Invitation | undefined;
  if (sub) await createSend(ctx, { ...base, template: "invitation", audience: { invitationIds: [sub.id] }, known: { meeting, invitations: [sub] } });
  if (released) await createSend(ctx, { ...base, template: "substitute-released", audience: { invitationIds: [released] }, includeWithdrawn: true });
  return { invitation, newSubstitute: sub, releasedSubstitute: released };
}

export async function requireInvitation(ctx: AppContext, meetingId: string, invitationId: string): Promise<Invitation> {
  const inv = await getInvitation(ctx, meetingId, invitationId);
  if (!inv) throw new NotFoundError(`invitasjonen ${invitationId}`);
  return inv;
}
