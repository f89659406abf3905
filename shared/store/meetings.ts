import { createHash } from "node:crypto";
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import { ConflictError, InvalidError, NotFoundError } from "../errors.js";
import type {
  AddAgendaItemInput,
  CreateMeetingInput,
  SetNextCaseNumberInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from "../inputs.js";
import { AgendaItem, Attachment, Meeting } from "../model.js";
import { osloYear } from "../time.js";
import { checkMeetingTimes, formatCaseNumber, parseCaseNumber, toUtcIso } from "../meetings/index.js";
import { type Db, isConditionFailure, jitter, queryAll } from "./db.js";
import { getBody } from "./directory.js";
import { keys, newId, withoutKeys } from "./keys.js";

/** Meetings, their agenda (saker with numbers) and attachments (vedlegg). */

export async function createMeeting(d: Db, input: CreateMeetingInput, now: Date): Promise<Meeting> {
  await getBody(d, input.bodyId);
  const times = {
    startsAt: toUtcIso(input.startsAt),
    endsAt: toUtcIso(input.endsAt),
    replyDeadline: input.replyDeadline ? toUtcIso(input.replyDeadline) : undefined,
  };
  const errors = checkMeetingTimes(times);
  if (errors.length) throw new InvalidError(errors);
  const meeting: Meeting = {
    id: newId(),
    bodyId: input.bodyId,
    title: input.title,
    place: input.place,
    kind: input.kind,
    ...times,
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
  return { ...keys.meeting(m.id), GSI1PK: keys.bodyMeetingsIndex(m.bodyId), GSI1SK: `${m.startsAt}#${m.id}`, ...m };
}

export async function getMeetingRecord(d: Db, id: string): Promise<Meeting> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.meeting(id), ConsistentRead: true }));
  if (!out.Item) throw new NotFoundError(`møtet ${id}`);
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
  const head = items.find((i) => i.SK === "MEETING");
  if (!head) throw new NotFoundError(`møtet ${id}`);
  return {
    meeting: Meeting.parse(withoutKeys(head)),
    agenda: items
      .filter((i) => String(i.SK).startsWith("ITEM#"))
      .map((i) => AgendaItem.parse(withoutKeys(i)))
      .sort((a, b) => a.order - b.order),
    attachments: items
      .filter((i) => String(i.SK).startsWith("ATT#"))
      .map((i) => Attachment.parse(withoutKeys(i))),
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
  const [meeting, items, atts] = await Promise.all([getMeetingRecord(d, id), prefix("ITEM#"), prefix("ATT#")]);
  return {
    meeting,
    agenda: items.map((i) => AgendaItem.parse(withoutKeys(i))).sort((a, b) => a.order - b.order),
    attachments: atts.map((i) => Attachment.parse(withoutKeys(i))),
  };
}

export async function listMeetings(d: Db, bodyId: string): Promise<Meeting[]> {
  const items = await queryAll(d, {
    IndexName: "GSI1",
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.bodyMeetingsIndex(bodyId) },
  });
  return items.map((i) => Meeting.parse(withoutKeys(i)));
}

/**
 * Changes a meeting. Only the fields given are written, conditional on the version read, so a
 * status or SEQUENCE recorded meanwhile by a send or a cancel is never overwritten. Anything shown
 * in the invitation bumps the version (a new render, and SEQUENCE+1 at the next send).
 */
export async function updateMeeting(d: Db, id: string, input: z.infer<typeof UpdateMeetingInput>, now: Date): Promise<Meeting> {
  for (let attempt = 0; ; attempt++) {
    const current = await getMeetingRecord(d, id);
    const changes: Partial<Meeting> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.place !== undefined) changes.place = input.place;
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.startsAt !== undefined) changes.startsAt = toUtcIso(input.startsAt);
    if (input.endsAt !== undefined) changes.endsAt = toUtcIso(input.endsAt);
    if (input.replyDeadline !== undefined) changes.replyDeadline = input.replyDeadline ? toUtcIso(input.replyDeadline) : undefined;
    if (input.published !== undefined) changes.published = input.published;
    if (input.status !== undefined) changes.status = input.status;
    const next: Meeting = { ...current, ...changes, version: current.version + 1, updatedAt: now.toISOString() };
    if ("replyDeadline" in changes && changes.replyDeadline === undefined) delete next.replyDeadline;
    const errors = checkMeetingTimes(next);
    if (errors.length) throw new InvalidError(errors);
    const { sets, removes, names, values } = setExpression({ ...changes, version: next.version, updatedAt: next.updatedAt, GSI1SK: `${next.startsAt}#${next.id}` });
    try {
      await d.db.send(
        new UpdateCommand({
          TableName: d.tableName,
          Key: keys.meeting(id),
          UpdateExpression: `SET ${sets.join(", ")}${removes.length ? ` REMOVE ${removes.join(", ")}` : ""}`,
          ConditionExpression: "#version = :expectedVersion",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ":expectedVersion": current.version },
        }),
      );
      return next;
    } catch (err) {
      if (!isConditionFailure(err) || attempt > 20) throw err;
      await jitter(attempt);
    }
  }
}

