// Creating and changing a meeting: the rules for its times, then the store; a moved deadline moves the reminder.
import type { AppContext } from "../context.js";
import type { CreateMeetingInput, UpdateMeetingInput } from "../inputs.js";
import type { Meeting } from "../model.js";
import { getBody } from "../store/directory.js";
import { insertMeeting, updateMeeting } from "../store/meetings.js";
import { toUtcIso } from "../time.js";
import { scheduleEscalation, scheduleReminder } from "./reminder.js";
import { assertMeetingTimes, meetingChanges } from "./rules.js";

/** A new draft meeting of a body; times given in Oslo wall-clock time or with a zone. */
export async function createMeeting(ctx: AppContext, input: CreateMeetingInput, now: Date): Promise<Meeting> {
  await getBody(ctx, input.bodyId);
  const times = {
    startsAt: toUtcIso(input.startsAt),
    endsAt: toUtcIso(input.endsAt),
    replyDeadline: input.replyDeadline ? toUtcIso(input.replyDeadline) : undefined,
  };
  assertMeetingTimes(times);
  return insertMeeting(ctx, { bodyId: input.bodyId, title: input.title, place: input.place, kind: input.kind, ...times }, now);
}

/**
 * Changes a meeting and keeps what depends on it in step: a moved reply deadline moves the
 * automatic reminder of a meeting that has been sent out.
 */
export async function changeMeeting(ctx: AppContext, id: string, input: UpdateMeetingInput): Promise<Meeting> {
  const now = ctx.clock.now();
  const meeting = await updateMeeting(ctx, id, meetingChanges(input), now, assertMeetingTimes);
  if (input.replyDeadline !== undefined && meeting.status === "invited") {
    await scheduleReminder(ctx, meeting, now);
    await scheduleEscalation(ctx, meeting, now);
  }
  return meeting;
}
