import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { ConflictError, InvalidError } from "../errors.js";
import type { Body, Member } from "../model.js";
import { toUtcIso } from "../meetings/index.js";
import { rescheduleJob, scheduleJob } from "../jobs/index.js";
import { type Db, isConditionFailure } from "../store/db.js";
import { getBody, listMembers } from "../store/directory.js";
import { invitationsOf } from "../store/invitations.js";
import { withoutKeys } from "../store/keys.js";
import { changeMeetingState, getMeetingBundle, type MeetingBundle } from "../store/meetings.js";
import { dateTimeInput } from "../inputs.js";

/**
 * Minutes (referat): drafted from the replies and the proposed decisions, edited, approved
 * (locked), and distributed at a chosen time by a scheduled job. A correction after approval
 * makes a new version with a reason; every saved version is kept.
 */
export const Attendee = z.object({
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().max(200).optional(),
  /** For a substitute: the member they replaced ("Kari Solberg Økland for Trond Julin"). */
  substituteFor: z.string().trim().max(200).optional(),
});
export type Attendee = z.infer<typeof Attendee>;

export const MinutesItem = z.object({
  itemId: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  text: z.string().max(20_000).optional(),
  decision: z.string().max(5_000).optional(),
  status: z.enum(["decided", "noted", "postponed"]),
});

export const Minutes = z.object({
  meetingId: z.string(),
  version: z.number().int(),
  status: z.enum(["draft", "approved"]),
  startedAt: z.string(),
  endedAt: z.string(),
  place: z.string(),
  present: z.array(Attendee),
  absent: z.array(Attendee),
  secretariat: z.array(z.string()),
  items: z.array(MinutesItem),
  approvedAt: z.string().optional(),
  approvedBy: z.string().optional(),
  correctionReason: z.string().optional(),
  scheduledJobId: z.string().optional(),
  scheduledFor: z.string().optional(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Minutes = z.infer<typeof Minutes>;

export const SaveMinutesInput = z.strictObject({
  startedAt: dateTimeInput.optional(),
  endedAt: dateTimeInput.optional(),
  place: z.string().trim().min(1).max(300).optional(),
  present: z.array(Attendee.strict()).max(200).optional(),
  absent: z.array(Attendee.strict()).max(200).optional(),
  secretariat: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  items: z
    .array(
      z.strictObject({
        itemId: z.string().min(1),
        text: z.string().trim().max(20_000).optional(),
        decision: z.string().trim().max(5_000).optional(),
        status: z.enum(["decided", "noted", "postponed"]).optional(),
      }),
    )
    .max(200)
    .optional(),
  /** Required when changing approved minutes: why the correction. */
  correctionReason: z.string().trim().min(1).max(500).optional(),
});

export const ScheduleMinutesInput = z.strictObject({
  /** Oslo wall-clock or an instant; "now" sends at the next tick. */
  at: z.union([z.literal("now"), dateTimeInput]),
});

const minutesKey = (meetingId: string) => ({ PK: `MEETING#${meetingId}`, SK: "MINUTES" });
const minutesVersionKey = (meetingId: string, v: number) => ({ PK: `MEETING#${meetingId}`, SK: `MINUTESV#${String(v).padStart(4, "0")}` });

export async function getStoredMinutes(d: Db, meetingId: string): Promise<Minutes | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: minutesKey(meetingId), ConsistentRead: true }));
  return out.Item ? Minutes.parse(withoutKeys(out.Item)) : undefined;
}

/** The current minutes, or a fresh draft built from the meeting's data. */
export async function getMinutes(ctx: AppContext, meetingId: string): Promise<Minutes> {
  const stored = await getStoredMinutes(ctx, meetingId);
  if (stored) return stored;
  const bundle = await getMeetingBundle(ctx, meetingId);
  const [body, members] = await Promise.all([getBody(ctx, bundle.meeting.bodyId), listMembers(ctx, bundle.meeting.bodyId)]);
  return draftMinutes(bundle, body, members, ctx.clock.now());
}

/** Present, absent and substitutes from the replies; decisions pre-filled from the proposed decisions. */
export function draftMinutes(bundle: MeetingBundle, body: Body, members: Member[], now: Date): Minutes {
  const invitations = invitationsOf(bundle.rest);
  const seats = invitations.filter((i) => !i.substituteFor);
  const present: Attendee[] = [];
  const absent: Attendee[] = [];
  for (const inv of seats) {
    const org = inv.organisationName;
    if (inv.reply?.status === "attending") present.push({ name: inv.name, organisation: org });
    else if (inv.reply?.status === "substitute" && inv.reply.substitute) {
      present.push({ name: inv.reply.substitute.name, organisation: org, substituteFor: inv.name });
    } else if (!inv.withdrawn) absent.push({ name: inv.name, organisation: org });
  }
  // In the order they were added (ids are time-ordered), as the secretariat lists itself.
  const secretariat = members
    .filter((m) => m.role === "secretariat")
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((m) => m.personName);
  if (secretariat.length === 0) secretariat.push(body.secretariat.name);
  return {
    meetingId: bundle.meeting.id,
    version: 0,
    status: "draft",
    startedAt: bundle.meeting.startsAt,
    endedAt: bundle.meeting.endsAt,
    place: bundle.meeting.place,
    present,
    absent,
    secretariat,
    items: bundle.agenda.map((i) => ({
      itemId: i.id,
      number: i.number,
      title: i.title,
      text: i.background,
      decision: i.proposedDecision,
      status: i.kind === "information" ? "noted" : "decided",
    })),
    updatedAt: now.toISOString(),
    updatedBy: "utkast",
  };
}

