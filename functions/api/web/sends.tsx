/** The secretariat's send pages: preview (made by the send worker) and send the innkalling, and follow a send's progress. */
import { Hono } from "hono";
import { getBody, listMembers } from "../../../shared/directory/index.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { invitationsOf } from "../../../shared/invitations/index.js";
import { getMeetingBundle, getMeetingRecord } from "../../../shared/meetings/index.js";
import { createSend, listSendsOfMeeting, previewIsReady, sendProgress } from "../../../shared/sending/index.js";
import { formFields } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { frame } from "./page.js";
import { ProgressPage, SendPage } from "./sends-views.js";

/** The preview's own policy: `sandbox` (no scripts, an opaque origin) even if opened directly, framed by our page only. */
const PREVIEW_CSP =
  "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'";

export function sendPages() {
  const app = new Hono<AppEnv>();
  // Opening the page only reads: the preview is made by a POST (mail scanners and prefetchers open GET links).
  app.get("/moter/:id/send", async (c) => {
    const ctx = c.get("ctx");
    const bundle = await getMeetingBundle(ctx, c.req.param("id"));
    const m = bundle.meeting;
    const [body, members, sends, ready] = await Promise.all([
      getBody(ctx, m.bodyId),
      listMembers(ctx, m.bodyId),
      listSendsOfMeeting(ctx, m.id),
      previewIsReady(ctx, m.id, m.version),
    ]);
    const live = invitationsOf(bundle.rest).filter((i) => !i.withdrawn && !i.substituteFor).length;
    const listed = members.filter((x) => x.role !== "secretariat").length;
    return sendPage(
      c,
      <SendPage
        {...frame(c)}
        meeting={m}
        body={body}
        recipients={Math.max(live, listed)}
        previewUrl={ready ? `/moter/${m.id}/forhandsvisning/${m.version}` : undefined}
        previewRequested={!ready && c.req.query("forhandsvisning") === "bestilt"}
        sends={sends}
      />,
    );
  });
  app.post("/moter/:id/forhandsvisning", async (c) => {
    const ctx = c.get("ctx");
    const m = await getMeetingRecord(ctx, c.req.param("id"));
    await ctx.queue.send([{ kind: "preview", meetingId: m.id, version: m.version }]);
    return c.redirect(`/moter/${m.id}/send?forhandsvisning=bestilt`, 303);
  });
  app.get("/moter/:id/forhandsvisning/:version", async (c) => {
    const ctx = c.get("ctx");
    const { id, version } = c.req.param();
    if (!/^[0-9A-Za-z_-]{1,64}$/.test(id) || !/^\d{1,9}$/.test(version)) return c.notFound();
    const opened = await ctx.blobs.open(`previews/${id}/${Number(version)}.html`, nbPages.previewFilename).catch(() => undefined);
    if (!opened) return c.notFound();
    // Served by us, never by a redirect to S3: only our response carries the policy below.
    const body =
      opened.kind === "body"
        ? opened.body
        : await fetch(opened.url).then(async (r) => (r.ok ? new Uint8Array(await r.arrayBuffer()) : undefined));
    if (!body) return c.notFound();
    // The email's own markup; inline styles are how email HTML is styled (MJML writes them), and they cannot run anything.
    c.header("Content-Security-Policy", PREVIEW_CSP);
    c.header("X-Frame-Options", "SAMEORIGIN");
    c.header("Cache-Control", "private, no-store");
    return c.body(new Uint8Array(body), 200, { "Content-Type": "text/html; charset=utf-8" });
  });
  app.post("/moter/:id/send", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    if (f.confirm !== "yes") return c.redirect(`/moter/${id}/send`, 303);
    // The page puts a random key in the form; anything else (a tampered form) is not a key.
    const idempotencyKey = /^[A-Za-z0-9_-]{8,200}$/.test(f.idempotencyKey ?? "") ? f.idempotencyKey : undefined;
    const { sendId } = await createSend(c.get("ctx"), {
      meetingId: id,
      template: "invitation",
      audience: "all",
      idempotencyKey,
      by: actor(c),
    });
    return c.redirect(`/utsendelser/${sendId}`, 303);
  });
  app.get("/utsendelser/:id", async (c) =>
    sendPage(c, <ProgressPage {...frame(c)} progress={await sendProgress(c.get("ctx"), c.req.param("id"))} />),
  );
  return app;
}
