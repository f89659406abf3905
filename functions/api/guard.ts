/** Who may use the secretariat's pages and the API: a session (with CSRF on changes) or a bearer token. */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { sessionUser, userForApiToken } from "../../shared/auth/index.js";
import { ForbiddenError } from "../../shared/errors.js";
import { t } from "../../shared/i18n/nb.js";
import { csrfOk } from "../../shared/web/csrf.js";
import { problem } from "../../shared/web/problem.js";
import type { AppEnv } from "./env.js";

/** Methods that change nothing: a read-scoped token may use them, and they need no CSRF token. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every /api route: 401 problem details without a valid token or session. A bearer token (never
 * sent by a browser on its own) needs the `write` scope to change anything. The session cookie is
 * sent with cross-site requests too, so a change made with it must come from our own pages: own
 * (or no) Origin and the CSRF value in the X-CSRF-Token header.
 */
export const requireApiAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ctx = c.get("ctx");
  const safe = SAFE_METHODS.has(c.req.method);
  const authorization = c.req.header("authorization");
  if (authorization?.startsWith("Bearer ")) {
    const token = await userForApiToken(ctx, authorization.slice(7).trim(), ctx.clock.now());
    if (!token) return problem(c, 401, t.api.unauthorizedTitle, t.api.unauthorized);
    if (!safe && token.scope !== "write") throw new ForbiddenError(t.tokens.readOnly, t.tokens.readOnlyTitle);
    c.set("user", { email: token.email });
    return next();
  }
  const user = await sessionUser(ctx, getCookie(c, "sid"));
  if (!user) return problem(c, 401, t.api.unauthorizedTitle, t.api.unauthorized);
  if (!safe && !csrfOk(c, c.req.header("x-csrf-token") ?? "")) return problem(c, 403, t.auth.forbiddenTitle, t.auth.apiForbidden);
  c.set("user", user);
  return next();
};

/** Secretariat pages: to the login page when not logged in. */
export const requireSecretariatPage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = await sessionUser(c.get("ctx"), getCookie(c, "sid"));
  if (!user) return c.redirect("/logg-inn", 303);
  c.set("user", user);
  return next();
};

/** Who did it, as recorded on replies, minutes and sends ("secretariat:kari@…", or "api" without a user). */
export function actor(c: { get(key: "user"): { email: string } | undefined }): string {
  const email = c.get("user")?.email;
  return email ? `secretariat:${email}` : "api";
}
