import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { t } from "../i18n/nb.js";
import { MessagePage } from "./layout.js";

/**
 * CSRF protection for the secretariat's forms: a double-submit token. A random value lives in an
 * HttpOnly, SameSite=Lax cookie and every form carries the same value in a hidden field; a
 * cross-site page can neither read the cookie nor make the browser send it with a POST.
 * The Origin header, when present, must be our own as well.
 */
const COOKIE = "csrf";

export function csrfToken(c: Context): string {
  const existing = (c.get as (k: string) => unknown)("csrfToken") as string | undefined;
  if (existing) return existing;
  let token = getCookie(c, COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{32,64}$/.test(token)) {
    token = randomBytes(24).toString("base64url");
    setCookie(c, COOKIE, token, { httpOnly: true, sameSite: "Lax", path: "/", secure: isSecure(c) });
  }
  (c.set as (k: string, v: unknown) => void)("csrfToken", token);
  return token;
}

export function isSecure(c: Context): boolean {
  const base = (c.get("ctx" as never) as { config: { BASE_URL: string } } | undefined)?.config.BASE_URL ?? "";
  return !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(base);
}

/**
 * The check itself: Origin absent, "null" or our own, and the submitted value equal to the cookie
 * (compared in constant time). Forms submit the value in their `csrf` field; page scripts calling
 * the API with the session cookie send it in the X-CSRF-Token header (middleware/auth.ts).
 */
export function csrfOk(c: Context, submitted: string): boolean {
  const cookie = getCookie(c, COOKIE) ?? "";
  const origin = c.req.header("origin");
  const base = (c.get("ctx" as never) as { config: { BASE_URL: string } }).config.BASE_URL;
  const originOk = !origin || origin === "null" || origin === new URL(base).origin || origin === new URL(c.req.url).origin;
  const a = Buffer.from(cookie);
  const b = Buffer.from(submitted);
  return originOk && a.length >= 32 && a.length === b.length && timingSafeEqual(a, b);
}

export const verifyCsrf: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "POST") return next();
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (!csrfOk(c, typeof body.csrf === "string" ? body.csrf : "")) {
    return c.html(
      `<!doctype html>${<MessagePage title={t.auth.forbiddenTitle} message={t.auth.forbidden} />}`,
      403,
    );
  }
  return next();
};
