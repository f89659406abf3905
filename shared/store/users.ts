// Secretariat users and their API tokens in the table (tokens only by their hash).
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type Db, type Item, isConditionFailure, putIfAbsent, queryAll } from "./db.js";
import { keys, withoutKeys } from "./keys.js";
import { GSI } from "./table-schema.js";

/** Adds a user (email already normalised); false when there already is one. */
export async function insertUser(d: Db, email: string, now: Date): Promise<boolean> {
  return putIfAbsent(d, { ...keys.user(email), ...keys.usersEntry(email), email, createdAt: now.toISOString() });
}

/** The user with its login generation (0 for users from before generations); consistent when it decides a login. */
export async function getUser(
  d: Db,
  email: string,
  opts: { consistent?: boolean } = {},
): Promise<{ email: string; loginGeneration: number } | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.user(email), ConsistentRead: opts.consistent }));
  return out.Item ? { email: String(out.Item.email), loginGeneration: Number(out.Item.loginGeneration ?? 0) } : undefined;
}

export async function listUserEmails(d: Db): Promise<string[]> {
  const items = await queryAll(d, {
    IndexName: GSI.lookups,
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.usersIndex },
  });
  return items.map((i) => String(i.email));
}

export async function deleteUser(d: Db, email: string): Promise<boolean> {
  return deleteIfThere(d, keys.user(email));
}

/** Stores a token under its hash, listed by its id; the table's TTL removes it at `expiresAt` (seconds). */
export async function insertApiToken(d: Db, hash: string, token: Item & { id: string }, expiresAt: number): Promise<void> {
  await d.db.send(
    new PutCommand({
      TableName: d.tableName,
      Item: { ...keys.apiToken(hash), ...keys.apiTokensEntry(token.id), ...token, expiresAt },
    }),
  );
}

/** The token stored under this hash, as stored (the auth domain validates it). */
export async function getApiToken(d: Db, hash: string): Promise<Item | undefined> {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.apiToken(hash) }));
  return out.Item ? withoutKeys(out.Item) : undefined;
}

/** Every token, as stored. */
export async function listApiTokenItems(d: Db): Promise<Item[]> {
  const items = await queryAll(d, {
    IndexName: GSI.lookups,
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": keys.apiTokensIndex },
  });
  return items.map((i) => withoutKeys(i));
}

/** Deletes the token with this id (no plaintext needed); with `owner`, only if it is that user's. */
export async function deleteApiTokenById(d: Db, id: string, owner?: string): Promise<boolean> {
  const [item] = await queryAll(d, {
    IndexName: GSI.lookups,
    KeyConditionExpression: "GSI1PK = :pk AND GSI1SK = :id",
    ExpressionAttributeValues: { ":pk": keys.apiTokensIndex, ":id": id },
  });
  if (!item || (owner && item.email !== owner)) return false;
  return deleteIfThere(d, { PK: String(item.PK), SK: String(item.SK) });
}

export async function deleteApiTokenByHash(d: Db, hash: string): Promise<boolean> {
  return deleteIfThere(d, keys.apiToken(hash));
}

/** Records a token's use unless a use since `since` is already recorded (concurrent calls: one writes). */
export async function touchApiToken(d: Db, hash: string, now: Date, since: string): Promise<void> {
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.apiToken(hash),
        UpdateExpression: "SET lastUsedAt = :now",
        ConditionExpression: "attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :since)",
        ExpressionAttributeValues: { ":now": now.toISOString(), ":since": since },
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

async function deleteIfThere(d: Db, key: { PK: string; SK: string }): Promise<boolean> {
  try {
    await d.db.send(new DeleteCommand({ TableName: d.tableName, Key: key, ConditionExpression: "attribute_exists(PK)" }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
