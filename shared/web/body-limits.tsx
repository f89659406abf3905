import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { t } from "../i18n/nb.js";
import { problem } from "./problem.js";
import { MessagePage } from "./layout.js";

/**
 * Every route has a body limit, checked before the body is read: a declared Content-Length over
 * the limit is refused at once, and a body without one is counted as it streams and cut off at
 * the limit. So a 30 MB post to a small form costs nothing but the refusal (413). Attachments
 * never pass through here: the browser posts them straight to S3 (presigned POST).
 */
const KB = 1024;
const MB = 1024 * KB;

export function limitFor(method: string, path: string): number | undefined {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return 0;
  // The public forms (reply, login) carry a few short fields.
  if (/^\/(r|a|arkiv|logg-inn|logg-ut|health)(\/|$)/.test(path)) return 64 * KB;
  // The JSON API and the secretariat's forms (a member CSV fits easily).
  return 1 * MB;
}

export const requestBodyLimits: MiddlewareHandler = (c, next) => {
  const maxSize = limitFor(c.req.method, c.req.path) ?? 0;
  return bodyLimit({ maxSize, onError: (c) => tooLarge(c, maxSize) })(c, next);
};

function tooLarge(c: Context, maxSize: number) {
  // The client may still be sending: tell it not to reuse this connection.
  c.header("Connection", "close");
  const detail = t.api.bodyTooLargeDetail(Math.max(1, Math.round(maxSize / KB)));
  if (c.req.path.startsWith("/api") || (c.req.header("accept") ?? "").includes("application/json")) {
    return problem(c, 413, t.api.tooLargeTitle, detail);
  }
  return c.html(`<!doctype html>${<MessagePage title={t.api.tooLargeTitle} message={detail} />}`, 413);
}
