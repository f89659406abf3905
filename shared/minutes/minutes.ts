// Minutes (referat): drafted from the replies and the proposed decisions, edited, approved (locked), and
// distributed at a chosen time by a scheduled job. A correction after approval makes a new version with a
// reason; every saved version is kept.

import type { AppContext } from "../context.js";
import { ConflictError, InvalidError, NotFoundError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { nbMinutes } from "../i18n/nb-minutes.js";
import { SaveMinutesInput } from "../inputs.js";
import { rescheduleJob, scheduleJob } from "../jobs/index.js";
import type { Minutes } from "../model.js";
import { getBody, listMembers } from "../store/directory.js";
import { invitationsOf } from "../store/invitations.js";
import { changeMeetingState, getMeetingBundle, getMeetingRecord } from "../store/meetings.js";
import { getMinutesVersion, getStoredMinutes, listMinutesVersions, writeMinutesVersion } from "../store/minutes.js";
import { formatOsloDateTime, toUtcIso } from "../time.js";
import { draftMinutes, type EditContext, editMinutes } from "./rules.js";

export { getStoredMinutes } from "../store/minutes.js";

/** Minutes tell what happened: none can be approved or sent before the meeting has begun. */
async function requireStarted(ctx: AppContext, meetingId: string): Promise<void> {
  const meeting = await getMeetingRecord(ctx, meetingId);
  if (ctx.clock.now().toISOString() < meeting.startsAt)
    throw new ConflictError(nbMinutes.rules.notStarted(formatOsloDateTime(meeting.startsAt)));
}

/** One saved version (a NotFoundError if there is none such). */
export async function getMinutesVersionOf(ctx: AppContext, meetingId: string, version: number): Promise<Minutes> {
  const found = await getMinutesVersion(ctx, meetingId, version);
  if (!found) throw new NotFoundError(nbMinutes.rules.noSuchVersion(version));
  return found;
}

/** Every saved version, oldest first (a NotFoundError for an unknown meeting, not an empty list). */
export async function listMinutesVersionsOf(ctx: AppContext, meetingId: string): Promise<Minutes[]> {
  const [, versions] = await Promise.all([getMeetingRecord(ctx, meetingId), listMinutesVersions(ctx, meetingId)]);
  return versions;
}

/**
 * The referat the public may read: the current one when approved, else (a correction under way) the last
 * approved version; undefined when none was ever approved.
 */
export async function publishedMinutes(ctx: AppContext, meetingId: string): Promise<Minutes | undefined> {
  const current = await getStoredMinutes(ctx, meetingId);
  if (!current || current.status === "approved") return current;
  if (!current.correctionReason) return undefined;
  return (await listMinutesVersions(ctx, meetingId)).filter((v) => v.status === "approved").at(-1);
}

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
        // The whole path ("items.2.subItems.0.text"), as the API's own validation names fields: a page can point at the input.
        field: issue.path.join(".") || "minutes",
        message:
          issue.code === "too_big"
            ? nbMinutes.rules.tooBig(Number(issue.maximum))
            : issue.code === "custom"
              ? issue.message
              : nbMinutes.rules.invalidValue,
      })),
    );
  }
  const current = await getMinutes(ctx, meetingId);
  const edit: EditContext = {};
  // The meeting's attachments (to check the chosen ones) and whether a correction follows a distribution.
  if (parsed.data.attachmentNumbers || current.status === "approved") {
    const bundle = await getMeetingBundle(ctx, meetingId);
    edit.attachmentNumbers = bundle.attachments.map((a) => a.number);
    edit.distributed = bundle.meeting.status === "minutes_sent";
  }
  const next = editMinutes(current, parsed.data, by, ctx.clock.now(), edit);
  await writeMinutesVersion(ctx, current, next);
  return next;
}

export async function approveMinutes(ctx: AppContext, meetingId: string, by: string): Promise<Minutes> {
  const current = await getMinutes(ctx, meetingId);
  if (current.status === "approved") return current;
  await requireStarted(ctx, meetingId);
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
export async function scheduleMinutes(
  ctx: AppContext,
  meetingId: string,
  at: string,
  by: string,
  opts: { attachPdf?: boolean } = {},
): Promise<Minutes> {
  const current = await getMinutes(ctx, meetingId);
  if (current.status !== "approved") throw new ConflictError(t.rules.minutesNotApproved);
  await requireStarted(ctx, meetingId);
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
    attachPdf: opts.attachPdf === true,
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
