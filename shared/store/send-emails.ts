// The email of a send, prepared once (rendered, MIME with slots) and kept beside the send; and the preview marker.
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type Db, putIfAbsent } from "./db.js";
import { keys } from "./keys.js";

/** The prepared email of a send as stored (the sending domain validates it), or undefined. */
export async function getSendEmail(d: Db, sendId: string): Promise<unknown> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.sendEmail(sendId), ConsistentRead: true }));
  return out.Item?.email;
}

/** Stores the prepared email unless another worker stored one first; returns false then. */
export async function putSendEmail(d: Db, sendId: string, email: unknown): Promise<boolean> {
  return putIfAbsent(d, { ...keys.sendEmail(sendId), email });
}

/** Marks that a meeting version's preview has been rendered (the send page waits for it). */
export async function markPreviewReady(d: Db, meetingId: string, version: number, at: string): Promise<void> {
  await d.db.send(
    new PutCommand({ TableName: d.tableName, Item: { ...keys.preview(meetingId, version), version, createdAt: at } }),
  );
}

/** Whether a meeting version's preview has been rendered. */
export async function previewIsReady(d: Db, meetingId: string, version: number): Promise<boolean> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.preview(meetingId, version) }));
  return out.Item !== undefined;
}
