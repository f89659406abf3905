/**
 * Calendar answers count as answers: a member's «Godta»/«Avslå» in Outlook, Gmail or Apple Calendar
 * comes back as an iMIP REPLY to the invitation's ORGANIZER (SES inbound in AWS, the SMTP stand-in
 * locally) and is recorded as their reply, from source «kalender». Anything that does not match an
 * invitation exactly changes nothing.
 */
import type { AppContext } from "../context.js";
import { listInvitations, replyOpen, submitReply } from "../invitations/index.js";
import { getMeetingRecord } from "../meetings/index.js";
import { readCalendarAnswer } from "./imip.js";

/** The reply's `by`: the history shows where an answer came from. */
const CALENDAR_SOURCE = "kalender";
const UID_SUFFIX = "@moteinnkalling";

export type CalendarOutcome = { recorded: "attending" | "absent"; meetingId: string; invitationId: string } | { ignored: string };

/** Records the answer in one raw email, or says why it was ignored (never throws for a bad message). */
export async function recordCalendarReply(ctx: AppContext, raw: Uint8Array | string): Promise<CalendarOutcome> {
  const outcome = await decide(ctx, raw).catch((err: unknown) => {
    ctx.log.warn("calendar reply failed", { err });
    return { ignored: "unreadable" };
  });
  ctx.log.info("calendar reply", { ...outcome });
  return outcome;
}

async function decide(ctx: AppContext, raw: Uint8Array | string): Promise<CalendarOutcome> {
  const answer = await readCalendarAnswer(raw);
  if ("none" in answer) return { ignored: answer.none };
  if (!answer.uid.endsWith(UID_SUFFIX)) return { ignored: "not our UID" };
  // The From must be the attendee: a reply may not answer for someone else.
  if (answer.from !== answer.attendee) return { ignored: "From is not the attendee" };
  const status = answer.partstat === "ACCEPTED" ? "attending" : answer.partstat === "DECLINED" ? "absent" : undefined;
  // TENTATIVE («Kanskje») is no answer to an innkalling: the seat stays as it was.
  if (!status) return { ignored: `PARTSTAT ${answer.partstat || "missing"}` };
  const meetingId = answer.uid.slice(0, -UID_SUFFIX.length);
  const meeting = await getMeetingRecord(ctx, meetingId).catch(() => undefined);
  if (!meeting) return { ignored: "unknown meeting" };
  const invitation = (await listInvitations(ctx, meetingId)).find(
    (i) => !i.withdrawn && i.email.toLowerCase() === answer.attendee,
  );
  if (!invitation) return { ignored: "attendee not invited" };
  // The same window as the personal link: after the deadline the secretariat records changes.
  if (!replyOpen(meeting, ctx.clock.now())) return { ignored: "replies closed" };
  const current = invitation.reply?.status;
  // Already so (a client sending its answer twice; forfall with a substitute named stays as named).
  if (current === status || (status === "absent" && current === "substitute")) return { ignored: "no change" };
  await submitReply(ctx, meeting, invitation.id, { status }, { by: CALENDAR_SOURCE, silent: false });
  return { recorded: status, meetingId, invitationId: invitation.id };
}
