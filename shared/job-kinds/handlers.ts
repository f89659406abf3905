// What each kind of scheduled job does (the tick hands these to the jobs runner).
import { ConflictError } from "../errors.js";
import type { JobHandler, JobKind } from "../jobs/index.js";
import { getStoredMinutes } from "../minutes/index.js";
import { createSend, escalation, ReplyEmailsMessage, requeueWaiting, sendReplyEmails } from "../sending/index.js";
import { getBody } from "../store/directory.js";
import { changeMeetingState, getMeetingRecord } from "../store/meetings.js";

/** What each kind of scheduled job does. */
export const jobHandlers: Partial<Record<JobKind, JobHandler>> = {
  "requeue-send": async (ctx, job) => {
    const n = await requeueWaiting(ctx, String(job.payload.sendId));
    if (n > 0) ctx.log.info("requeued waiting deliveries", { sendId: job.payload.sendId, n });
  },
  // A reply's outbox: runs after the queue message (a no-op then), or instead of it when queueing failed.
  "reply-emails": async (ctx, job) => {
    await sendReplyEmails(ctx, ReplyEmailsMessage.parse({ ...job.payload, kind: "reply-emails" }));
  },
  reminder: async (ctx, job) => {
    const meetingId = String(job.payload.meetingId);
    const meeting = await getMeetingRecord(ctx, meetingId);
    if (meeting.status === "cancelled") return;
    try {
      // The job id makes the send idempotent: a retried job does not remind twice.
      await createSend(ctx, {
        meetingId,
        template: "reminder",
        audience: "not_replied",
        idempotencyKey: `job-${job.id}`,
        by: "påminnelse (automatisk)",
      });
    } catch (err) {
      if (err instanceof ConflictError) return; // everyone has answered
      throw err;
    }
  },
  // The kommuner whose seats are still unanswered hear it at their postmottak (if the body still escalates).
  escalation: async (ctx, job) => {
    const meeting = await getMeetingRecord(ctx, String(job.payload.meetingId));
    if (meeting.status === "cancelled") return;
    if (!(await getBody(ctx, meeting.bodyId)).escalationDaysBeforeDeadline) return;
    const request = await escalation(ctx, meeting.id, `job-${job.id}`);
    if (request) await createSend(ctx, request);
  },
  "minutes-distribution": async (ctx, job) => {
    const meetingId = String(job.payload.meetingId);
    const minutes = await getStoredMinutes(ctx, meetingId);
    if (minutes?.status !== "approved") throw new Error("Referatet er ikke godkjent (lenger); ingenting ble sendt.");
    // To the body's list and the substitutes who attended (their invitations are live).
    await createSend(ctx, {
      meetingId,
      template: "minutes",
      audience: "all",
      idempotencyKey: `job-${job.id}`,
      by: "referat (planlagt)",
    });
    await changeMeetingState(ctx, meetingId, (m) => (m.status === "minutes_sent" ? undefined : { status: "minutes_sent" }));
  },
};
