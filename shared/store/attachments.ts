// A meeting's attachments (vedlegg) in the table: numbered once per upload, with the meeting's version bump.
import { GetCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { NotFoundError } from "../errors.js";
import { nbMeetings } from "../i18n/nb-meetings.js";
import { Attachment } from "../model.js";
import { type Db, retryOnConflict } from "./db.js";
import { keys, withoutKeys } from "./keys.js";
import { bumpVersion, getMeetingBundle, getMeetingRecord, type MeetingAgenda } from "./meetings.js";
import { getSnapshot } from "./snapshots.js";

/** The attachment an upload was already recorded as, if it was. */
export async function findRecordedUpload(d: Db, meetingId: string, uploadKey: string): Promise<Attachment | undefined> {
  const marker = await d.db.send(
    new GetCommand({ TableName: d.tableName, Key: keys.uploadMarker(meetingId, uploadKey), ConsistentRead: true }),
  );
  if (!marker.Item) return undefined;
  const att = await d.db.send(
    new GetCommand({ TableName: d.tableName, Key: keys.attachment(meetingId, Number(marker.Item.number)), ConsistentRead: true }),
  );
  return att.Item ? Attachment.parse(withoutKeys(att.Item)) : undefined;
}

/**
 * Numbers a stored file (Vedlegg 1, 2 …) in one transaction: the counter, the attachment, the
 * meeting's version, and a marker for the upload it came from, written only if absent. So the
 * same upload recorded twice (a browser refresh, two requests racing) is one attachment: the
 * second call gets the first one back with created = false, and its own copy is not used.
 */
export function addAttachment(
  d: Db,
  meetingId: string,
  file: {
    title: string;
    filename: string;
    contentType: string;
    size: number;
    blobKey: string;
    exempt: boolean;
    uploadKey: string;
  },
  now: Date,
): Promise<{ attachment: Attachment; created: boolean }> {
  const marker = keys.uploadMarker(meetingId, file.uploadKey);
  return retryOnConflict(
    async (attempt) => {
      // After a lost race: it may have been this very upload, recorded by the winner.
      const recorded = attempt > 0 ? await findRecordedUpload(d, meetingId, file.uploadKey) : undefined;
      if (recorded) return { attachment: recorded, created: false };
      const meeting = await getMeetingRecord(d, meetingId);
      const counter = await d.db.send(
        new GetCommand({ TableName: d.tableName, Key: keys.attachmentCounter(meetingId), ConsistentRead: true }),
      );
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
      await d.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: d.tableName,
                Item: { ...keys.attachmentCounter(meetingId), next: n + 1 },
                ConditionExpression: counter.Item ? "#next = :n" : "attribute_not_exists(PK)",
                ...(counter.Item
                  ? { ExpressionAttributeNames: { "#next": "next" }, ExpressionAttributeValues: { ":n": n } }
                  : {}),
              },
            },
            { Put: { TableName: d.tableName, Item: { ...keys.attachment(meetingId, n), ...att } } },
            {
              Put: {
                TableName: d.tableName,
                Item: { ...marker, number: n, uploadedAt: att.uploadedAt },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
            bumpVersion(d, meeting),
          ],
        }),
      );
      return { attachment: att, created: true };
    },
    { retries: 20 },
  );
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

/** What deciding whether an attachment may go needs: the meeting as read, and the numbers its last send carried. */
export interface AttachmentRemovalRead extends MeetingAgenda {
  attachment: Attachment;
  /** The attachments of the version last sent out; undefined: never sent. A lost snapshot counts as all sent. */
  sentNumbers?: number[];
}

/**
 * Deletes an attachment record, with the meeting's version bump, if `check` (which throws to
 * refuse) allows it from the meeting as read. Returns the record, so its file can be deleted.
 */
export function removeAttachment(
  d: Db,
  meetingId: string,
  n: number,
  check: (read: AttachmentRemovalRead) => void,
): Promise<Attachment> {
  return retryOnConflict(
    async () => {
      const { meeting, agenda, attachments } = await getMeetingBundle(d, meetingId);
      const attachment = attachments.find((a) => a.number === n);
      if (!attachment) throw new NotFoundError(nbMeetings.rules.attachment(n));
      const sent = meeting.invitedVersion === undefined ? undefined : await getSnapshot(d, meetingId, meeting.invitedVersion);
      const sentNumbers =
        meeting.invitedVersion === undefined ? undefined : (sent?.attachments ?? attachments).map((a) => a.number);
      check({ meeting, agenda, attachments, attachment, sentNumbers });
      await d.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: { TableName: d.tableName, Key: keys.attachment(meetingId, n), ConditionExpression: "attribute_exists(PK)" },
            },
            bumpVersion(d, meeting),
          ],
        }),
      );
      return attachment;
    },
    { retries: 20 },
  );
}
