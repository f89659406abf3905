import type { z } from "zod";
import type { AppContext } from "../context.js";
import type { UpdateMeetingInput } from "../inputs.js";
import type { Meeting } from "../model.js";
import { scheduleReminder } from "../sending/index.js";
import { updateMeeting } from "../store/meetings.js";

/**
 * Changes a meeting and keeps what depends on it in step: a moved reply deadline moves the
 * automatic reminder of a meeting that has been sent out.
 */
export async function changeMeeting(ctx: AppContext, id: string, input: z.infer<typeof UpdateMeetingInput>): Promise<Meeting> {
  const now = ctx.clock.now();
  const meeting = await updateMeeting(ctx, id, input, now);
  if (input.replyDeadline !== undefined && meeting.status === "invited") await scheduleReminder(ctx, meeting, now);
  return meeting;
}
