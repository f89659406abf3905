// Pure minutes rules: the first draft from the replies and the agenda, what an edit changes.

import { InvalidError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { nbMinutes } from "../i18n/nb-minutes.js";
import type { MinutesEdit } from "../inputs.js";
import type { AgendaItem, Body, Invitation, Meeting, Member, Minutes, MinutesSubItem } from "../model.js";
import { toUtcIso } from "../time.js";
import { attendanceFromReplies, secretariatOf } from "./attendance.js";

/** An agenda item's sub-items as the referat starts them: the agenda's points as text, noted (they are mostly orientations). */
function draftSubItems(item: AgendaItem): MinutesSubItem[] {
  return item.subItems.map((s) => ({
    letter: s.letter,
    title: s.title,
    text: s.bullets.length ? s.bullets.map((b) => `- ${b}`).join("\n") : undefined,
    status: "noted",
  }));
}

/** Present, absent and substitutes from the replies; decisions pre-filled from the proposed decisions. */
export function draftMinutes(
  bundle: { meeting: Meeting; agenda: AgendaItem[]; invitations: Invitation[] },
  body: Body,
  members: Member[],
  now: Date,
): Minutes {
  const { present, absent } = attendanceFromReplies(bundle.invitations);
  return {
    meetingId: bundle.meeting.id,
    version: 0,
    status: "draft",
    startedAt: bundle.meeting.startsAt,
    endedAt: bundle.meeting.endsAt,
    place: bundle.meeting.place,
    present,
    absent,
    secretariat: secretariatOf(members, body.secretariat.name),
    items: bundle.agenda.map((i) => ({
      itemId: i.id,
      number: i.number,
      title: i.title,
      text: i.background,
      // The opening ("Godkjenning av innkalling og dagsorden") reads "Vedtak: Godkjent." as in seed 001.
      decision: i.proposedDecision ?? (i.kind === "opening" ? nbMinutes.rules.openingApproved : undefined),
      status: i.kind === "information" ? "noted" : "decided",
      subItems: draftSubItems(i),
    })),
    updatedAt: now.toISOString(),
    updatedBy: "utkast",
  };
}

type ItemEdit = NonNullable<MinutesEdit["items"]>[number];

/** An item's sub-items after an edit: each named by its letter; a new letter needs a title and is added last. */
function editSubItems(current: MinutesSubItem[], changes: NonNullable<ItemEdit["subItems"]>): MinutesSubItem[] {
  const next = current.map((s) => ({ ...s }));
  for (const change of changes) {
    let sub = next.find((s) => s.letter === change.letter);
    if (!sub) {
      if (!change.title) throw new InvalidError([{ field: "subItems", message: nbMinutes.rules.unknownSubItem(change.letter) }]);
      sub = { letter: change.letter, title: change.title, status: "noted" };
      next.push(sub);
    }
    if (change.title) sub.title = change.title;
    if (change.text !== undefined) sub.text = change.text || undefined;
    if (change.decision !== undefined) sub.decision = change.decision || undefined;
    if (change.status) sub.status = change.status;
  }
  return next;
}

/** What an edit may need to know beyond the minutes: the meeting's attachments, and whether the referat went out. */
export interface EditContext {
  attachmentNumbers?: number[];
  distributed?: boolean;
}

/**
 * The minutes after an edit, as the next version: only the fields given change; approved minutes
 * need a correction reason and go back to draft for re-approval, with the reason on record.
 */
export function editMinutes(current: Minutes, input: MinutesEdit, by: string, now: Date, context: EditContext = {}): Minutes {
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
  if (input.attachmentNumbers) {
    const known = new Set(context.attachmentNumbers ?? []);
    const unknown = input.attachmentNumbers.filter((n) => !known.has(n));
    if (unknown.length)
      throw new InvalidError([{ field: "attachmentNumbers", message: nbMinutes.rules.unknownAttachment(unknown.join(", ")) }]);
    next.attachmentNumbers = [...new Set(input.attachmentNumbers)].sort((a, b) => a - b);
  }
  for (const change of input.items ?? []) {
    const item = next.items.find((i) => i.itemId === change.itemId);
    if (!item) throw new InvalidError([{ field: "items", message: `Ukjent sak ${change.itemId}.` }]);
    if (change.text !== undefined) item.text = change.text || undefined;
    if (change.decision !== undefined) item.decision = change.decision || undefined;
    if (change.status) item.status = change.status;
    if (change.subItems) item.subItems = editSubItems(item.subItems ?? [], change.subItems);
  }
  if (current.status === "approved") {
    next.status = "draft";
    next.correctionReason = input.correctionReason;
    if (context.distributed) next.correctsDistributed = true;
    delete next.approvedAt;
    delete next.approvedBy;
  }
  return next;
}
