/** The secretariat's send pages: preview (made by the send worker) and send the innkalling, and follow a send's progress. */
import { Hono } from "hono";
import { getBody, getPeople, listMembers } from "../../../shared/directory/index.js";
import { ConflictError, NotFoundError } from "../../../shared/errors.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { nbSending } from "../../../shared/i18n/nb-sending.js";
import { invitationIdForMember, invitationsOf } from "../../../shared/invitations/index.js";
import { getMeetingBundle, getMeetingRecord } from "../../../shared/meetings/index.js";
import type { Invitation, Member } from "../../../shared/model.js";
import {
  createSend,
  LateSendError,
  lateSendWarning,
  listSendsOfMeeting,
  previewIsReady,
  sendProgress,
} from "../../../shared/sending/index.js";
import { formFields } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { type C, frame } from "./page.js";
import { type PickRow, ProgressPage, SendPage } from "./sends-views.js";

/** The preview's own policy: `sandbox` (no scripts, an opaque origin) even if opened directly, framed by our page only. */
const PREVIEW_CSP =
  "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'";

/** The send page: the preview, the send to all, the late warning if any, and the list to pick people from. */
async function page(c: C, meetingId: string, extra: { pickError?: string } = {}, status: 200 | 400 | 409 = 200) {
  const ctx = c.get("ctx");
  const bundle = await getMeetingBundle(ctx, meetingId);
  const m = bundle.meeting;
  const [body, members, sends, ready] = await Promise.all([
    getBody(ctx, m.bodyId),
    listMembers(ctx, m.bodyId),
    listSendsOfMeeting(ctx, m.id),
    previewIsReady(ctx, m.id, m.version),
  ]);
  const invitations = invitationsOf(bundle.rest);
  const live = invitations.filter((i) => !i.withdrawn && !i.substituteFor).length;
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
      late={lateSendWarning(m, "invitation", ctx.clock.now())}
      people={await pickRows(c, invitations, members)}
      {...extra}
    />,
    status,
  );
}

/** Everyone the innkalling can go to: live invitations, then members not invited yet; blocked addresses marked. */
async function pickRows(c: C, invitations: Invitation[], members: Member[]): Promise<PickRow[]> {
  const live = invitations.filter((i) => !i.withdrawn && !i.held);
  const invited = new Set(invitations.map((i) => i.id));
  const fresh = members.filter((m) => m.role !== "secretariat" && !invited.has(invitationIdForMember(m.id)));
  const rows = [
    ...live.map((i) => ({ id: i.id, name: i.name, email: i.email, organisationName: i.organisationName, personId: i.personId })),
    ...fresh.map((m) => ({
      id: invitationIdForMember(m.id),
      name: m.personName,
      email: m.personEmail,
      organisationName: m.organisationName,
      personId: m.personId,
    })),
  ];
  const people = await getPeople(
    c.get("ctx"),
    rows.flatMap((r) => (r.personId ? [r.personId] : [])),
  );
  return rows.map(({ personId, ...row }) => {
    const person = personId ? people.get(personId) : undefined;
    const blocked = person?.complainedAt ? "complaint" : person?.bouncedAt ? "bounce" : undefined;
    return { ...row, email: person?.email ?? row.email, ...(blocked ? { blocked } : {}) };
  });
}

export function sendPages() {
  const app = new Hono<AppEnv>();
  // Opening the page only reads: the preview is made by a POST (mail scanners and prefetchers open GET links).
  app.get("/moter/:id/send", (c) => page(c, c.req.param("id")));
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
    const selected = f.audience === "selected";
    if (!selected && f.confirm !== "yes") return c.redirect(`/moter/${id}/send`, 303);
    // A ticked list comes as repeated fields (formFields keeps one value per name).
    const picked = selected ? [(await c.req.parseBody({ all: true })).recipients ?? []].flat().map(String) : [];
    if (selected && picked.length === 0) return page(c, id, { pickError: nbSending.noneSelected }, 400);
    // The page puts a random key in the form; anything else (a tampered form) is not a key.
    const idempotencyKey = /^[A-Za-z0-9_-]{8,200}$/.test(f.idempotencyKey ?? "") ? f.idempotencyKey : undefined;
    try {
      const { sendId } = await createSend(c.get("ctx"), {
        meetingId: id,
        template: "invitation",
        audience: selected ? { invitationIds: picked.slice(0, 5000) } : "all",
        late: f.confirmLate === "yes" ? "confirmed" : "refuse",
        idempotencyKey,
        by: actor(c),
      });
      return c.redirect(`/utsendelser/${sendId}`, 303);
    } catch (err) {
      // Late and not confirmed: the page again, with the warning and the "Send likevel" step.
      if (err instanceof LateSendError) return page(c, id, {}, 409);
      // A ticked person no longer on the list (withdrawn meanwhile, or a tampered form): the list again, said why.
      if (selected && (err instanceof NotFoundError || err instanceof ConflictError))
        return page(c, id, { pickError: nbSending.pickRefused(err.message) }, 400);
      throw err;
    }
  });
  app.get("/utsendelser/:id", async (c) =>
    sendPage(c, <ProgressPage {...frame(c)} progress={await sendProgress(c.get("ctx"), c.req.param("id"))} />),
  );
  return app;
}
