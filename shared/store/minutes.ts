// A meeting's minutes in the table: the current record, and each saved version beside it (MINUTESV#n).

import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { ConflictError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { Minutes } from "../model.js";
import { type Db, type Item, isConditionFailure, queryAll } from "./db.js";
import { keys, withoutKeys } from "./keys.js";

/** A stored record as minutes: records from before the secretariat had organisations hold plain names. */
function minutesOf(item: Item): Minutes {
  const record = withoutKeys(item);
  const secretariat: unknown[] = Array.isArray(record.secretariat) ? record.secretariat : [];
  return Minutes.parse({ ...record, secretariat: secretariat.map((s) => (typeof s === "string" ? { name: s } : s)) });
}

export async function getStoredMinutes(d: Db, meetingId: string): Promise<Minutes | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.minutes(meetingId), ConsistentRead: true }));
  return out.Item ? minutesOf(out.Item) : undefined;
}

/** Every saved version, oldest first. */
export async function listMinutesVersions(d: Db, meetingId: string): Promise<Minutes[]> {
  const { PK, SK } = keys.minutesVersion(meetingId, 0);
  const items = await queryAll(d, {
    KeyConditionExpression: "PK = :pk AND begins_with(SK, :v)",
    ExpressionAttributeValues: { ":pk": PK, ":v": SK.replace(/\d+$/, "") },
  });
  return items.map(minutesOf);
}

export async function getMinutesVersion(d: Db, meetingId: string, version: number): Promise<Minutes | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.minutesVersion(meetingId, version) }));
  return out.Item ? minutesOf(out.Item) : undefined;
}

/**
 * Writes `next` as the current minutes and keeps it as a version, only if the stored minutes are
 * still `current` (version 0: none stored yet); a ConflictError when someone saved meanwhile.
 */
export async function writeMinutesVersion(d: Db, current: Minutes, next: Minutes): Promise<void> {
  try {
    await d.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: d.tableName,
              Item: { ...keys.minutes(next.meetingId), ...next },
              ConditionExpression: current.version === 0 ? "attribute_not_exists(PK)" : "version = :v",
              ...(current.version === 0 ? {} : { ExpressionAttributeValues: { ":v": current.version } }),
            },
          },
          { Put: { TableName: d.tableName, Item: { ...keys.minutesVersion(next.meetingId, next.version), ...next } } },
        ],
      }),
    );
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError(t.rules.minutesChangedMeanwhile);
    throw err;
  }
}
