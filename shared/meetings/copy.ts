// Copying a meeting to the body's next one: same title, place, kind and hours on a new day, with the standing items only.
import type { AppContext } from "../context.js";
import { InvalidError } from "../errors.js";
import { nbMeetings } from "../i18n/nb-meetings.js";
import type { AddAgendaItemInput, CopyMeetingInput } from "../inputs.js";
import type { AgendaItem, Meeting } from "../model.js";
import { getMeetingBundle } from "../store/meetings.js";
import { formatOsloDate, utcToOsloLocal } from "../time.js";
import { addAgendaItem } from "./agenda.js";
import { createMeeting } from "./change.js";

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The day the form proposes: the same weekday four weeks after the meeting copied (in Oslo). */
export function suggestedCopyDate(meeting: Meeting): string {
  return dayOf(dayNumber(utcToOsloLocal(meeting.startsAt).slice(0, 10)) + 28);
}

/**
 * The copy's times in Oslo wall-clock time: the same hours on `date`, and the end and reply
 * deadline as many days from the start as in the meeting copied (a deadline a week before stays a week before).
 */
export function copiedTimes(meeting: Meeting, date: string): { startsAt: string; endsAt: string; replyDeadline?: string } {
  const start = utcToOsloLocal(meeting.startsAt);
  const shift = (iso: string) => {
    const local = utcToOsloLocal(iso);
    return `${dayOf(dayNumber(date) + dayNumber(local.slice(0, 10)) - dayNumber(start.slice(0, 10)))}${local.slice(10)}`;
  };
  return {
    startsAt: `${date}${start.slice(10)}`,
    endsAt: shift(meeting.endsAt),
    ...(meeting.replyDeadline ? { replyDeadline: shift(meeting.replyDeadline) } : {}),
  };
}

/**
 * The standing items of a new meeting: the opening item copied if there was one, the referat of
 * the meeting copied (a numbered case naming that meeting; a cancelled one has no referat to
 * name), «Eventuelt».
 */
function standingItems(source: Meeting, agenda: AgendaItem[]): AddAgendaItemInput[] {
  const r = nbMeetings.rules;
  const opening = agenda.find((i) => i.kind === "opening");
  const item = (title: string, kind: AgendaItem["kind"], proposedDecision?: string, background?: string) => ({
    title,
    kind,
    proposedDecision,
    background,
    subItems: [],
    attachmentNumbers: [],
  });
  const previous = source.status === "cancelled" ? undefined : r.minutesOf(formatOsloDate(source.startsAt), source.title);
  return [
    ...(opening ? [item(opening.title, "opening", opening.proposedDecision)] : []),
    item(r.minutesItem, "decision", r.minutesDecision, previous),
    item(r.otherBusiness, "closing"),
  ];
}

/** A copy goes to a day still ahead (or today): a meeting in the past cannot be called. */
function assertNotPast(date: string, now: Date): void {
  if (date < utcToOsloLocal(now.toISOString()).slice(0, 10))
    throw new InvalidError([{ field: "date", message: nbMeetings.rules.copyDateInPast }]);
}

/** A new draft meeting of the same body on `date`, with the standing items and no other cases. */
export async function copyMeeting(
  ctx: AppContext,
  sourceId: string,
  input: CopyMeetingInput,
): Promise<{ meeting: Meeting; agenda: AgendaItem[] }> {
  const { meeting: source, agenda } = await getMeetingBundle(ctx, sourceId);
  assertNotPast(input.date, ctx.clock.now());
  const meeting = await createMeeting(
    ctx,
    { bodyId: source.bodyId, title: source.title, place: source.place, kind: source.kind, ...copiedTimes(source, input.date) },
    ctx.clock.now(),
  );
  const added: AgendaItem[] = [];
  // One at a time: the referat case takes the next number of the copy's year.
  for (const item of standingItems(source, agenda)) added.push(await addAgendaItem(ctx, meeting.id, item));
  return { meeting, agenda: added.sort((a, b) => a.order - b.order) };
}
