// The meeting record in the table: create, read (alone, with its agenda, with its whole partition), list, change, state.

import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ConflictError, NotFoundError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { AgendaItem, Attachment, Meeting } from "../model.js";
import { type Db, isConditionFailure, patchUpdate, queryAll, retryOnConflict } from "./db.js";
import { keys, newId, withoutKeys } from "./keys.js";
import { GSI } from "./table-schema.js";

/** What a new meeting is made of; the store adds id, status, version and timestamps. Times are UTC ISO. */
export type NewMeeting = Pick<Meeting, "bodyId" | "title" | "place" | "kind" | "startsAt" | "endsAt" | "replyDeadline">;

export async function insertMeeting(d: Db, fields: NewMeeting, now: Date): Promise<Meeting> {
  const meeting: Meeting = {
    id: newId(),
    ...fields,
    status: "draft",
    version: 1,
    sequence: 0,
    published: false,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: meetingItem(meeting) }));
  return meeting;
}

function meetingItem(m: Meeting) {
  return { ...keys.meeting(m.id), ...keys.bodyMeetingsEntry(m.bodyId, m.startsAt, m.id), ...m };
}

export async function getMeetingRecord(d: Db, id: string): Promise<Meeting> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.meeting(id), ConsistentRead: true }));
  if (!out.Item) throw new NotFoundError(t.rules.meeting(id));
  return Meeting.parse(withoutKeys(out.Item));
}

export interface MeetingBundle {
  meeting: Meeting;
  agenda: AgendaItem[];
  attachments: Attachment[];
  /** Every other item of the meeting's partition (invitations, reply history), raw; read by their own modules. */
  rest: Record<string, unknown>[];
}

