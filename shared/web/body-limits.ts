/** A body limit on every route, checked before the body is read; over it, a 413 as problem or page. */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { t } from "../i18n/nb.js";
import { errorResponse } from "./errors.js";

/**
 * A declared Content-Length over the limit is refused at once, and a body without one is counted
 * as it streams and cut off at the limit. So a 30 MB post to a small form costs nothing but the
 * refusal (413). Attachments never pass through here: the browser posts them straight to S3
 * (presigned POST).
 */
const KB = 1024;
const MB = 1024 * KB;

function limitFor(method: string, path: string): number | undefined {
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
  return errorResponse(c, 413, t.api.tooLargeTitle, t.api.bodyTooLargeDetail(Math.max(1, Math.round(maxSize / KB))));
}