/** Saves edits. Approved minutes only change with a correction reason, as a new version. */
export async function saveMinutes(ctx: AppContext, meetingId: string, raw: z.infer<typeof SaveMinutesInput>, by: string): Promise<Minutes> {
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
  const input = parsed.data;
  const current = await getMinutes(ctx, meetingId);
  if (current.status === "approved" && !input.correctionReason) {
    throw new InvalidError([{ field: "correctionReason", message: "Referatet er godkjent; oppgi grunnen til rettelsen." }]);
  }
  const next: Minutes = { ...current, updatedAt: ctx.clock.now().toISOString(), updatedBy: by, version: current.version + 1 };
  if (input.startedAt) next.startedAt = toUtcIso(input.startedAt);
  if (input.endedAt) next.endedAt = toUtcIso(input.endedAt);
  if (next.endedAt <= next.startedAt) throw new InvalidError([{ field: "endedAt", message: "Slutt må være etter start." }]);
  if (input.place) next.place = input.place;
  if (input.present) next.present = input.present;
  if (input.absent) next.absent = input.absent;
  if (input.secretariat) next.secretariat = input.secretariat;
  if (input.items) {
    for (const change of input.items) {
      const item = next.items.find((i) => i.itemId === change.itemId);
      if (!item) throw new InvalidError([{ field: "items", message: `Ukjent sak ${change.itemId}.` }]);
      if (change.text !== undefined) item.text = change.text || undefined;
      if (change.decision !== undefined) item.decision = change.decision || undefined;
      if (change.status) item.status = change.status;
    }
  }
  if (current.status === "approved") {
    // A correction: back to draft for re-approval, with the reason on record.
    next.status = "draft";
    next.correctionReason = input.correctionReason;
    delete next.approvedAt;
    delete next.approvedBy;
  }
  await writeVersion(ctx, current, next);
  return next;
}

async function writeVersion(ctx: AppContext, current: Minutes, next: Minutes): Promise<void> {
  try {
    await ctx.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: ctx.tableName,
              Item: { ...minutesKey(next.meetingId), ...next },
              ConditionExpression: current.version === 0 ? "attribute_not_exists(PK)" : "version = :v",
              ...(current.version === 0 ? {} : { ExpressionAttributeValues: { ":v": current.version } }),
            },
          },
          { Put: { TableName: ctx.tableName, Item: { ...minutesVersionKey(next.meetingId, next.version), ...next } } },
        ],
      }),
    );
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError("Referatet ble endret av noen andre samtidig. Last inn på nytt.");
    throw err;
  }
}

export async function approveMinutes(ctx: AppContext, meetingId: string, by: string): Promise<Minutes> {
  const current = await getMinutes(ctx, meetingId);
  if (current.status === "approved") return current;
  const now = ctx.clock.now().toISOString();
  const next: Minutes = { ...current, status: "approved", approvedAt: now, approvedBy: by, updatedAt: now, updatedBy: by, version: current.version + 1 };
  await writeVersion(ctx, current, next);
  await changeMeetingState(ctx, meetingId, (m) => (m.status === "minutes_sent" || m.status === "minutes_approved" ? undefined : { status: "minutes_approved" }));
  return next;
}

/** Schedules (or moves) the distribution. Only approved minutes are sent. */
export async function scheduleMinutes(ctx: AppContext, meetingId: string, at: string, by: string): Promise<Minutes> {
  const current = await getMinutes(ctx, meetingId);
  if (current.status !== "approved") throw new ConflictError("Referatet må godkjennes før det kan sendes.");
  const now = ctx.clock.now();
  const when = at === "now" ? now.toISOString() : toUtcIso(at);
  let jobId = current.scheduledJobId;
  if (!(jobId && (await rescheduleJob(ctx, jobId, { dueAt: when })))) {
    jobId = (await scheduleJob(ctx, "minutes-distribution", when, { meetingId, minutesVersion: current.version }, now)).id;
  }
  const next: Minutes = { ...current, scheduledJobId: jobId, scheduledFor: when, updatedAt: now.toISOString(), updatedBy: by, version: current.version + 1 };
  await writeVersion(ctx, current, next);
  return next;
}

export async function cancelScheduledMinutes(ctx: AppContext, meetingId: string, by: string): Promise<Minutes> {
  const current = await getMinutes(ctx, meetingId);
  if (!current.scheduledJobId) throw new ConflictError("Ingen utsendelse er planlagt.");
  if (!(await rescheduleJob(ctx, current.scheduledJobId, { cancel: true }))) throw new ConflictError("Utsendelsen har allerede startet.");
  const next: Minutes = { ...current, scheduledJobId: undefined, scheduledFor: undefined, updatedAt: ctx.clock.now().toISOString(), updatedBy: by, version: current.version + 1 };
  await writeVersion(ctx, current, next);
  return next;
}

/** Formats an attendee as in seed 001: "Erik Kjeldstadli, Bærum" / "Kari Solberg Økland for Trond Julin, Drammen". */
export function attendeeLine(a: Attendee): string {
  return `${a.name}${a.substituteFor ? ` for ${a.substituteFor}` : ""}${a.organisation ? `, ${a.organisation}` : ""}`;
}
