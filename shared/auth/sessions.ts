// Magic-link login and sessions: request a link, use it once, the session it starts, logging out.
import { z } from "zod";
import { limits, takeRateLimit } from "../abuse/index.js";
import type { AppContext } from "../context.js";
import * as store from "../store/sessions.js";
import { findUser, hashSecret, loginGeneration, newSecret } from "./users.js";

/**
 * Magic-link login. The link is single use and valid 15 minutes; only its hash is stored.
 * Opening it (GET) consumes nothing; the POST from its page consumes it atomically and starts a
 * session (12 hours; stored hashed; deleting it logs out); a login ends the user's other links.
 * DynamoDB's TTL removes stale items.
 */
const LOGIN_LINK_MS = 15 * 60_000;
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
  if (await takeRateLimit(ctx, limits.loginPerAddress, email, now)) await ctx.queue.send([{ kind: "login-request", email }]); // the send worker validates it (LoginRequestMessage)
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
  const link: LoginLink = {
    email: email.toLowerCase(),
    generation,
    validUntil: new Date(now.getTime() + LOGIN_LINK_MS).toISOString(),
  };
  await store.putLoginLink(ctx, hashSecret(token), link, ttl(now, LOGIN_LINK_MS));
  return { to: link.email, url: `${ctx.config.BASE_URL}/logg-inn/lenke?token=${token}` };
}

const LoginLink = z.object({ email: z.string(), generation: z.number().int().min(0), validUntil: z.string() });
type LoginLink = z.infer<typeof LoginLink>;
const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** The stored link, if it is well-formed and unexpired (links made before generations had none: refused). */
async function liveLink(ctx: AppContext, token: string): Promise<LoginLink | undefined> {
  if (!LinkToken.safeParse(token).success) return undefined;
  const link = LoginLink.safeParse(await store.getLoginLink(ctx, hashSecret(token)));
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
  if (!(await store.useLoginLink(ctx, hashSecret(token), link.email, link.generation, now))) return undefined;
  const session = newSecret();
  await store.putSession(
    ctx,
    hashSecret(session),
    { email: link.email, validUntil: new Date(now.getTime() + SESSION_MS).toISOString() },
    ttl(now, SESSION_MS),
  );
  return { session, email: link.email };
}

/** The user of a session cookie, if the session is live and the user still exists. */
export async function sessionUser(ctx: AppContext, session: string | undefined): Promise<{ email: string } | undefined> {
  if (!session || !/^[A-Za-z0-9_-]{20,100}$/.test(session)) return undefined;
  const stored = await store.getSession(ctx, hashSecret(session));
  if (!stored || stored.validUntil <= ctx.clock.now().toISOString()) return undefined;
  return findUser(ctx, stored.email);
}

export async function endSession(ctx: AppContext, session: string | undefined): Promise<void> {
  if (!session || !/^[A-Za-z0-9_-]{20,100}$/.test(session)) return;
  await store.deleteSession(ctx, hashSecret(session));
}
