import type { FieldError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { osloLocalToUtc } from "../time.js";

/** Domain rules in one place: times, case numbers, meeting status. */

/** Input time → stored UTC ISO. Wall-clock input is Oslo time (summer time handled). */
export function toUtcIso(input: string): string {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(input)) return new Date(input).toISOString();
  return osloLocalToUtc(input.slice(0, 16));
}

export function checkMeetingTimes(m: { startsAt: string; endsAt: string; replyDeadline?: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (m.endsAt <= m.startsAt) errors.push({ field: "endsAt", message: t.validation.endBeforeStart });
  if (m.replyDeadline && m.replyDeadline >= m.startsAt) {
    errors.push({ field: "replyDeadline", message: t.validation.deadlineAfterStart });
  }
  return errors;
}

/** "Sak 12/2017": the number is per body per year, continuous across that body's meetings. */
export function formatCaseNumber(seq: number, year: number): string {
  return `${seq}/${year}`;
}

export function parseCaseNumber(n: string): { seq: number; year: number } {
  const [seq, year] = n.split("/").map(Number);
  return { seq: seq ?? 0, year: year ?? 0 };
}

/** Replies can be changed by the participant until the deadline (or the start, when there is no deadline). */
export function replyOpen(meeting: { replyDeadline?: string; startsAt: string; status: string }, now: Date): boolean {
  if (meeting.status === "cancelled") return false;
  const closesAt = meeting.replyDeadline ?? meeting.startsAt;
  return now.toISOString() < closesAt;
}
