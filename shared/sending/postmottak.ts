// The kommune's postmottak: copies of the innkalling and the referat for journaling, and the escalation of unanswered
// seats before the reply deadline. Each is a send of its own (one delivery per organisation), so it shows in the
// meeting's sends and their progress like any other.
import type { AppContext } from "../context.js";
import { seatsOf } from "../invitations/index.js";
import type { Body, Invitation, Meeting, Organisation } from "../model.js";
import { getBody, listMembers, listOrganisations } from "../store/directory.js";
import { listInvitations } from "../store/invitations.js";
import type { EmailTemplate, Send } from "../store/sends.js";
import type { Recipient } from "./recipients.js";

/** What createSend is asked (sends.ts calls it; this module does not import it, so there is no loop). */
interface PostmottakSend {
  meetingId: string;
  template: "postmottak-copy" | "escalation";
  copyOf?: CopyOf;
  audience: { invitationIds: string[] };
  recipients: Recipient[];
  idempotencyKey: string;
  by: string;
  known?: { meeting: Meeting };
}

type CopyOf = NonNullable<Send["copyOf"]>;
const COPIED: ReadonlySet<EmailTemplate> = new Set<EmailTemplate>(["invitation", "cancellation", "minutes"]);

/** One postmottak recipient: not an invitation of the meeting, so no personal link is ever made for it. */
function postmottakRecipient(
  org: Organisation & { postmottak: string },
  meetingId: string,
  people: { names: string[]; seats?: string[] },
): Recipient {
  const invitation: Invitation = {
    id: `pm-${org.id}`,
    meetingId,
    name: `Postmottak, ${org.name}`,
    email: org.postmottak,
    organisationId: org.id,
    organisationName: org.name,
    role: "postmottak",
    linkVersion: 0,
    withdrawn: false,
    replyVersion: 0,
    createdAt: new Date(0).toISOString(),
  };
  return { invitation, email: org.postmottak, members: people.names, ...(people.seats ? { seats: people.seats } : {}) };
}

/** Postmottak recipients for the people given by organisation (organisations without a postmottak are left out). */
async function postmottakRecipients(ctx: AppContext, meetingId: string, byOrganisation: Map<string, People>) {
  const organisations = await listOrganisations(ctx);
  return organisations.flatMap((org) => {
    const people = byOrganisation.get(org.id);
    return org.postmottak && people ? [postmottakRecipient({ ...org, postmottak: org.postmottak }, meetingId, people)] : [];
  });
}

type People = { names: string[]; seats?: string[] };
/** People by organisation (those without one have no postmottak to reach). */
const groupBy = (rows: { organisationId?: string; name: string; seat?: string }[]) => {
  const map = new Map<string, People>();
  for (const r of rows) {
    if (!r.organisationId) continue;
    const people = map.get(r.organisationId) ?? { names: [] };
    people.names.push(r.name);
    if (r.seat) people.seats = [...(people.seats ?? []), r.seat];
    map.set(r.organisationId, people);
  }
  return map;
};

/**
 * After a whole-list innkalling, cancellation or referat of a body that copies to postmottak: the
 * send of one copy per member organisation with a postmottak, idempotent per original send.
 */
export async function postmottakCopies(
  ctx: AppContext,
  meeting: Meeting,
  original: { sendId: string; template: EmailTemplate; wholeList: boolean },
): Promise<PostmottakSend | undefined> {
  if (!original.wholeList || !COPIED.has(original.template)) return undefined;
  const body: Body = await getBody(ctx, meeting.bodyId);
  if (!body.postmottakCopies) return undefined;
  const members = (await listMembers(ctx, body.id)).filter((m) => m.role === "member");
  const recipients = await postmottakRecipients(ctx, meeting.id, groupBy(members.map((m) => ({ ...m, name: m.personName }))));
  if (recipients.length === 0) return undefined;
  return {
    meetingId: meeting.id,
    template: "postmottak-copy",
    copyOf: original.template as CopyOf,
    audience: { invitationIds: recipients.map((r) => r.invitation.id) },
    recipients,
    idempotencyKey: `postmottak-${original.sendId}`,
    by: "kopi til postmottak (automatisk)",
    known: { meeting },
  };
}

/**
 * The escalation: each organisation whose seats are unanswered gets one email at its postmottak
 * naming the members who have not answered. Nothing when every seat has answered.
 */
export async function escalation(
  ctx: AppContext,
  meetingId: string,
  idempotencyKey: string,
): Promise<PostmottakSend | undefined> {
  const invitations = await listInvitations(ctx, meetingId);
  const unanswered = seatsOf(invitations)
    .filter((s) => s.holdsSeat && s.state === "no_answer")
    .map((s) => ({ ...s.invitation, seat: s.invitation.id }));
  const recipients = await postmottakRecipients(ctx, meetingId, groupBy(unanswered));
  if (recipients.length === 0) return undefined;
  return {
    meetingId,
    template: "escalation",
    audience: { invitationIds: recipients.map((r) => r.invitation.id) },
    recipients,
    idempotencyKey,
    by: "purring til postmottak (automatisk)",
  };
}
