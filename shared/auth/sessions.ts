import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { limits, takeRateLimit } from "../abuse/index.js";
import type { AppContext } from "../context.js";
import type { LoginRequestMessage } from "../sending/index.js";
import { isConditionFailure } from "../store/db.js";
import { keys } from "../store/keys.js";
import { findUser, hashSecret, loginGeneration, newSecret } from "./users.js";

/**
 * Magic-link login. The link is single use and valid 15 minutes; only its hash is stored.
 * Opening it (GET) consumes nothing; the POST from its page consumes it atomically and starts a
 * session (12 hours; stored hashed; deleting it logs out); a login ends the user's other links.
 * DynamoDB's TTL removes stale items.
 */
export const LOGIN_LINK_MS = 15 * 60_000;
export const SESSION_MS = 12 * 3600_000;
const ttl = (at: Date, ms: number) => Math.floor((at.getTime() + ms) / 1000) + 3600;

/**
 * POST /logg-inn: rate limits, then queues the address. The request neither looks the address up
 * nor writes anything that depends on it, so known and unknown addresses get the same answer in
 * the same time; the worker does the lookup (createLoginLink). "too-many": this client asked too
 * often. Over the per-address limit the answer is the usual one, and nothing is sent.
 */
export async function requestLoginLink(ctx: AppContext, email: string, client: string): Promise<"ok" | "too-many"> {
  const now = ctx.clock.now();
  if (!(await takeRateLimit(ctx, limits.loginPerClient, client, now))) return "too-many";
  if (await takeRateLimit(ctx, limits.loginPerAddress, email, now)) await ctx.queue.send([{ kind: "login-request", email } satisfies LoginRequestMessage]);
  return "ok";
}

/**
 * The send worker's half of a login request: for a user, a new link (valid 15 minutes, only its
 * hash stored, tied to the user's current login generation); for anybody else, nothing.
 */
export async function createLoginLink(ctx: AppContext, email: string): Promise<{ to: string; url: string } | undefined> {
  const generation = await loginGeneration(ctx, email);
  if (generation === undefined) return undefined; // not a user: no email, and nobody is told
  const now = ctx.clock.now();
  const token = newSecret();
  const link: LoginLink = { email: email.toLowerCase(), generation, validUntil: new Date(now.getTime() + LOGIN_LINK_MS).toISOString() };
  await ctx.db.send(new PutCommand({ TableName: ctx.tableName, Item: { ...keys.loginLink(hashSecret(token)), ...link, expiresAt: ttl(now, LOGIN_LINK_MS) } }));
  return { to: link.email, url: `${ctx.config.BASE_URL}/logg-inn/lenke?token=${token}` };
}

const LoginLink = z.object({ email: z.string(), generation: z.number().int().min(0), validUntil: z.string() });
type LoginLink = z.infer<typeof LoginLink>;
const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** The stored link, if it is well-formed and unexpired (links made before generations had none: refused). */
async function liveLink(ctx: AppContext, token: string): Promise<LoginLink | undefined> {
  if (!LinkToken.safeParse(token).success) return undefined;
  const out = await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: keys.loginLink(hashSecret(token)), ConsistentRead: true }));
  const link = LoginLink.safeParse(out.Item);
  return link.success && link.data.validUntil > ctx.clock.now().toISOString() ? link.data : undefined;
}

/** Whether a link is still good (for its page; consumes nothing). */
export async function peekLoginLink(ctx: AppContext, token: string): Promise<boolean> {
  const link = await liveLink(ctx, token);
  return Boolean(link && (await loginGeneration(ctx, link.email)) === link.generation);
}

/**
 * Consumes the link and starts a session. One transaction deletes the link (only one request can
 * win) and raises the user's login generation, on condition that it is still the link's: so a
 * login ends every other outstanding link of the user, and a link made before another login fails.
 */
export async function consumeLoginLink(ctx: AppContext, token: string): Promise<{ session: string; email: string } | undefined> {
  const link = await liveLink(ctx, token);
  if (!link) return undefined;
  const now = ctx.clock.now();
  // Users from before generations have none: that counts as generation 0.
  const sameGeneration = link.generation === 0 ? "(attribute_not_exists(loginGeneration) OR loginGeneration = :g)" : "loginGeneration = :g";
  try {
    await ctx.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: ctx.tableName,
              Key: keys.loginLink(hashSecret(token)),
              ConditionExpression: "attribute_exists(PK) AND validUntil > :now",
              ExpressionAttributeValues: { ":now": now.toISOString() },
            },
          },
          {
            Update: {
              TableName: ctx.tableName,
              Key: keys.user(link.email),
              UpdateExpression: "SET loginGeneration = :next",
              ConditionExpression: `attribute_exists(PK) AND ${sameGeneration}`,
              ExpressionAttributeValues: { ":g": link.generation, ":next": link.generation + 1 },
            },
          },
        ],
      }),
    );
  } catch (err) {
    if (isConditionFailure(err)) return undefined;
    throw err;
  }
  const session = newSecret();
  await ctx.db.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: { ...keys.session(hashSecret(session)), email: link.email, validUntil: new Date(now.getTime() + SESSION_MS).toISOString(), expiresAt: ttl(now, SESSION_MS) },
    }),
  );
  return { session, email: link.email };
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
