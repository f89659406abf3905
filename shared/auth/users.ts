import { createHash, randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { type Db, isConditionFailure, queryAll } from "../store/db.js";
import { keys, newId } from "../store/keys.js";

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

/**
 * The user's login generation (undefined: no such user). A login link carries the generation it
 * was made in and a login raises it, which ends every other outstanding link (shared/auth/sessions.ts).
 */
export async function loginGeneration(d: Db, email: string): Promise<number | undefined> {
  const parsed = UserEmail.safeParse(email);
  if (!parsed.success) return undefined;
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.user(parsed.data), ConsistentRead: true }));
  return out.Item ? Number(out.Item.loginGeneration ?? 0) : undefined;
}

export async function listUsers(d: Db): Promise<string[]> {
  const items = await queryAll(d, { IndexName: "GSI1", KeyConditionExpression: "GSI1PK = :pk", ExpressionAttributeValues: { ":pk": keys.usersIndex } });
  return items.map((i) => String(i.email)).sort();
}

/** Removes the user; their sessions, tokens and login links stop working (they are checked against the user). */
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

/** API tokens: `read` may only look (GET, HEAD, OPTIONS); `write` may change things as well. */
export const TokenScope = z.enum(["read", "write"]);
export type TokenScope = z.infer<typeof TokenScope>;

/** What a new token needs; the defaults are those of `npm run admin -- token create <email>`. */
export const NewApiToken = z.object({
  email: UserEmail,
  name: z.string().trim().min(1).max(100),
  scope: TokenScope.default("write"),
  days: z.coerce.number().int().min(1).max(3650).default(90),
});

/** A token as stored and listed: never its plaintext (nor its hash, which stays in the key). */
export const ApiTokenInfo = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  scope: TokenScope,
  createdAt: z.string(),
  validUntil: z.string(),
  lastUsedAt: z.string().optional(),
});
export type ApiTokenInfo = z.infer<typeof ApiTokenInfo>;

const DAY_MS = 86_400_000;
/** The last-used time is written at most this often, so a polling script costs no write per call. */
const LAST_USED_EVERY_MS = 60_000;
/** Expired tokens stay listed (as expired) for a month; then the table's TTL removes them. */
const KEEP_EXPIRED_MS = 30 * DAY_MS;

export async function issueApiToken(d: Db, input: z.input<typeof NewApiToken>, now: Date): Promise<ApiTokenInfo & { token: string }> {
  const { email, name, scope, days } = NewApiToken.parse(input);
  const user = await findUser(d, email);
  if (!user) throw new Error(`ingen bruker med e-post ${email}`);
  const token = `mt_${newSecret()}`;
  const validUntil = new Date(now.getTime() + days * DAY_MS);
  const info: ApiTokenInfo = { id: newId(), email: user.email, name, scope, createdAt: now.toISOString(), validUntil: validUntil.toISOString() };
  await d.db.send(
    new PutCommand({
      TableName: d.tableName,
      Item: { ...keys.apiToken(hashSecret(token)), GSI1PK: keys.apiTokensIndex, GSI1SK: info.id, ...info, expiresAt: Math.floor((validUntil.getTime() + KEEP_EXPIRED_MS) / 1000) },
    }),
  );
  return { ...info, token };
}

/** A token with the defaults (a write token for 90 days) unless told otherwise; returns the plaintext. */
export async function createApiToken(d: Db, email: string, now: Date, opts: Partial<Omit<z.input<typeof NewApiToken>, "email">> = {}): Promise<string> {
  return (await issueApiToken(d, { name: "API-token", ...opts, email }, now)).token;
}

/** Every token, or one user's, oldest first. */
export async function listApiTokens(d: Db, email?: string): Promise<ApiTokenInfo[]> {
  const items = await queryAll(d, { IndexName: "GSI1", KeyConditionExpression: "GSI1PK = :pk", ExpressionAttributeValues: { ":pk": keys.apiTokensIndex } });
  const owner = email?.toLowerCase();
  return items.map((i) => ApiTokenInfo.parse(i)).filter((i) => !owner || i.email === owner);
}

/** Revokes a token by its id (no plaintext needed); with `owner`, only if it is that user's. */
export async function revokeApiTokenById(d: Db, id: string, owner?: string): Promise<boolean> {
  const [item] = await queryAll(d, {
    IndexName: "GSI1",
    KeyConditionExpression: "GSI1PK = :pk AND GSI1SK = :id",
    ExpressionAttributeValues: { ":pk": keys.apiTokensIndex, ":id": id },
  });
  if (!item || (owner && item.email !== owner.toLowerCase())) return false;
  return deleteToken(d, { PK: String(item.PK), SK: String(item.SK) });
}

/** Revokes a token by its plaintext (for whoever still has it at hand). */
export async function revokeApiToken(d: Db, token: string): Promise<boolean> {
  return deleteToken(d, keys.apiToken(hashSecret(token)));
}

async function deleteToken(d: Db, key: { PK: string; SK: string }): Promise<boolean> {
  try {
    await d.db.send(new DeleteCommand({ TableName: d.tableName, Key: key, ConditionExpression: "attribute_exists(PK)" }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/**
 * The user behind a bearer token, with the token's scope: only while the token is unexpired and
 * its user still exists. Tokens made before tokens had an id, scope and expiry are not honoured.
 */
export async function userForApiToken(d: Db, token: string, now: Date): Promise<{ email: string; scope: TokenScope; tokenId: string } | undefined> {
  if (!/^mt_[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const key = keys.apiToken(hashSecret(token));
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: key }));
  const stored = ApiTokenInfo.safeParse(out.Item);
  if (!stored.success || stored.data.validUntil <= now.toISOString()) return undefined;
  const user = await findUser(d, stored.data.email);
  if (!user) return undefined;
  await noteTokenUse(d, key, stored.data.lastUsedAt, now);
  return { email: user.email, scope: stored.data.scope, tokenId: stored.data.id };
}

async function noteTokenUse(d: Db, key: { PK: string; SK: string }, lastUsedAt: string | undefined, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString();
  if (lastUsedAt && lastUsedAt > since) return;
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: key,
        UpdateExpression: "SET lastUsedAt = :now",
        // Concurrent requests: one writes, the others find it fresh.
        ConditionExpression: "attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :since)",
        ExpressionAttributeValues: { ":now": now.toISOString(), ":since": since },
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}
