// Pure meeting rules: times in and out of Oslo time, valid meeting times, case numbers.
import { type FieldError, InvalidError } from "../errors.js";
import { t } from "../i18n/nb.js";
import type { UpdateMeetingInput } from "../inputs.js";
import type { Meeting } from "../model.js";
import { toUtcIso } from "../time.js";

export function checkMeetingTimes(m: { startsAt: string; endsAt: string; replyDeadline?: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (m.endsAt <= m.startsAt) errors.push({ field: "endsAt", message: t.validation.endBeforeStart });
  if (m.replyDeadline && m.replyDeadline >= m.startsAt) {
    errors.push({ field: "replyDeadline", message: t.validation.deadlineAfterStart });
  }
  return errors;
}

/** Refuses a meeting whose times do not hold together (InvalidError with the fields). */
export function assertMeetingTimes(m: { startsAt: string; endsAt: string; replyDeadline?: string | null }): void {
  const errors = checkMeetingTimes(m);
  if (errors.length) throw new InvalidError(errors);
}

/** The stored fields an edit changes (times to UTC); replyDeadline undefined means "remove the deadline". */
export function meetingChanges(input: UpdateMeetingInput): Partial<Meeting> {
  const changes: Partial<Meeting> = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.place !== undefined) changes.place = input.place;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.startsAt !== undefined) changes.startsAt = toUtcIso(input.startsAt);
  if (input.endsAt !== undefined) changes.endsAt = toUtcIso(input.endsAt);
  if (input.replyDeadline !== undefined) changes.replyDeadline = input.replyDeadline ? toUtcIso(input.replyDeadline) : undefined;
  if (input.published !== undefined) changes.published = input.published;
  if (input.status !== undefined) changes.status = input.status;
  return changes;
}

/** "Sak 12/2017": the number is per body per year, continuous across that body's meetings. */
export function formatCaseNumber(seq: number, year: number): string {
  return `${seq}/${year}`;
}

export function parseCaseNumber(n: string): { seq: number; year: number } {
  const [seq, year] = n.split("/").map(Number);
  return { seq: seq ?? 0, year: year ?? 0 };
}

/** Orders case numbers by year, then number ("9/2017" before "10/2017" before "1/2018"). */
export function compareCaseNumbers(a: string, b: string): number {
  const x = parseCaseNumber(a);
  const y = parseCaseNumber(b);
  return x.year - y.year || x.seq - y.seq;
}

/**
 * The status a page shows: a meeting whose end has passed was held ("Avholdt") even if nobody
 * set it; a stored status past that (referat, avlyst) is shown as it is.
 */
export function shownStatus(meeting: Meeting, now: Date): Meeting["status"] {
  const open = meeting.status === "draft" || meeting.status === "invited";
  return open && new Date(meeting.endsAt) <= now ? "held" : meeting.status;
}
