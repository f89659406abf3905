// Who a send goes to: the audience chosen, each recipient's current address, and the addresses a send must skip.
import { z } from "zod";
import type { AppContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { nbSending } from "../i18n/nb-sending.js";
import type { Invitation, Meeting, Member } from "../model.js";
import { getBody, listMembers } from "../store/directory.js";
import { ensureInvitations, getInvitation, invitationIdForMember, listInvitations } from "../store/invitations.js";
import { getPeople } from "../store/people.js";
import type { Delivery, EmailTemplate, Send } from "../store/sends.js";

export const SendAudience = z.union([
  z.literal("all"),
  z.literal("not_replied"),
  z.strictObject({ invitationIds: z.array(z.string().min(1)).min(1).max(5000) }),
]);
export type SendAudience = z.infer<typeof SendAudience>;

/** A recipient as the send writes them: the invitation, the address to use now, and why not to send, if so. */
export interface Recipient {
  invitation: Invitation;
  email: string;
  blocked?: "bounce" | "complaint";
  /** To a postmottak: the people the email names, and (an escalation) their seats' invitations. */
  members?: string[];
  seats?: string[];
}

interface Choice {
  template: EmailTemplate;
  audience: SendAudience;
  includeWithdrawn?: boolean;
  known?: { invitations?: Invitation[] };
}

/** Reads many records a few at a time (a list of 5,000 ids must not fire 5,000 requests at once). */
async function readInChunks<T>(ids: string[], read: (id: string) => Promise<T>, size = 25): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await Promise.all(ids.slice(i, i + size).map(read))));
  return out;
}

export async function chooseRecipients(ctx: AppContext, req: Choice, meeting: Meeting, now: Date): Promise<Recipient[]> {
  // Named recipients (a confirmation, a substitute, people picked on the send page) are read one by one; a whole-list send reads all.
  let invitations =
    typeof req.audience === "object"
      ? (req.known?.invitations ??
        (await readInChunks([...new Set(req.audience.invitationIds)], (id) => getInvitation(ctx, meeting.id, id))).filter(
          (i): i is Invitation => Boolean(i),
        ))
      : await listInvitations(ctx, meeting.id);
  if ((req.template === "invitation" || req.template === "cancellation") && req.audience === "all") {
    invitations = await ensureInvitations(
      ctx,
      meeting.id,
      await listMembersForInvitations(ctx, meeting.bodyId),
      invitations,
      now,
    );
  } else if (req.template === "invitation" && typeof req.audience === "object" && !req.known?.invitations) {
    invitations = await withPickedMembers(ctx, meeting, req.audience.invitationIds, invitations, now);
  }
  const picked = pickRecipients(invitations, req.audience, req.includeWithdrawn);
  if (picked.length === 0) throw new ConflictError("Ingen mottakere passer utvalget.");
  return withCurrentAddresses(ctx, picked);
}

/** The body's members; their personal vara only when the body calls in vara automatically (the invitations carry it then). */
async function listMembersForInvitations(ctx: AppContext, bodyId: string): Promise<Member[]> {
  const [body, members] = await Promise.all([getBody(ctx, bodyId), listMembers(ctx, bodyId)]);
  return body.varaCallIn ? members : members.map(({ varaPersonId, varaName, varaEmail, ...m }) => m);
}

/** Members picked on the send page who have never been sent to have no invitation yet: made here. */
async function withPickedMembers(
  ctx: AppContext,
  meeting: Meeting,
  wantedIds: string[],
  invitations: Invitation[],
  now: Date,
): Promise<Invitation[]> {
  const have = new Set(invitations.map((i) => i.id));
  const missing = new Set(wantedIds.filter((id) => !have.has(id)));
  if (missing.size === 0) return invitations;
  const members = (await listMembersForInvitations(ctx, meeting.bodyId)).filter((m) => missing.has(invitationIdForMember(m.id)));
  return members.length ? ensureInvitations(ctx, meeting.id, members, invitations, now) : invitations;
}

function pickRecipients(invitations: Invitation[], audience: SendAudience, includeWithdrawn = false): Invitation[] {
  const live = invitations.filter((i) => includeWithdrawn || !i.withdrawn);
  // A held substitute (named past the address limit) is reached only when named explicitly.
  if (audience === "all") return live.filter((i) => !i.held);
  if (audience === "not_replied") return live.filter((i) => !i.reply && !i.held);
  const wanted = new Set(audience.invitationIds);
  const found = live.filter((i) => wanted.has(i.id));
  if (found.length !== wanted.size) {
    const missing = [...wanted].filter((id) => !found.some((i) => i.id === id));
    throw new NotFoundError(`invitasjonene ${missing.join(", ")}`);
  }
  return found;
}

/**
 * The address to use is the person's as it is now (a corrected address reaches invitations made
 * before the correction); an address that bounced or was complained about is skipped.
 */
async function withCurrentAddresses(ctx: AppContext, invitations: Invitation[]): Promise<Recipient[]> {
  const people = await getPeople(
    ctx,
    invitations.flatMap((i) => (i.personId ? [i.personId] : [])),
  );
  return invitations.map((invitation) => {
    const person = invitation.personId ? people.get(invitation.personId) : undefined;
    const blocked = person?.complainedAt ? "complaint" : person?.bouncedAt ? "bounce" : undefined;
    return { invitation, email: person?.email ?? invitation.email, ...(blocked ? { blocked } : {}) };
  });
}

/** A recipient's delivery: its state, and what the worker needs to compose their copy without reading more. */
/** The role decideReply gives a vara's invitation (invitations/reply-form.ts). */
const VARA_ROLE = "vara";

export function deliveryFor(send: Send, recipient: Recipient): Delivery {
  const inv = recipient.invitation;
  const r = inv.reply;
  return {
    sendId: send.id,
    id: inv.id,
    meetingId: send.meetingId,
    invitationId: inv.id,
    email: recipient.email,
    name: inv.name,
    template: send.template,
    status: recipient.blocked ? "suppressed" : "queued",
    attempts: 0,
    linkVersion: inv.linkVersion,
    ...(recipient.blocked
      ? { error: recipient.blocked === "complaint" ? nbSending.suppressedComplaint : nbSending.suppressedBounce }
      : {}),
    ...(inv.substituteFor ? { substituteFor: inv.substituteFor.name } : {}),
    ...(inv.substituteFor && inv.role === VARA_ROLE ? { vara: true } : {}),
    ...(recipient.members ? { members: recipient.members } : {}),
    ...(recipient.seats ? { seatInvitationIds: recipient.seats } : {}),
    ...(r
      ? {
          reply: {
            status: r.status,
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.substitute ? { substituteName: r.substitute.name, substituteEmail: r.substitute.email } : {}),
          },
        }
      : {}),
  };
}
