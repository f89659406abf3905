/** CSRF protection for the secretariat's forms and page scripts: a double-submit token plus the Origin check. */
import { randomBytes } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { t } from "../i18n/nb.js";
import type { WebEnv } from "./env.js";
import { sendPage } from "./html.js";
import { MessagePage } from "./layout.js";
import { originAllowed, safeEqual } from "./security.js";

/**
 * A random value lives in an HttpOnly, SameSite=Lax cookie and every form carries the same value
 * in a hidden field; a cross-site page can neither read the cookie nor make the browser send it
 * with a POST. The Origin header, when present, must be our own as well.
 */
const COOKIE = "csrf";

export function csrfToken(c: Context<WebEnv>): string {
  const existing = c.get("csrfToken");
  if (existing) return existing;
  let token = getCookie(c, COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{32,64}$/.test(token)) {
    token = randomBytes(24).toString("base64url");
    setCookie(c, COOKIE, token, { httpOnly: true, sameSite: "Lax", path: "/", secure: isSecure(c) });
  }
  c.set("csrfToken", token);
  return token;
}

/** Cookies are Secure everywhere but on a local http://localhost or 127.0.0.1. */
export function isSecure(c: Context<WebEnv>): boolean {
  return !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(c.get("ctx").config.BASE_URL);
}

/**
 * The check itself: our own (or no) Origin, and the submitted value equal to the cookie (compared
 * in constant time). Forms submit the value in their `csrf` field; page scripts calling the API
 * with the session cookie send it in the X-CSRF-Token header (functions/api/guard.ts).
 */
export function csrfOk(c: Context<WebEnv>, submitted: string): boolean {
  const cookie = getCookie(c, COOKIE) ?? "";
  const originOk = originAllowed(c.req.header("origin"), c.get("ctx").config.BASE_URL, c.req.url);
  return originOk && cookie.length >= 32 && safeEqual(cookie, submitted);
}

export const verifyCsrf: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (c.req.method !== "POST") return next();
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (!csrfOk(c, typeof body.csrf === "string" ? body.csrf : "")) {
    return sendPage(c, <MessagePage title={t.auth.forbiddenTitle} message={t.auth.forbidden} />, 403);
  }
  return next();
};
