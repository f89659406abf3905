// The automatic reminder of a meeting that has a reply deadline: one job per meeting, moved with the deadline.
import type { AppContext } from "../context.js";
import { scheduleOnce } from "../jobs/index.js";
import type { Meeting } from "../model.js";
import { getBody } from "../store/directory.js";

/** Schedules (or moves) the reminder REMINDER_DAYS_BEFORE_DEADLINE days before the deadline; none if that time has passed. */
export async function scheduleReminder(ctx: AppContext, meeting: Meeting, now: Date): Promise<void> {
  if (!meeting.replyDeadline) return;
  const due = new Date(new Date(meeting.replyDeadline).getTime() - ctx.config.REMINDER_DAYS_BEFORE_DEADLINE * 86_400_000);
  if (due <= now) return;
  await scheduleOnce(ctx, `reminder-${meeting.id}`, "reminder", due.toISOString(), { meetingId: meeting.id }, now);
}

/**
 * Schedules (or moves) the escalation to the kommuner's postmottak, the body's number of days
 * before the deadline; none when the body has no escalation or that time has passed. The job reads
 * the setting again when it runs (it may have been turned off meanwhile).
 */
export async function scheduleEscalation(ctx: AppContext, meeting: Meeting, now: Date): Promise<void> {
  if (!meeting.replyDeadline) return;
  const days = (await getBody(ctx, meeting.bodyId)).escalationDaysBeforeDeadline;
  if (!days) return;
  const due = new Date(new Date(meeting.replyDeadline).getTime() - days * 86_400_000);
  if (due <= now) return;
  await scheduleOnce(ctx, `escalation-${meeting.id}`, "escalation", due.toISOString(), { meetingId: meeting.id }, now);
}
