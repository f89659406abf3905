import { Hono } from "hono";
import type { Context } from "hono";
import type { AppContext } from "../../../shared/context.js";
import type { Attachment } from "../../../shared/model.js";
import { downloadHeaders } from "../../../shared/meetings/index.js";
import { resolveLink } from "../../../shared/invitations/index.js";
import { getMeetingBundle } from "../../../shared/store/meetings.js";
import type { AppEnv } from "../app.js";
import { t } from "../../../shared/i18n/nb.js";

/**
 * Attachment links in emails and pages go through the app: it checks the personal link (or that
 * the meeting is published and the file not exempt) and then redirects to a short-lived presigned
 * S3 URL (locally: streams the file). Links never expire by themselves; revoking the personal
 * link revokes them.
 */
export function attachmentRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/a/:token/:n", async (c) => {
    const ctx = c.get("ctx");
    const n = Number(c.req.param("n"));
    const link = await resolveLink(ctx, c.req.param("token"));
    if (link.kind !== "ok" || !Number.isInteger(n)) return refuse(c);
    const att = (await getMeetingBundle(ctx, link.meeting.id)).attachments.find((a) => a.number === n);
    if (!att) return refuse(c);
    return serveAttachment(c, ctx, att);
  });
  app.get("/arkiv/mote/:meetingId/vedlegg/:n", async (c) => {
    const ctx = c.get("ctx");
    const n = Number(c.req.param("n"));
    const bundle = await getMeetingBundle(ctx, c.req.param("meetingId")).catch(() => undefined);
    const att = bundle?.attachments.find((a) => a.number === n);
    if (!bundle?.meeting.published || !att || att.exempt) return refuse(c);
    return serveAttachment(c, ctx, att);
  });
  return app;
}

function refuse(c: Context) {
  const m = t.archive;
  return c.html(`<!doctype html><html lang="nb"><meta charset="utf-8"><title>${m.attachmentMissingTitle}</title><h1>${m.attachmentMissingTitle}</h1><p>${m.attachmentMissing}</p></html>`, 404);
}

/**
 * Uploaded files are the secretariat's, but a file that a browser would render (HTML in a .txt,
 * script in an SVG) must never run on our origin: only PDF and images open inline, everything
 * else is a download, and nosniff stops the browser guessing a type. The S3 adapter presigns the
 * same headers for the redirect.
 */
async function serveAttachment(c: Context, ctx: AppContext, att: Attachment) {
  const opened = await ctx.blobs.open(att.blobKey, att.filename).catch((err: unknown) => {
    ctx.log.warn("attachment file unreadable", { meetingId: att.meetingId, number: att.number, err });
    return undefined;
  });
  if (!opened) return refuse(c);
  c.header("Cache-Control", "private, no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  if (opened.kind === "redirect") return c.redirect(opened.url, 302);
  const { contentType, contentDisposition } = downloadHeaders(opened.contentType, att.filename);
  return c.body(new Uint8Array(opened.body), 200, { "Content-Type": contentType, "Content-Disposition": contentDisposition });
}