/** SET/REMOVE clauses for the given fields (undefined removes the attribute). */
function setExpression(fields: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    names[`#${k}`] = k;
    if (v === undefined) removes.push(`#${k}`);
    else {
      values[`:${k}`] = v;
      sets.push(`#${k} = :${k}`);
    }
  }
  return { sets, removes, names, values };
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
  const { sets, names, values } = setExpression(patch);
  return {
    TableName: d.tableName,
    Key: keys.meeting(meeting.id),
    UpdateExpression: `SET ${sets.join(", ")}`,
    ConditionExpression: "#v0 = :v0 AND #seq0 = :seq0 AND #st0 = :st0",
    ExpressionAttributeNames: { ...names, "#v0": "version", "#seq0": "sequence", "#st0": "status" },
    ExpressionAttributeValues: { ...values, ":v0": meeting.version, ":seq0": meeting.sequence, ":st0": meeting.status },
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
export async function changeMeetingState(d: Db, meetingId: string, decide: (m: Meeting) => MeetingState | undefined): Promise<Meeting> {
  for (let attempt = 0; ; attempt++) {
    const meeting = await getMeetingRecord(d, meetingId);
    const patch = decide(meeting);
    if (!patch) return meeting;
    try {
      await setMeetingState(d, meeting, patch);
      return { ...meeting, ...patch };
    } catch (err) {
      if (!(err instanceof StaleMeetingError) || attempt > 20) throw err;
      await jitter(attempt);
    }
  }
}

const OPENING_ORDER = -1_000_000;
const CLOSING_ORDER = 1_000_000;

/**
 * Adds an agenda item. A case (decision/information) takes the body's next number for the meeting's
 * year in the same transaction as the item: the counter update is conditional on the value read, so
 * two simultaneous adds cannot take the same number, and a failed write takes none (no gaps).
 */
export async function addAgendaItem(d: Db, meetingId: string, input: z.infer<typeof AddAgendaItemInput>): Promise<AgendaItem> {
  for (let attempt = 0; ; attempt++) {
    const { meeting, agenda } = await getMeetingBundle(d, meetingId);
    if (meeting.status === "cancelled") throw new ConflictError("Møtet er avlyst; saklisten kan ikke endres.");
    if (input.kind === "opening" && agenda.some((i) => i.kind === "opening")) throw new ConflictError("Møtet har allerede et åpningspunkt.");
    if (input.kind === "closing" && agenda.some((i) => i.kind === "closing")) throw new ConflictError("Møtet har allerede «Eventuelt».");
    const numbered = input.kind === "decision" || input.kind === "information";
    const middle = agenda.filter((i) => i.kind !== "closing" && i.kind !== "opening");
    const item: AgendaItem = {
      id: newId(),
      meetingId,
      number: null,
      title: input.title,
      kind: input.kind,
      background: input.background,
      proposedDecision: input.proposedDecision,
      subItems: input.subItems,
      attachmentNumbers: input.attachmentNumbers,
      order: input.kind === "opening" ? OPENING_ORDER : input.kind === "closing" ? CLOSING_ORDER : (middle.at(-1)?.order ?? 0) + 10,
    };
    const tx: Record<string, unknown>[] = [];
    if (numbered) {
      const year = osloYear(meeting.startsAt);
      const counterKey = keys.caseCounter(meeting.bodyId, year);
      const counter = await d.db.send(new GetCommand({ TableName: d.tableName, Key: counterKey, ConsistentRead: true }));
      const seq = Number(counter.Item?.next ?? 1);
      item.number = formatCaseNumber(seq, year);
      tx.push(
        counter.Item
          ? {
              Update: {
                TableName: d.tableName,
                Key: counterKey,
                UpdateExpression: "SET #next = :after",
                ConditionExpression: "#next = :seq",
                ExpressionAttributeNames: { "#next": "next" },
                ExpressionAttributeValues: { ":seq": seq, ":after": seq + 1 },
              },
            }
          : { Put: { TableName: d.tableName, Item: { ...counterKey, next: seq + 1 }, ConditionExpression: "attribute_not_exists(PK)" } },
      );
    }
    tx.push(
      { Put: { TableName: d.tableName, Item: { ...keys.agendaItem(meetingId, item.id), ...item } } },
      bumpVersion(d, meeting),
    );
    try {
      await d.db.send(new TransactWriteCommand({ TransactItems: tx as never }));
      return item;
    } catch (err) {
      if (!isConditionFailure(err) || attempt > 60) throw err;
      await jitter(attempt);
    }
  }
}

function bumpVersion(d: Db, meeting: Meeting) {
  return {
    Update: {
      TableName: d.tableName,
      Key: keys.meeting(meeting.id),
      UpdateExpression: "SET version = :next",
      ConditionExpression: "version = :v",
      ExpressionAttributeValues: { ":v": meeting.version, ":next": meeting.version + 1 },
    },
  };
}

export async function updateAgendaItem(
  d: Db,
  meetingId: string,
  itemId: string,
  input: z.infer<typeof UpdateAgendaItemInput>,
): Promise<AgendaItem> {
  for (let attempt = 0; ; attempt++) {
    const { meeting, agenda } = await getMeetingBundle(d, meetingId);
    const current = agenda.find((i) => i.id === itemId);
    if (!current) throw new NotFoundError(`saken ${itemId} i møtet`);
    const next: AgendaItem = { ...current };
    if (input.title !== undefined) next.title = input.title;
    if (input.background !== undefined) next.background = input.background ?? undefined;
    if (input.proposedDecision !== undefined) next.proposedDecision = input.proposedDecision ?? undefined;
    if (input.subItems !== undefined) next.subItems = input.subItems;
    if (input.attachmentNumbers !== undefined) next.attachmentNumbers = input.attachmentNumbers;
    try {
      await d.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: d.tableName, Item: { ...keys.agendaItem(meetingId, itemId), ...next } } },
            bumpVersion(d, meeting),
          ] as never,
        }),
      );
      return next;
    } catch (err) {
      if (!isConditionFailure(err) || attempt > 20) throw err;
      await jitter(attempt);
    }
  }
}

