// Minutes (referat): drafted from the replies and the proposed decisions, edited, approved (locked), and
// distributed at a chosen time by a scheduled job. A correction after approval makes a new version with a
// reason; every saved version is kept.

import type { AppContext } from "../context.js";
import { ConflictError, InvalidError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { SaveMinutesInput } from "../inputs.js";
import { rescheduleJob, scheduleJob } from "../jobs/index.js";
import type { Minutes } from "../model.js";
import { getBody, listMembers } from "../store/directory.js";
import { invitationsOf } from "../store/invitations.js";
import { changeMeetingState, getMeetingBundle } from "../store/meetings.js";
import { getStoredMinutes, writeMinutesVersion } from "../store/minutes.js";
import { toUtcIso } from "../time.js";
import { draftMinutes, editMinutes } from "./rules.js";

export { getStoredMinutes } from "../store/minutes.js";

/** The current minutes, or a fresh draft built from the meeting's data. */
export async function getMinutes(ctx: AppContext, meetingId: string): Promise<Minutes> {
  const stored = await getStoredMinutes(ctx, meetingId);
  if (stored) return stored;
  const bundle = await getMeetingBundle(ctx, meetingId);
  const [body, members] = await Promise.all([getBody(ctx, bundle.meeting.bodyId), listMembers(ctx, bundle.meeting.bodyId)]);
  return draftMinutes({ ...bundle, invitations: invitationsOf(bundle.rest) }, body, members, ctx.clock.now());
}

/** Saves edits. Approved minutes only change with a correction reason, as a new version. */
export async function saveMinutes(ctx: AppContext, meetingId: string, raw: SaveMinutesInput, by: string): Promise<Minutes> {
  // Checked here, whoever calls: a value the stored record cannot hold (an attendee line of 300
  // characters from the page's free text) must be refused now, not break every later read.
  const parsed = SaveMinutesInput.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidError(
      parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? "minutes"),
        message: issue.code === "too_big" ? `For langt eller for mange (høyst ${String(issue.maximum)}).` : "Ugyldig verdi.",
      })),
    );
  }
  const current = await getMinutes(ctx, meetingId);
  const next = editMinutes(current, parsed.data, by, ctx.clock.now());
  await writeMinutesVersion(ctx, current, next);
  return next;
}

export async function approveMinutes(ctx: AppContext, meetingId: string, by: string): Promise<Minutes> {
  const current = await getMinutes(ctx, meetingId);
  if (current.status === "approved") return current;
  const now = ctx.clock.now().toISOString();
  const next: Minutes = {
    ...current,
    status: "approved",
    approvedAt: now,
    approvedBy: by,
    updatedAt: now,
    updatedBy: by,
    version: current.version + 1,
  };
  await writeMinutesVersion(ctx, current, next);
  await changeMeetingState(ctx, meetingId, (m) =>
    m.status === "minutes_sent" || m.status === "minutes_approved" ? undefined : { status: "minutes_approved" },
  );
  return next;
}

/** Schedules (or moves) the distribution. Only approved minutes are sent. */
export async function scheduleMinutes(ctx: AppContext, meetingId: string, at: string, by: string): Promise<Minutes> {
  const current = await getMinutes(ctx, meetingId);
  if (current.status !== "approved") throw new ConflictError(t.rules.minutesNotApproved);
  const now = ctx.clock.now();
  const when = at === "now" ? now.toISOString() : toUtcIso(at);
  let jobId = current.scheduledJobId;
  if (!(jobId && (await rescheduleJob(ctx, jobId, { dueAt: when })))) {
    jobId = (await scheduleJob(ctx, "minutes-distribution", when, { meetingId, minutesVersion: current.version }, now)).id;
  }
  const next: Minutes = {
    ...current,
    scheduledJobId: jobId,
    scheduledFor: when,
    updatedAt: now.toISOString(),
    updatedBy: by,
    version: current.version + 1,
  };
  await writeMinutesVersion(ctx, current, next);
  return next;
}

export async function cancelScheduledMinutes(ctx: AppContext, meetingId: string, by: string): Promise<Minutes> {
  const current = await getMinutes(ctx, meetingId);
  if (!current.scheduledJobId) throw new ConflictError(t.rules.noDistributionPlanned);
  if (!(await rescheduleJob(ctx, current.scheduledJobId, { cancel: true }))) throw new ConflictError(t.rules.distributionStarted);
  const next: Minutes = {
    ...current,
    scheduledJobId: undefined,
    scheduledFor: undefined,
    updatedAt: ctx.clock.now().toISOString(),
    updatedBy: by,
    version: current.version + 1,
  };
  await writeMinutesVersion(ctx, current, next);
  return next;
}
