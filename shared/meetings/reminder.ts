// The automatic reminder of a meeting that has a reply deadline: one job per meeting, moved with the deadline.
import type { AppContext } from "../context.js";
import { scheduleOnce } from "../jobs/index.js";
import type { Meeting } from "../model.js";

/** Schedules (or moves) the reminder REMINDER_DAYS_BEFORE_DEADLINE days before the deadline; none if that time has passed. */
export async function scheduleReminder(ctx: AppContext, meeting: Meeting, now: Date): Promise<void> {
  if (!meeting.replyDeadline) return;
  const due = new Date(new Date(meeting.replyDeadline).getTime() - ctx.config.REMINDER_DAYS_BEFORE_DEADLINE * 86_400_000);
  if (due <= now) return;
  await scheduleOnce(ctx, `reminder-${meeting.id}`, "reminder", due.toISOString(), { meetingId: meeting.id }, now);
}