/**
 * Moves a case to a new position among the cases. The meeting's own case numbers are dealt out
 * again in the new order, so the agenda always reads 12, 13, 14 … with no gap and no duplicate.
 * The opening and closing items stay first and last.
 */
export async function moveAgendaItem(d: Db, meetingId: string, itemId: string, position: number): Promise<AgendaItem[]> {
  for (let attempt = 0; ; attempt++) {
    const { meeting, agenda } = await getMeetingBundle(d, meetingId);
    const item = agenda.find((i) => i.id === itemId);
    if (!item) throw new NotFoundError(`saken ${itemId} i møtet`);
    if (item.kind === "opening" || item.kind === "closing") throw new ConflictError("Åpnings- og avslutningspunktene står fast.");
    const cases = agenda.filter((i) => i.kind !== "opening" && i.kind !== "closing");
    const rest = cases.filter((i) => i.id !== itemId);
    rest.splice(Math.min(position, rest.length), 0, item);
    const numbers = cases
      .map((i) => i.number)
      .filter((n): n is string => n !== null)
      .sort((a, b) => parseCaseNumber(a).year - parseCaseNumber(b).year || parseCaseNumber(a).seq - parseCaseNumber(b).seq);
    const reordered = rest.map((i, idx) => ({ ...i, order: (idx + 1) * 10, number: i.number === null ? null : (numbers.shift() ?? i.number) }));
    try {
      await d.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...reordered.map((i) => ({ Put: { TableName: d.tableName, Item: { ...keys.agendaItem(meetingId, i.id), ...i } } })),
            bumpVersion(d, meeting),
          ] as never,
        }),
      );
      return [...agenda.filter((i) => i.kind === "opening"), ...reordered, ...agenda.filter((i) => i.kind === "closing")];
    } catch (err) {
      if (!isConditionFailure(err) || attempt > 20) throw err;
      await jitter(attempt);
    }
  }
}

