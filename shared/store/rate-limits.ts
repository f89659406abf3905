// Fixed-window rate-limit counters in the table: one conditional UpdateItem per hit.
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type Db, isConditionFailure } from "./db.js";

/**
 * Counts one hit of `subject` in the window `window` of `scope`, only while the count is below
 * `limit`; false when the limit is reached (nothing is written then). The item expires by TTL.
 */
export async function hitCounter(
  d: Db,
  scope: string,
  subject: string,
  window: number,
  limit: number,
  expiresAt: number,
): Promise<boolean> {
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: { PK: `RATE#${scope}#${subject.toLowerCase()}`, SK: `W#${window}` },
        UpdateExpression: "ADD hits :one SET expiresAt = if_not_exists(expiresAt, :ttl)",
        ConditionExpression: "attribute_not_exists(hits) OR hits < :limit",
        ExpressionAttributeValues: { ":one": 1, ":limit": limit, ":ttl": expiresAt },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
