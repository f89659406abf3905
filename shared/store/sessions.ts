// Login links and sessions in the table, by the hash of their secret; the table's TTL removes stale ones.
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { type Db, type Item, isConditionFailure } from "./db.js";
import { keys, withoutKeys } from "./keys.js";

export async function putLoginLink(d: Db, hash: string, link: Item, expiresAt: number): Promise<void> {
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: { ...keys.loginLink(hash), ...link, expiresAt } }));
}

/** The link stored under this hash, as stored (the auth domain validates it). */
export async function getLoginLink(d: Db, hash: string): Promise<Item | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.loginLink(hash), ConsistentRead: true }));
  return out.Item ? withoutKeys(out.Item) : undefined;
}

/**
 * Uses up a login link, atomically: deletes it if it is still there and unexpired, and raises the
 * user's login generation if it is still `generation` (a user without one counts as 0). False when
 * either does not hold: another request won, or another login came first.
 */
export async function useLoginLink(d: Db, hash: string, email: string, generation: number, now: Date): Promise<boolean> {
  const sameGeneration =
    generation === 0 ? "(attribute_not_exists(loginGeneration) OR loginGeneration = :g)" : "loginGeneration = :g";
  try {
    await d.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: d.tableName,
              Key: keys.loginLink(hash),
              ConditionExpression: "attribute_exists(PK) AND validUntil > :now",
              ExpressionAttributeValues: { ":now": now.toISOString() },
            },
          },
          {
            Update: {
              TableName: d.tableName,
              Key: keys.user(email),
              UpdateExpression: "SET loginGeneration = :next",
              ConditionExpression: `attribute_exists(PK) AND ${sameGeneration}`,
              ExpressionAttributeValues: { ":g": generation, ":next": generation + 1 },
            },
          },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

export async function putSession(
  d: Db,
  hash: string,
  session: { email: string; validUntil: string },
  expiresAt: number,
): Promise<void> {
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: { ...keys.session(hash), ...session, expiresAt } }));
}

export async function getSession(d: Db, hash: string): Promise<{ email: string; validUntil: string } | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.session(hash) }));
  return out.Item ? { email: String(out.Item.email), validUntil: String(out.Item.validUntil) } : undefined;
}

export async function deleteSession(d: Db, hash: string): Promise<void> {
  await d.db.send(new DeleteCommand({ TableName: d.tableName, Key: keys.session(hash) }));
}