/** Sets the next case number (a body that starts using the system mid-year: seed 000 starts at 12/2017). */
export async function setNextCaseNumber(d: Db, bodyId: string, input: z.infer<typeof SetNextCaseNumberInput>): Promise<void> {
  await getBody(d, bodyId);
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.caseCounter(bodyId, input.year),
        UpdateExpression: "SET #next = :n",
        // Never backwards: that would hand out a number twice.
        ConditionExpression: "attribute_not_exists(#next) OR #next <= :n",
        ExpressionAttributeNames: { "#next": "next" },
        ExpressionAttributeValues: { ":n": input.next },
      }),
    );
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError(`Saksnummer lavere enn det neste ledige for ${input.year} ville gitt dubletter.`);
    throw err;
  }
}

export async function nextCaseNumber(d: Db, bodyId: string, year: number): Promise<number> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.caseCounter(bodyId, year), ConsistentRead: true }));
  return Number(out.Item?.next ?? 1);
}

// The allow-list and the size limit live with the other attachment rules.

/** The marker of a recorded upload: one per upload key, holding the number it got. */
const uploadMarker = (meetingId: string, uploadKey: string) => ({
  PK: keys.meeting(meetingId).PK,
  SK: `UPLOAD#${createHash("sha256").update(uploadKey).digest("hex")}`,
});

/** The attachment an upload was already recorded as, if it was. */
export async function findRecordedUpload(d: Db, meetingId: string, uploadKey: string): Promise<Attachment | undefined> {
  const marker = await d.db.send(new GetCommand({ TableName: d.tableName, Key: uploadMarker(meetingId, uploadKey), ConsistentRead: true }));
  if (!marker.Item) return undefined;
  const att = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.attachment(meetingId, Number(marker.Item.number)), ConsistentRead: true }));
  return att.Item ? Attachment.parse(withoutKeys(att.Item)) : undefined;
}

/**
 * Numbers a stored file (Vedlegg 1, 2 …) in one transaction: the counter, the attachment, the
 * meeting's version, and a marker for the upload it came from, written only if absent. So the
 * same upload recorded twice (a browser refresh, two requests racing) is one attachment: the
 * second call gets the first one back with created = false, and its own copy is not used.
 */
export async function addAttachment(
  d: Db,
  meetingId: string,
  file: { title: string; filename: string; contentType: string; size: number; blobKey: string; exempt: boolean; uploadKey: string },
  now: Date,
): Promise<{ attachment: Attachment; created: boolean }> {
  const marker = uploadMarker(meetingId, file.uploadKey);
  for (let attempt = 0; ; attempt++) {
    const meeting = await getMeetingRecord(d, meetingId);
    const counter = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.attachmentCounter(meetingId), ConsistentRead: true }));
    const n = Number(counter.Item?.next ?? 1);
    const att: Attachment = {
      meetingId,
      number: n,
      title: file.title,
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
      blobKey: file.blobKey,
      exempt: file.exempt,
      uploadedAt: now.toISOString(),
    };
    try {
      await d.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: d.tableName,
                Item: { ...keys.attachmentCounter(meetingId), next: n + 1 },
                ConditionExpression: counter.Item ? "#next = :n" : "attribute_not_exists(PK)",
                ...(counter.Item ? { ExpressionAttributeNames: { "#next": "next" }, ExpressionAttributeValues: { ":n": n } } : {}),
              },
            },
            { Put: { TableName: d.tableName, Item: { ...keys.attachment(meetingId, n), ...att } } },
            { Put: { TableName: d.tableName, Item: { ...marker, number: n, uploadedAt: att.uploadedAt }, ConditionExpression: "attribute_not_exists(PK)" } },
            bumpVersion(d, meeting),
          ] as never,
        }),
      );
      return { attachment: att, created: true };
    } catch (err) {
      if (!isConditionFailure(err) || attempt > 20) throw err;
      const recorded = await findRecordedUpload(d, meetingId, file.uploadKey);
      if (recorded) return { attachment: recorded, created: false };
      await jitter(attempt);
    }
  }
}

export async function setAttachmentExempt(d: Db, meetingId: string, n: number, exempt: boolean): Promise<void> {
  await d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: keys.attachment(meetingId, n),
      UpdateExpression: "SET exempt = :e",
      ConditionExpression: "attribute_exists(PK)",
      ExpressionAttributeValues: { ":e": exempt },
    }),
  );
}
