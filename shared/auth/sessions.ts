import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { AppContext } from "../context.js";
import { isConditionFailure } from "../store/db.js";
import { keys } from "../store/keys.js";
import { findUser, hashSecret, newSecret } from "./users.js";

/**
 * Magic-link login. The link is single use and valid 15 minutes; only its hash is stored.
 * Opening it (GET) consumes nothing; the POST from its page consumes it atomically and starts a
 * session (12 hours; stored hashed; deleting it logs out). DynamoDB's TTL removes stale items.
 */
export const LOGIN_LINK_MS = 15 * 60_000;
export const SESSION_MS = 12 * 3600_000;
const ttl = (at: Date, ms: number) => Math.floor((at.getTime() + ms) / 1000) + 3600;

/** Queues the login email if the address is a user; says nothing either way (reveals nothing). */
export async function requestLoginLink(ctx: AppContext, email: string): Promise<void> {
  const user = await findUser(ctx, email);
  if (!user) return;
  const now = ctx.clock.now();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + LOGIN_LINK_MS).toISOString();
  await ctx.db.send(
    new PutCommand({ TableName: ctx.tableName, Item: { ...keys.loginLink(hashSecret(token)), email: user.email, validUntil: expiresAt, expiresAt: ttl(now, LOGIN_LINK_MS) } }),
  );
  await ctx.queue.send([{ kind: "login-link", to: user.email, url: `${ctx.config.BASE_URL}/logg-inn/lenke?token=${token}`, expiresAt }]);
}

/** Whether a link is still good (for its page; consumes nothing). */
export async function peekLoginLink(ctx: AppContext, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const out = await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: keys.loginLink(hashSecret(token)), ConsistentRead: true }));
  return Boolean(out.Item && String(out.Item.validUntil) > ctx.clock.now().toISOString());
}

/** Consumes the link (a conditional delete: only one request can win) and starts a session. */
export async function consumeLoginLink(ctx: AppContext, token: string): Promise<{ session: string; email: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const now = ctx.clock.now();
  let email: string;
  try {
    const out = await ctx.db.send(
      new DeleteCommand({
        TableName: ctx.tableName,
        Key: keys.loginLink(hashSecret(token)),
        ConditionExpression: "attribute_exists(PK) AND validUntil > :now",
        ExpressionAttributeValues: { ":now": now.toISOString() },
        ReturnValues: "ALL_OLD",
      }),
    );
    email = String(out.Attributes?.email);
  } catch (err) {
    if (isConditionFailure(err)) return undefined;
    throw err;
  }
  if (!(await findUser(ctx, email))) return undefined;
  const session = newSecret();
  await ctx.db.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: { ...keys.session(hashSecret(session)), email, validUntil: new Date(now.getTime() + SESSION_MS).toISOString(), expiresAt: ttl(now, SESSION_MS) },
    }),
  );
  return { session, email };
}

/** The user of a session cookie, if the session is live and the user still exists. */
export async function sessionUser(ctx: AppContext, session: string | undefined): Promise<{ email: string } | undefined> {
  if (!session || !/^[A-Za-z0-9_-]{20,100}$/.test(session)) return undefined;
  const out = await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: keys.session(hashSecret(session)) }));
  if (!out.Item || String(out.Item.validUntil) <= ctx.clock.now().toISOString()) return undefined;
  return findUser(ctx, String(out.Item.email));
}

export async function endSession(ctx: AppContext, session: string | undefined): Promise<void> {
  if (!session || !/^[A-Za-z0-9_-]{20,100}$/.test(session)) return;
  await ctx.db.send(new DeleteCommand({ TableName: ctx.tableName, Key: keys.session(hashSecret(session)) }));
}
