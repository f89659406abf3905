import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { sessionUser } from "../../../shared/auth/sessions.js";
import { userForApiToken } from "../../../shared/auth/users.js";
import type { AppContext } from "../../../shared/context.js";
import { t } from "../../../shared/i18n/nb.js";
import { problem } from "../problem.js";

/** Who is asking: a bearer API token or the session cookie. Unknown or forged means nobody. */
async function currentUser(ctx: AppContext, authorization: string | undefined, sid: string | undefined) {
  if (authorization?.startsWith("Bearer ")) return userForApiToken(ctx, authorization.slice(7).trim());
  return sessionUser(ctx, sid);
}

/** Every /api route: 401 problem details without a valid token or session. */
export const requireApiAuth: MiddlewareHandler = async (c, next) => {
  const ctx = c.get("ctx" as never) as AppContext;
  const user = await currentUser(ctx, c.req.header("authorization"), getCookie(c, "sid"));
  if (!user) return problem(c, 401, t.api.unauthorizedTitle, t.api.unauthorized);
  c.set("user" as never, user as never);
  return next();
};

/** Secretariat pages: to the login page when not logged in. */
export const requireSecretariatPage: MiddlewareHandler = async (c, next) => {
  const ctx = c.get("ctx" as never) as AppContext;
  const user = await sessionUser(ctx, getCookie(c, "sid"));
  if (!user) return c.redirect("/logg-inn", 303);
  c.set("user" as never, user as never);
  return next();
};