/** The meeting with its agenda, attachments, invitations and replies: one query on its partition. */
export async function getMeetingBundle(d: Db, id: string): Promise<MeetingBundle> {
  const items = await queryAll(d, {
    KeyConditionExpression: "PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.meeting(id).PK },
    ConsistentRead: true,
  });
  const head = items.find((i) => i.SK === keys.meeting(id).SK);
  if (!head) throw new NotFoundError(t.rules.meeting(id));
  return {
    meeting: Meeting.parse(withoutKeys(head)),
    agenda: items
      .filter((i) => String(i.SK).startsWith(keys.agendaItemPrefix))
      .map((i) => AgendaItem.parse(withoutKeys(i)))
      .sort((a, b) => a.order - b.order),
    attachments: items.filter((i) => String(i.SK).startsWith(keys.attachmentPrefix)).map((i) => Attachment.parse(withoutKeys(i))),
    rest: items.filter((i) => !/^(MEETING|ITEM#|ATT#|ATTCOUNTER)/.test(String(i.SK))),
  };
}

/**
 * The meeting with its agenda and attachments only (the reply form's read): two prefix queries
 * instead of the whole partition, which also holds every invitation and reply.
 */
export type MeetingAgenda = Omit<MeetingBundle, "rest">;

export async function getMeetingAgenda(d: Db, id: string): Promise<MeetingAgenda> {
  const prefix = (p: string) =>
    queryAll(d, {
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
      ExpressionAttributeValues: { ":pk": keys.meeting(id).PK, ":sk": p },
    });
  const [meeting, items, atts] = await Promise.all([
    getMeetingRecord(d, id),
    prefix(keys.agendaItemPrefix),
    prefix(keys.attachmentPrefix),
  ]);
  return {
    meeting,
    agenda: items.map((i) => AgendaItem.parse(withoutKeys(i))).sort((a, b) => a.order - b.order),
    attachments: atts.map((i) => Attachment.parse(withoutKeys(i))),
  };
}

export async function listMeetings(d: Db, bodyId: string): Promise<Meeting[]> {
  const items = await queryAll(d, {
    IndexName: GSI.lookups,
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.bodyMeetingsIndex(bodyId) },
  });
  return items.map((i) => Meeting.parse(withoutKeys(i)));
}

/** Fields of a meeting a secretary may change; undefined removes (only the reply deadline may be absent). */
export type MeetingChanges = Partial<
  Pick<Meeting, "title" | "place" | "kind" | "startsAt" | "endsAt" | "replyDeadline" | "published" | "status">
>;

/**
 * Changes a meeting. Only the fields given are written, conditional on the version read, so a
 * status or SEQUENCE recorded meanwhile by a send or a cancel is never overwritten. Anything shown
 * in the invitation bumps the version (a new render, and SEQUENCE+1 at the next send). `check`
 * sees the meeting as it would be and throws to refuse it.
 */
export function updateMeeting(
  d: Db,
  id: string,
  changes: MeetingChanges,
  now: Date,
  check: (next: Meeting) => void,
): Promise<Meeting> {
  return retryOnConflict(
    async () => {
      const current = await getMeetingRecord(d, id);
      const next: Meeting = { ...current, ...changes, version: current.version + 1, updatedAt: now.toISOString() };
      if ("replyDeadline" in changes && changes.replyDeadline === undefined) delete next.replyDeadline;
      check(next);
      const patch = {
        ...changes,
        version: next.version,
        updatedAt: next.updatedAt,
        ...keys.bodyMeetingsEntry(next.bodyId, next.startsAt, next.id),
      };
      await d.db.send(
        new UpdateCommand({
          TableName: d.tableName,
          Key: keys.meeting(id),
          ...patchUpdate(patch, { expression: "#v0 = :v0", names: { "#v0": "version" }, values: { ":v0": current.version } }),
        }),
      );
      return next;
    },
    { retries: 20 },
  );
}

export type MeetingState = Partial<Pick<Meeting, "status" | "sequence" | "invitedVersion">>;

/** The meeting changed (content, status or SEQUENCE) since it was read. */
export class StaleMeetingError extends ConflictError {
  constructor() {
    super("Møtet ble endret samtidig. Prøv igjen.");
    this.name = "StaleMeetingError";
  }
}

/**
 * The write that records a state change (status, SEQUENCE, version sent), conditional on the
 * meeting being exactly as read: same version, same SEQUENCE, same status. So a cancel and a
 * send racing each other cannot both win, and SEQUENCE only ever grows.
 */
export function meetingStateUpdate(d: Db, meeting: Meeting, patch: MeetingState) {
  if (patch.sequence !== undefined && patch.sequence < meeting.sequence) throw new Error("SEQUENCE may only grow");
  return {
    TableName: d.tableName,
    Key: keys.meeting(meeting.id),
    ...patchUpdate(patch, {
      expression: "#v0 = :v0 AND #seq0 = :seq0 AND #st0 = :st0",
      names: { "#v0": "version", "#seq0": "sequence", "#st0": "status" },
      values: { ":v0": meeting.version, ":seq0": meeting.sequence, ":st0": meeting.status },
    }),
  };
}

/** Sets a meeting's state if it is still as read; StaleMeetingError otherwise. */
export async function setMeetingState(d: Db, meeting: Meeting, patch: MeetingState): Promise<void> {
  if (!Object.keys(patch).length) return;
  try {
    await d.db.send(new UpdateCommand(meetingStateUpdate(d, meeting, patch)));
  } catch (err) {
    if (isConditionFailure(err)) throw new StaleMeetingError();
    throw err;
  }
}

/** Re-reads and retries a state change decided from the current meeting (undefined: nothing to do). */
export function changeMeetingState(d: Db, meetingId: string, decide: (m: Meeting) => MeetingState | undefined): Promise<Meeting> {
  return retryOnConflict(
    async () => {
      const meeting = await getMeetingRecord(d, meetingId);
      const patch = decide(meeting);
      if (!patch) return meeting;
      await setMeetingState(d, meeting, patch);
      return { ...meeting, ...patch };
    },
    { retries: 20, retryIf: (err) => err instanceof StaleMeetingError },
  );
}

/**
 * The transaction part that bumps the meeting's version, conditional on the meeting being as read
 * (agenda and attachment writes). A send does not bump the version but records its status and the
 * version sent: those are in the condition too, so a deletion decided before an innkalling went
 * out is decided again after it (and becomes a withdrawal, the numbers staying as sent).
 */
export function bumpVersion(d: Db, meeting: Meeting) {
  const sent = meeting.invitedVersion === undefined ? "attribute_not_exists(invitedVersion)" : "invitedVersion = :iv";
  return {
    Update: {
      TableName: d.tableName,
      Key: keys.meeting(meeting.id),
      UpdateExpression: "SET version = :next",
      ConditionExpression: `version = :v AND #status = :st AND ${sent}`,
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: {
        ":v": meeting.version,
        ":next": meeting.version + 1,
        ":st": meeting.status,
        ...(meeting.invitedVersion === undefined ? {} : { ":iv": meeting.invitedVersion }),
      },
    },
  };
}
