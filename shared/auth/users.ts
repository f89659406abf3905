import { createHash, randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { type Db, isConditionFailure, queryAll } from "../store/db.js";
import { keys } from "../store/keys.js";

/**
 * Secretariat users and their API tokens. Tokens are shown once and stored only as a SHA-256
 * hash, so a copy of the table gives nobody a working token.
 */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
export const newSecret = () => randomBytes(32).toString("base64url");

export const UserEmail = z.email().max(254).transform((e) => e.toLowerCase());

export async function addUser(d: Db, email: string): Promise<{ email: string; created: boolean }> {
  const e = UserEmail.parse(email);
  try {
    await d.db.send(
      new PutCommand({
        TableName: d.tableName,
        Item: { ...keys.user(e), GSI1PK: keys.usersIndex, GSI1SK: e, email: e, createdAt: new Date().toISOString() },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
    return { email: e, created: true };
  } catch (err) {
    if (isConditionFailure(err)) return { email: e, created: false };
    throw err;
  }
}

export async function findUser(d: Db, email: string): Promise<{ email: string } | undefined> {
  const parsed = UserEmail.safeParse(email);
  if (!parsed.success) return undefined;
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.user(parsed.data) }));
  return out.Item ? { email: String(out.Item.email) } : undefined;
}

export async function listUsers(d: Db): Promise<string[]> {
  const items = await queryAll(d, { IndexName: "GSI1", KeyConditionExpression: "GSI1PK = :pk", ExpressionAttributeValues: { ":pk": keys.usersIndex } });
  return items.map((i) => String(i.email)).sort();
}

/** Removes the user; their sessions and tokens stop working (they are checked against the user). */
export async function removeUser(d: Db, email: string): Promise<boolean> {
  const e = UserEmail.parse(email);
  try {
    await d.db.send(new DeleteCommand({ TableName: d.tableName, Key: keys.user(e), ConditionExpression: "attribute_exists(PK)" }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

export async function createApiToken(d: Db, email: string, now: Date): Promise<string> {
  const user = await findUser(d, email);
  if (!user) throw new Error(`ingen bruker med e-post ${email}`);
  const token = `mt_${newSecret()}`;
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: { ...keys.apiToken(hashSecret(token)), email: user.email, createdAt: now.toISOString() } }));
  return token;
}

export async function revokeApiToken(d: Db, token: string): Promise<boolean> {
  try {
    await d.db.send(new DeleteCommand({ TableName: d.tableName, Key: keys.apiToken(hashSecret(token)), ConditionExpression: "attribute_exists(PK)" }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** The user behind a bearer token, if the token exists and its user still does. */
export async function userForApiToken(d: Db, token: string): Promise<{ email: string } | undefined> {
  if (!/^mt_[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.apiToken(hashSecret(token)) }));
  return out.Item ? findUser(d, String(out.Item.email)) : undefined;
}
