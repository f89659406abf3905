// Frozen snapshots of a meeting version (meeting, agenda, attachments, body) that a send's emails are made from.
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { AgendaItem, Attachment, Body, Meeting } from "../model.js";
import { type Db, isConditionFailure, queryAll } from "./db.js";
import { getBody } from "./directory.js";
import { keys, withoutKeys } from "./keys.js";
import { getMeetingRecord, StaleMeetingError } from "./meetings.js";

/**
 * What one version of a meeting said, frozen: the meeting, its agenda and attachments and the
 * body's contact. Every email of a send is composed from the snapshot of the version the send
 * recorded, so an edit during a send never mixes old and new content, and one SEQUENCE always
 * carries one content. Kept in its own partition so the meeting's partition stays small.
 */
export const MeetingSnapshot = z.object({
  meeting: Meeting,
  agenda: z.array(AgendaItem),
  attachments: z.array(Attachment),
  body: Body,
});
export type MeetingSnapshot = z.infer<typeof MeetingSnapshot>;

export async function getSnapshot(d: Db, meetingId: string, version: number): Promise<MeetingSnapshot | undefined> {
  const out = await d.db.send(
    new GetCommand({ TableName: d.tableName, Key: keys.snapshot(meetingId, version), ConsistentRead: true }),
  );
  return out.Item ? MeetingSnapshot.parse(withoutKeys(out.Item)) : undefined;
}

/**
 * Makes sure the snapshot of `meeting.version` exists. The agenda is read first and the meeting
 * record after it: every content change bumps the version in the same transaction, so equal
 * versions before and after mean the agenda read is exactly that version. Otherwise the meeting
 * moved on and the caller starts again (StaleMeetingError).
 */
export async function ensureSnapshot(d: Db, meeting: Meeting): Promise<void> {
  if (await getSnapshot(d, meeting.id, meeting.version)) return;
  const items = await queryAll(d, {
    KeyConditionExpression: "PK = :pk AND SK < :head",
    ExpressionAttributeValues: { ":pk": keys.meeting(meeting.id).PK, ":head": keys.invitationPrefix },
    ConsistentRead: true,
  });
  const agendaItems = await queryAll(d, {
    KeyConditionExpression: "PK = :pk AND begins_with(SK, :sk)",
    ExpressionAttributeValues: { ":pk": keys.meeting(meeting.id).PK, ":sk": keys.agendaItemPrefix },
    ConsistentRead: true,
  });
  const after = await getMeetingRecord(d, meeting.id);
  if (after.version !== meeting.version) throw new StaleMeetingError();
  const snapshot: MeetingSnapshot = {
    meeting: after,
    agenda: agendaItems.map((i) => AgendaItem.parse(withoutKeys(i))).sort((a, b) => a.order - b.order),
    attachments: items.filter((i) => String(i.SK).startsWith(keys.attachmentPrefix)).map((i) => Attachment.parse(withoutKeys(i))),
    body: await getBody(d, after.bodyId),
  };
  try {
    await d.db.send(
      new PutCommand({
        TableName: d.tableName,
        Item: { ...keys.snapshot(meeting.id, meeting.version), ...snapshot },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err; // written by a concurrent send: the same content
  }
}
