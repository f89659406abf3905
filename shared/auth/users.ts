// Secretariat users and their API tokens: who may log in, tokens shown once and kept only as a hash.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { ConflictError } from "../errors.js";
import { nbSite } from "../i18n/nb-site.js";
import type { Db } from "../store/db.js";
import { newId } from "../store/keys.js";
import * as store from "../store/users.js";

/** Tokens are shown once and stored only as a SHA-256 hash, so a copy of the table gives nobody a working token. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
export const newSecret = () => randomBytes(32).toString("base64url");

const UserEmail = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export async function addUser(d: Db, email: string): Promise<{ email: string; created: boolean }> {
  const e = UserEmail.parse(email);
  return { email: e, created: await store.insertUser(d, e, new Date()) };
}

export async function findUser(d: Db, email: string): Promise<{ email: string } | undefined> {
  const parsed = UserEmail.safeParse(email);
  if (!parsed.success) return undefined;
  const user = await store.getUser(d, parsed.data);
  return user ? { email: user.email } : undefined;
}

/**
 * The user's login generation (undefined: no such user). A login link carries the generation it
 * was made in and a login raises it, which ends every other outstanding link (shared/auth/sessions.ts).
 */
export async function loginGeneration(d: Db, email: string): Promise<number | undefined> {
  const parsed = UserEmail.safeParse(email);
  if (!parsed.success) return undefined;
  return (await store.getUser(d, parsed.data, { consistent: true }))?.loginGeneration;
}

export async function listUsers(d: Db): Promise<string[]> {
  return (await store.listUserEmails(d)).sort();
}

/** Removes the user; their sessions, tokens and login links stop working (they are checked against the user). */
export async function removeUser(d: Db, email: string): Promise<boolean> {
  return store.deleteUser(d, UserEmail.parse(email));
}

/**
 * Removal from the users page: nobody removes themself, and the last user stays, so the
 * secretariat can never lock itself out (the admin CLI's removeUser has no such guard).
 */
export async function removeUserByAnother(d: Db, email: string, actingUser: string): Promise<boolean> {
  const target = UserEmail.parse(email);
  if (target === actingUser.toLowerCase()) throw new ConflictError(nbSite.users.notSelf);
  const users = await listUsers(d);
  if (!users.includes(target)) return false;
  if (users.length <= 1) throw new ConflictError(nbSite.users.notLast);
  return store.deleteUser(d, target);
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

export async function issueApiToken(
  d: Db,
  input: z.input<typeof NewApiToken>,
  now: Date,
): Promise<ApiTokenInfo & { token: string }> {
  const { email, name, scope, days } = NewApiToken.parse(input);
  const user = await findUser(d, email);
  if (!user) throw new Error(`ingen bruker med e-post ${email}`);
  const token = `mt_${newSecret()}`;
  const validUntil = new Date(now.getTime() + days * DAY_MS);
  const info: ApiTokenInfo = {
    id: newId(),
    email: user.email,
    name,
    scope,
    createdAt: now.toISOString(),
    validUntil: validUntil.toISOString(),
  };
  await store.insertApiToken(d, hashSecret(token), info, Math.floor((validUntil.getTime() + KEEP_EXPIRED_MS) / 1000));
  return { ...info, token };
}

/** A token with the defaults (a write token for 90 days) unless told otherwise; returns the plaintext. */
export async function createApiToken(
  d: Db,
  email: string,
  now: Date,
  opts: Partial<Omit<z.input<typeof NewApiToken>, "email">> = {},
): Promise<string> {
  return (await issueApiToken(d, { name: "API-token", ...opts, email }, now)).token;
}

/** Every token, or one user's, oldest first. */
export async function listApiTokens(d: Db, email?: string): Promise<ApiTokenInfo[]> {
  const owner = email?.toLowerCase();
  return (await store.listApiTokenItems(d)).map((i) => ApiTokenInfo.parse(i)).filter((i) => !owner || i.email === owner);
}

/** Revokes a token by its id (no plaintext needed); with `owner`, only if it is that user's. */
export async function revokeApiTokenById(d: Db, id: string, owner?: string): Promise<boolean> {
  return store.deleteApiTokenById(d, id, owner?.toLowerCase());
}

/** Revokes a token by its plaintext (for whoever still has it at hand). */
export async function revokeApiToken(d: Db, token: string): Promise<boolean> {
  return store.deleteApiTokenByHash(d, hashSecret(token));
}

/**
 * The user behind a bearer token, with the token's scope: only while the token is unexpired and
 * its user still exists. Tokens made before tokens had an id, scope and expiry are not honoured.
 */
export async function userForApiToken(
  d: Db,
  token: string,
  now: Date,
): Promise<{ email: string; scope: TokenScope; tokenId: string } | undefined> {
  if (!/^mt_[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const hash = hashSecret(token);
  const stored = ApiTokenInfo.safeParse(await store.getApiToken(d, hash));
  if (!stored.success || stored.data.validUntil <= now.toISOString()) return undefined;
  const user = await findUser(d, stored.data.email);
  if (!user) return undefined;
  await noteTokenUse(d, hash, stored.data.lastUsedAt, now);
  return { email: user.email, scope: stored.data.scope, tokenId: stored.data.id };
}

async function noteTokenUse(d: Db, hash: string, lastUsedAt: string | undefined, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString();
  if (lastUsedAt && lastUsedAt > since) return;
  await store.touchApiToken(d, hash, now, since);
}
