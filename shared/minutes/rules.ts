// Pure minutes rules: the first draft from the replies and the agenda, what an edit changes, how an attendee reads.

import { InvalidError } from "../errors.js";
import { t } from "../i18n/nb.js";
import type { SaveMinutesInput } from "../inputs.js";
import type { AgendaItem, Attendee, Body, Invitation, Meeting, Member, Minutes } from "../model.js";
import { toUtcIso } from "../time.js";

/** Present, absent and substitutes from the replies; decisions pre-filled from the proposed decisions. */
export function draftMinutes(
  bundle: { meeting: Meeting; agenda: AgendaItem[]; invitations: Invitation[] },
  body: Body,
  members: Member[],
  now: Date,
): Minutes {
  const { invitations } = bundle;
  const seats = invitations.filter((i) => !i.substituteFor);
  const present: Attendee[] = [];
  const absent: Attendee[] = [];
  for (const inv of seats) {
    const org = inv.organisationName;
    if (inv.reply?.status === "attending") present.push({ name: inv.name, organisation: org });
    else if (inv.reply?.status === "substitute" && inv.reply.substitute) {
      present.push({ name: inv.reply.substitute.name, organisation: org, substituteFor: inv.name });
    } else if (!inv.withdrawn) absent.push({ name: inv.name, organisation: org });
  }
  // In the order they were added (ids are time-ordered), as the secretariat lists itself.
  const secretariat = members
    .filter((m) => m.role === "secretariat")
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((m) => m.personName);
  if (secretariat.length === 0) secretariat.push(body.secretariat.name);
  return {
    meetingId: bundle.meeting.id,
    version: 0,
    status: "draft",
    startedAt: bundle.meeting.startsAt,
    endedAt: bundle.meeting.endsAt,
    place: bundle.meeting.place,
    present,
    absent,
    secretariat,
    items: bundle.agenda.map((i) => ({
      itemId: i.id,
      number: i.number,
      title: i.title,
      text: i.background,
      decision: i.proposedDecision,
      status: i.kind === "information" ? "noted" : "decided",
    })),
    updatedAt: now.toISOString(),
    updatedBy: "utkast",
  };
}

/**
 * The minutes after an edit, as the next version: only the fields given change; approved minutes
 * need a correction reason and go back to draft for re-approval, with the reason on record.
 */
export function editMinutes(current: Minutes, input: SaveMinutesInput, by: string, now: Date): Minutes {
  if (current.status === "approved" && !input.correctionReason) {
    throw new InvalidError([{ field: "correctionReason", message: t.rules.correctionReasonNeeded }]);
  }
  const next: Minutes = {
    ...current,
    items: current.items.map((i) => ({ ...i })),
    updatedAt: now.toISOString(),
    updatedBy: by,
    version: current.version + 1,
  };
  if (input.startedAt) next.startedAt = toUtcIso(input.startedAt);
  if (input.endedAt) next.endedAt = toUtcIso(input.endedAt);
  if (next.endedAt <= next.startedAt) throw new InvalidError([{ field: "endedAt", message: t.rules.endBeforeStart }]);
  if (input.place) next.place = input.place;
  if (input.present) next.present = input.present;
  if (input.absent) next.absent = input.absent;
  if (input.secretariat) next.secretariat = input.secretariat;
  for (const change of input.items ?? []) {
    const item = next.items.find((i) => i.itemId === change.itemId);
    if (!item) throw new InvalidError([{ field: "items", message: `Ukjent sak ${change.itemId}.` }]);
    if (change.text !== undefined) item.text = change.text || undefined;
    if (change.decision !== undefined) item.decision = change.decision || undefined;
    if (change.status) item.status = change.status;
  }
  if (current.status === "approved") {
    next.status = "draft";
    next.correctionReason = input.correctionReason;
    delete next.approvedAt;
    delete next.approvedBy;
  }
  return next;
}

/** Formats an attendee as in seed 001: "Erik Kjeldstadli, Bærum" / "Kari Solberg Økland for Trond Julin, Drammen". */
export function attendeeLine(a: Attendee): string {
  return `${a.name}${a.substituteFor ? ` for ${a.substituteFor}` : ""}${a.organisation ? `, ${a.organisation}` : ""}`;
}
