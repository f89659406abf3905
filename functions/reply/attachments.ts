// Attachment links from emails, the reply page and the archive: checked here, then a short-lived presigned S3 URL (locally: the file).
import type { Context } from "hono";
import { Hono } from "hono";
import { downloadHeaders } from "../../shared/attachment-types.js";
import type { AppContext } from "../../shared/context.js";
import { t } from "../../shared/i18n/nb.js";
import { resolveLink } from "../../shared/invitations/index.js";
import { type PageAttachment, readMeetingAttachment } from "../../shared/store/participant.js";
import type { WebEnv } from "../../shared/web/env.js";

/**
 * A link checks the personal link (or that the meeting is published and the file not exempt),
 * in one read. Links never expire by themselves; revoking the personal link revokes them.
 */
export function attachmentRoutes() {
  const app = new Hono<WebEnv>();
  app.get("/a/:token/:n", async (c) => {
    const ctx = c.get("ctx");
    const n = Number(c.req.param("n"));
    if (!Number.isInteger(n)) return refuse(c);
    const link = await resolveLink(ctx, c.req.param("token"), { attachment: n });
    if (link.kind !== "ok" || !link.attachment) return refuse(c);
    return serveAttachment(c, ctx, link.meeting.id, link.attachment);
  });
  app.get("/arkiv/mote/:meetingId/vedlegg/:n", async (c) => {
    const ctx = c.get("ctx");
    const n = Number(c.req.param("n"));
    const meetingId = c.req.param("meetingId");
    const found =
      Number.isInteger(n) && /^[0-9a-z]{10,40}$/.test(meetingId) ? await readMeetingAttachment(ctx, meetingId, n) : undefined;
    if (!found?.published || !found.attachment || found.attachment.exempt) return refuse(c);
    return serveAttachment(c, ctx, meetingId, found.attachment);
  });
  return app;
}

function refuse(c: Context) {
  const m = t.archive;
  return c.html(
    `<!doctype html><html lang="nb"><meta charset="utf-8"><title>${m.attachmentMissingTitle}</title><h1>${m.attachmentMissingTitle}</h1><p>${m.attachmentMissing}</p></html>`,
    404,
  );
}

/**
 * Uploaded files are the secretariat's, but a file that a browser would render (HTML in a .txt,
 * script in an SVG) must never run on our origin: only PDF and images open inline, everything
 * else is a download, and nosniff stops the browser guessing a type. The S3 adapter presigns the
 * same headers for the redirect.
 */
async function serveAttachment(c: Context, ctx: AppContext, meetingId: string, att: PageAttachment) {
  const opened = await ctx.blobs.open(att.blobKey, att.filename).catch((err: unknown) => {
    ctx.log.warn("attachment file unreadable", { meetingId, number: att.number, err });
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
