import { Hono } from "hono";
import type { Context } from "hono";
import { z } from "zod";
import { ConflictError, InvalidError, NotFoundError } from "../../../shared/errors.js";
import { AddAgendaItemInput, CreateMeetingInput, UpdateAgendaItemInput, UpdateMeetingInput } from "../../../shared/inputs.js";
import { osloYear } from "../../../shared/time.js";
import { groupRepliesByOrganisation, ReplyForm } from "../../../shared/invitations/index.js";
import { approveMinutes, getMinutes, saveMinutes, scheduleMinutes } from "../../../shared/minutes/index.js";
import { getJob } from "../../../shared/jobs/index.js";
import { listMeetingReplies } from "../../../shared/invitations/index.js";
import { submitReply } from "../../../shared/invitations/index.js";
import { createSend, sendProgress } from "../../../shared/sending/index.js";
import { queryAll } from "../../../shared/store/db.js";
import * as directory from "../../../shared/store/directory.js";
import { invitationsOf } from "../../../shared/store/invitations.js";
import * as meetings from "../../../shared/store/meetings.js";
import type { AppEnv } from "../app.js";
import { changeMeeting } from "../../../shared/meetings/index.js";
import { removeMemberFromList } from "../../../shared/directory/index.js";
import { parseMemberCsv } from "../routes/directory.js";
import { BoardPage, MeetingEditor, MembersPage, MinutesPage, NewMeetingPage, Overview, ProgressPage, SendPage, UploadPage } from "../views/secretariat/pages.js";
import { acceptFor, attachmentContentType, createUpload, maxUploadMb, recordUpload, typeLabel } from "../uploads.js";
import { blankToUndefined, formFields, validate } from "./forms.js";
import { csrfToken, requireSecretariatPage, verifyCsrf } from "./guard.js";
import { parseAttendeeLines, parseNumberList, parseSubItems } from "./parse.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";

const msg = nbPages.notices;

type C = Context<AppEnv>;
const html = (c: C, page: unknown, status: 200 | 400 | 404 | 409 = 200) => c.html(`<!doctype html>${page}`, status);
const frame = (c: C) => ({ user: (c.var as { user?: { email: string } }).user?.email, csrf: csrfToken(c) });
const by = (c: C) => `secretariat:${(c.var as { user?: { email: string } }).user?.email ?? "ukjent"}`;
const fieldErrors = (err: InvalidError) => Object.fromEntries(err.errors.map((e) => [e.field, e.message]));

/** The attachment form (step 1 of an upload). */
const AttachmentForm = z.object({
  attachmentTitle: z.string().trim().min(1).max(300),
  attachmentType: attachmentContentType,
  exempt: z.literal("true").optional().transform((x) => x === "true"),
});
/** Where S3 sends the browser after storing the file: our parameters, and S3's key (bucket, etag ignored). */
const ReceivedQuery = z.object({
  key: z.string().min(1).max(1024),
  tittel: z.string().trim().min(1).max(300),
  unntatt: z.enum(["true", "false"]).default("false"),
});

/** The secretariat's pages: every core action is a plain form post; redirects after success (PRG). */
export function secretariatPages() {
  const app = new Hono<AppEnv>();
  for (const path of ["/", "/organ/*", "/moter", "/moter/*", "/utsendelser/*"]) {
    app.use(path, requireSecretariatPage);
    app.use(path, verifyCsrf);
  }

  app.get("/", async (c) => {
    const ctx = c.get("ctx");
    const now = ctx.clock.now().toISOString();
    const bodies = await directory.listBodies(ctx);
    const all = (await Promise.all(bodies.map(async (b) => (await meetings.listMeetings(ctx, b.id)).map((m) => ({ ...m, bodyName: b.name }))))).flat();
    const upcoming = all.filter((m) => m.endsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const past = all.filter((m) => m.endsAt < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt)).slice(0, 20);
    const attention: { href: string; text: string }[] = [];
    for (const m of upcoming.filter((m) => m.status === "invited")) {
      const { invitations, bounced } = await listMeetingReplies(ctx, m.id);
      const board = groupRepliesByOrganisation(invitations, bounced);
      const soon = m.replyDeadline && new Date(m.replyDeadline).getTime() - Date.parse(now) < 3 * 86_400_000;
      if (board.totals.bounced! > 0) attention.push({ href: `/moter/${m.id}/svar`, text: msg.attentionBounced(m.title, board.totals.bounced!) });
      const held = board.organisations.flatMap((o) => o.seats).filter((x) => x.substitute?.held).length;
      if (held > 0) attention.push({ href: `/moter/${m.id}/svar`, text: msg.attentionSubstituteHeld(m.title, held) });
      if (soon && board.totals.noAnswer! > 0) attention.push({ href: `/moter/${m.id}/svar?filter=ubesvart`, text: msg.attentionNoAnswer(m.title, board.totals.noAnswer!) });
    }
    for (const m of past.filter((m) => m.status !== "minutes_sent" && m.status !== "cancelled" && m.status !== "draft")) {
      attention.push({ href: `/moter/${m.id}/referat`, text: msg.attentionMinutes(`${m.bodyName} ${m.title}`) });
    }
    return html(c, <Overview {...frame(c)} bodies={bodies} upcoming={upcoming} past={past} attention={attention} />);
  });

  // Members of a body.
  const membersPage = async (c: C, bodyId: string, extra: Partial<Parameters<typeof MembersPage>[0]> = {}, status: 200 | 400 = 200) => {
    const ctx = c.get("ctx");
    const [body, members, organisations] = await Promise.all([directory.getBody(ctx, bodyId), directory.listMembers(ctx, bodyId), directory.listOrganisations(ctx)]);
    return html(c, <MembersPage {...frame(c)} body={body} members={members} organisations={organisations} {...extra} />, status);
  };
  app.get("/organ/:id", (c) => membersPage(c, c.req.param("id"), { notice: c.req.query("ok") }));
  app.post("/organ/:id/medlemmer", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const input = { person: { name: f.name ?? "", email: f.email ?? "" }, organisationId: f.organisationId || undefined, role: f.role || "member" };
    const v = validate(z.object({ person: z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(254) }), organisationId: z.string().optional(), role: z.enum(["member", "deputy", "observer", "secretariat"]) }), input);
    if (!v.ok) {
      const errors = Object.fromEntries(Object.entries(v.errors).map(([k, m]) => [k.replace("person.", ""), m]));
      return membersPage(c, id, { values: f, errors }, 400);
    }
    try {
      await directory.addMember(c.get("ctx"), id, { ...v.data, person: { ...v.data.person, email: v.data.person.email.toLowerCase() } });
    } catch (err) {
      if (err instanceof ConflictError) return membersPage(c, id, { values: f, errors: { email: err.message } }, 400);
      throw err;
    }
    return c.redirect(`/organ/${id}?ok=${encodeURIComponent(msg.memberAdded)}`, 303);
  });
  app.post("/organ/:id/medlemmer/:mid", async (c) => {
    const { id, mid } = c.req.param();
    const f = await formFields(c.req);
    if (f.action === "remove") await removeMemberFromList(c.get("ctx"), id, mid, c.get("ctx").clock.now());
    else {
      const role = z.enum(["member", "deputy", "observer", "secretariat"]).safeParse(f.role);
      if (!role.success) return membersPage(c, id, { notice: msg.invalidRole }, 400);
      await directory.updateMember(c.get("ctx"), id, mid, { role: role.data });
    }
    return c.redirect(`/organ/${id}?ok=${encodeURIComponent(f.action === "remove" ? msg.memberRemoved : msg.roleChanged)}`, 303);
  });
  app.post("/organ/:id/import", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const csv = f.csv ?? "";
    try {
      const rows = parseMemberCsv(csv);
      if (f.step === "confirm") {
        const r = await directory.importMembers(c.get("ctx"), id, rows);
        return c.redirect(`/organ/${id}?ok=${encodeURIComponent(msg.imported(r))}`, 303);
      }
      return membersPage(c, id, { csv, preview: await directory.previewImport(c.get("ctx"), id, rows) });
    } catch (err) {
      if (err instanceof InvalidError) return membersPage(c, id, { csv, importErrors: err.errors }, 400);
      throw err;
    }
  });

  // Meetings.
  app.get("/moter/ny", async (c) => {
    const bodies = await directory.listBodies(c.get("ctx"));
    return html(c, <NewMeetingPage {...frame(c)} bodies={bodies} values={{ bodyId: c.req.query("organ") ?? "" }} errors={{}} />);
  });
  app.post("/moter", async (c) => {
    const ctx = c.get("ctx");
    const f = await formFields(c.req);
    const v = validate(CreateMeetingInput, blankToUndefined(f));
    const fail = async (errors: Record<string, string>) => html(c, <NewMeetingPage {...frame(c)} bodies={await directory.listBodies(ctx)} values={f} errors={errors} />, 400);
    if (!v.ok) return fail(v.errors);
    try {
      const m = await meetings.createMeeting(ctx, v.data, ctx.clock.now());
      return c.redirect(`/moter/${m.id}`, 303);
    } catch (err) {
      if (err instanceof InvalidError) return fail(fieldErrors(err));
      throw err;
    }
  });

  const editor = async (c: C, id: string, extra: Partial<Parameters<typeof MeetingEditor>[0]> = {}, status: 200 | 400 | 409 = 200) => {
    const ctx = c.get("ctx");
    const bundle = await meetings.getMeetingBundle(ctx, id);
    const body = await directory.getBody(ctx, bundle.meeting.bodyId);
    const year = osloYear(bundle.meeting.startsAt);
    const next = `${await meetings.nextCaseNumber(ctx, body.id, year)}/${year}`;
    return html(c, <MeetingEditor {...frame(c)} meeting={bundle.meeting} body={body} agenda={bundle.agenda} attachments={bundle.attachments} nextNumber={next} {...extra} />, status);
  };
  app.get("/moter/:id", (c) => editor(c, c.req.param("id"), { notice: c.req.query("ok") }));
  app.post("/moter/:id", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const v = validate(UpdateMeetingInput, { ...blankToUndefined(f), replyDeadline: f.replyDeadline ? f.replyDeadline : null });
    if (!v.ok) return editor(c, id, { values: f, errors: v.errors }, 400);
    try {
      await changeMeeting(ctx, id, v.data);
    } catch (err) {
      if (err instanceof InvalidError) return editor(c, id, { values: f, errors: fieldErrors(err) }, 400);
      throw err;
    }
    return c.redirect(`/moter/${id}?ok=${encodeURIComponent(msg.meetingSaved)}`, 303);
  });
  app.post("/moter/:id/saker", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const v = validate(AddAgendaItemInput, { title: f.title, kind: f.kind || "decision", background: f.background || undefined, proposedDecision: f.proposedDecision || undefined });
    if (!v.ok) return editor(c, id, { itemValues: f, itemErrors: v.errors }, 400);
    try {
      await meetings.addAgendaItem(c.get("ctx"), id, v.data);
    } catch (err) {
      if (err instanceof ConflictError) return editor(c, id, { itemValues: f, itemErrors: { title: err.message } }, 409);
      throw err;
    }
    return c.redirect(`/moter/${id}?ok=${encodeURIComponent(msg.caseAdded)}`, 303);
  });
  app.post("/moter/:id/saker/:itemId", async (c) => {
    const { id, itemId } = c.req.param();
    const f = await formFields(c.req);
    const v = validate(UpdateAgendaItemInput, {
      title: f.title,
      background: f.background || null,
      proposedDecision: f.proposedDecision || null,
      subItems: parseSubItems(f.subItems ?? ""),
      attachmentNumbers: parseNumberList(f.attachmentNumbers ?? ""),
    });
    if (!v.ok) return editor(c, id, { notice: msg.caseNotSaved(Object.values(v.errors).join(" ")) }, 400);
    await meetings.updateAgendaItem(c.get("ctx"), id, itemId, v.data);
    return c.redirect(`/moter/${id}?ok=${encodeURIComponent(msg.caseSaved)}`, 303);
  });
  app.post("/moter/:id/saker/:itemId/flytt", async (c) => {
    const { id, itemId } = c.req.param();
    const f = await formFields(c.req);
    const position = Number(f.position);
    if (!Number.isInteger(position) || position < 0) return editor(c, id, { notice: msg.invalidPosition }, 400);
    await meetings.moveAgendaItem(c.get("ctx"), id, itemId, position);
    return c.redirect(`/moter/${id}`, 303);
  });
  // Attachments (functions/api/uploads.ts): the form says what the file is; the upload page posts
  // the file straight to S3, which redirects to /mottatt, where the app checks and records it.
  app.post("/moter/:id/vedlegg", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const v = validate(AttachmentForm, f);
    if (!v.ok) return editor(c, id, { uploadValues: f, uploadErrors: v.errors }, 400);
    const meeting = await meetings.getMeetingRecord(ctx, id);
    // Back to the origin the browser is on (S3 appends bucket, key and etag); the signed policy pins this URL.
    const back = new URL(`/moter/${id}/vedlegg/mottatt`, new URL(c.req.url).origin);
    back.searchParams.set("tittel", v.data.attachmentTitle);
    back.searchParams.set("unntatt", String(v.data.exempt));
    const upload = await createUpload(ctx, id, { contentType: v.data.attachmentType, redirect: back.href });
    return html(
      c,
      <UploadPage
        {...frame(c)}
        meeting={meeting}
        title={v.data.attachmentTitle}
        typeLabel={typeLabel(v.data.attachmentType)}
        accept={acceptFor(v.data.attachmentType)}
        exempt={v.data.exempt}
        maxMb={maxUploadMb}
        upload={upload}
      />,
    );
  });
  // A GET that writes, because S3's redirect is a GET: it records only an object already uploaded
  // under this meeting's upload prefix (an unguessable key from a form we signed), and only once.
  app.get("/moter/:id/vedlegg/mottatt", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const q = ReceivedQuery.safeParse(c.req.query());
    if (!q.success) return editor(c, id, { uploadErrors: { file: nbPages.uploads.missing } }, 400);
    try {
      const result = await recordUpload(ctx, id, { key: q.data.key, title: q.data.tittel, exempt: q.data.unntatt === "true" });
      if (!result.ok) return editor(c, id, { uploadValues: { attachmentTitle: q.data.tittel }, uploadErrors: { file: result.message } }, 400);
    } catch (err) {
      if (err instanceof InvalidError) return editor(c, id, { uploadErrors: { file: err.errors[0]?.message ?? nbPages.uploads.missing } }, 400);
      throw err;
    }
    return c.redirect(`/moter/${id}?ok=${encodeURIComponent(msg.attachmentUploaded)}`, 303);
  });
  app.post("/moter/:id/vedlegg/:n/unntak", async (c) => {
    const { id, n } = c.req.param();
    const f = await formFields(c.req);
    await meetings.setAttachmentExempt(c.get("ctx"), id, Number(n), f.exempt === "true").catch(() => {
      throw new NotFoundError(`vedlegg ${n}`);
    });
    return c.redirect(`/moter/${id}`, 303);
  });
  app.post("/moter/:id/publiser", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const f = await formFields(c.req);
    await changeMeeting(ctx, id, { published: f.published === "true" });
    return c.redirect(`/moter/${id}?ok=${encodeURIComponent(f.published === "true" ? msg.published : msg.unpublished)}`, 303);
  });

  // Preview (rendered by the send worker, never here) and send. Opening the page only reads:
  // the preview is made by a POST (mail scanners and prefetchers open GET links).
  app.get("/moter/:id/send", async (c) => {
    const ctx = c.get("ctx");
    const bundle = await meetings.getMeetingBundle(ctx, c.req.param("id"));
    const m = bundle.meeting;
    const body = await directory.getBody(ctx, m.bodyId);
    const members = (await directory.listMembers(ctx, m.bodyId)).filter((x) => x.role !== "secretariat");
    const ready = bundle.rest.some((i) => i.SK === `PREVIEW#${m.version}`);
    const sendItems = await queryAll(ctx, {
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk",
      ExpressionAttributeValues: { ":pk": `MEETING#${m.id}#SENDS` },
    });
    const live = invitationsOf(bundle.rest).filter((i) => !i.withdrawn && !i.substituteFor).length;
    return html(
      c,
      <SendPage
        {...frame(c)}
        meeting={m}
        body={body}
        recipients={Math.max(live, members.length)}
        previewUrl={ready ? `/moter/${m.id}/forhandsvisning/${m.version}` : undefined}
        previewRequested={!ready && c.req.query("forhandsvisning") === "bestilt"}
        sends={sendItems.map((s) => ({ id: String(s.id), template: String(s.template), createdAt: String(s.createdAt), total: Number(s.total) }))}
      />,
    );
  });
  app.post("/moter/:id/forhandsvisning", async (c) => {
    const ctx = c.get("ctx");
    const m = await meetings.getMeetingRecord(ctx, c.req.param("id"));
    await ctx.queue.send([{ kind: "preview", meetingId: m.id, version: m.version }]);
    return c.redirect(`/moter/${m.id}/send?forhandsvisning=bestilt`, 303);
  });
  app.get("/moter/:id/forhandsvisning/:version", async (c) => {
    const ctx = c.get("ctx");
    const { id, version } = c.req.param();
    if (!/^[0-9A-Za-z_-]{1,64}$/.test(id) || !/^\d{1,9}$/.test(version)) return c.notFound();
    const opened = await ctx.blobs.open(`previews/${id}/${Number(version)}.html`, "innkalling.html").catch(() => undefined);
    if (!opened) return c.notFound();
    // Served by us, never by a redirect to S3: only our response carries the policy below.
    const body = opened.kind === "body" ? opened.body : await fetch(opened.url).then(async (r) => (r.ok ? new Uint8Array(await r.arrayBuffer()) : undefined));
    if (!body) return c.notFound();
    // The email's own markup, framed by the send page: `sandbox` (no scripts, an opaque origin)
    // even if opened directly; framing by our own page only. Inline styles are how email HTML is
    // styled (MJML writes them), and they cannot run anything.
    c.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'");
    c.header("X-Frame-Options", "SAMEORIGIN");
    c.header("Cache-Control", "private, no-store");
    return c.body(new Uint8Array(body), 200, { "Content-Type": "text/html; charset=utf-8" });
  });
  app.post("/moter/:id/send", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const f = await formFields(c.req);
    if (f.confirm !== "yes") return c.redirect(`/moter/${id}/send`, 303);
    // The page puts a random key in the form; anything else (a tampered form) is not a key.
    const idempotencyKey = /^[A-Za-z0-9_-]{8,200}$/.test(f.idempotencyKey ?? "") ? f.idempotencyKey : undefined;
    const { sendId } = await createSend(ctx, { meetingId: id, template: "invitation", audience: "all", idempotencyKey, by: by(c) });
    return c.redirect(`/utsendelser/${sendId}`, 303);
  });
  app.get("/utsendelser/:id", async (c) => {
    const progress = await sendProgress(c.get("ctx"), c.req.param("id"));
    return html(c, <ProgressPage {...frame(c)} progress={progress} />);
  });

  // Replies per kommune.
  const board = async (c: C, id: string, notice?: string, status: 200 | 400 = 200) => {
    const ctx = c.get("ctx");
    const { bundle, invitations, bounced } = await listMeetingReplies(ctx, id);
    return html(c, <BoardPage {...frame(c)} meeting={bundle.meeting} board={groupRepliesByOrganisation(invitations, bounced)} filter={c.req.query("filter")} notice={notice} />, status);
  };
  app.get("/moter/:id/svar", (c) => board(c, c.req.param("id"), c.req.query("ok")));
  app.post("/moter/:id/svar/:invitationId", async (c) => {
    const ctx = c.get("ctx");
    const { id, invitationId } = c.req.param();
    const f = await formFields(c.req);
    const v = validate(ReplyForm, {
      status: f.status,
      reason: f.reason || undefined,
      substituteName: f.substituteName,
      substituteEmail: f.substituteEmail,
    });
    if (!v.ok) return board(c, id, msg.replyNotRecorded(Object.values(v.errors).join(" ")), 400);
    await submitReply(ctx, await meetings.getMeetingRecord(ctx, id), invitationId, v.data, by(c));
    return c.redirect(`/moter/${id}/svar?ok=${encodeURIComponent(msg.replyRecorded)}`, 303);
  });
  app.post("/moter/:id/paminnelse", async (c) => {
    const id = c.req.param("id");
    try {
      const { sendId } = await createSend(c.get("ctx"), { meetingId: id, template: "reminder", audience: "not_replied", by: by(c) });
      return c.redirect(`/utsendelser/${sendId}`, 303);
    } catch (err) {
      if (err instanceof ConflictError) return board(c, id, msg.everyoneReplied);
      throw err;
    }
  });

  // Minutes.
  const minutesPage = async (c: C, id: string, extra: { errors?: Record<string, string>; notice?: string } = {}, status: 200 | 400 | 409 = 200) => {
    const ctx = c.get("ctx");
    const [meeting, minutes] = await Promise.all([meetings.getMeetingRecord(ctx, id), getMinutes(ctx, id)]);
    const job = minutes.scheduledJobId ? await getJob(ctx, minutes.scheduledJobId) : undefined;
    const view = { ...minutes, ...(job ? { distribution: { status: job.status, dueAt: job.dueAt, lastError: job.lastError, finishedAt: job.finishedAt } } : {}) };
    return html(c, <MinutesPage {...frame(c)} meeting={meeting} minutes={view} {...extra} />, status);
  };
  app.get("/moter/:id/referat", (c) => minutesPage(c, c.req.param("id"), { notice: c.req.query("ok") }));
  app.post("/moter/:id/referat", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const items = Object.keys(f)
      .filter((k) => /^item\d+\.itemId$/.test(k))
      .map((k) => {
        const n = k.split(".")[0];
        return { itemId: f[k]!, text: f[`${n}.text`] ?? "", decision: f[`${n}.decision`] ?? "", status: f[`${n}.status`] as "decided" };
      });
    try {
      await saveMinutes(
        ctx,
        id,
        {
          startedAt: f.startedAt || undefined,
          endedAt: f.endedAt || undefined,
          place: f.place || undefined,
          present: parseAttendeeLines(f.present ?? ""),
          absent: parseAttendeeLines(f.absent ?? ""),
          secretariat: (f.secretariat ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
          items,
          correctionReason: f.correctionReason || undefined,
        },
        by(c),
      );
    } catch (err) {
      if (err instanceof InvalidError) return minutesPage(c, id, { errors: fieldErrors(err) }, 400);
      if (err instanceof ConflictError) return minutesPage(c, id, { notice: err.message }, 409);
      throw err;
    }
    return c.redirect(`/moter/${id}/referat?ok=${encodeURIComponent(msg.minutesSaved)}`, 303);
  });
  app.post("/moter/:id/referat/godkjenn", async (c) => {
    const id = c.req.param("id");
    await approveMinutes(c.get("ctx"), id, by(c));
    return c.redirect(`/moter/${id}/referat?ok=${encodeURIComponent(msg.minutesApproved)}`, 303);
  });
  app.post("/moter/:id/referat/planlegg", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    if (!f.at) return minutesPage(c, id, { errors: { at: msg.chooseTime } }, 400);
    try {
      await scheduleMinutes(c.get("ctx"), id, f.at, by(c));
    } catch (err) {
      if (err instanceof ConflictError) return minutesPage(c, id, { notice: err.message }, 409);
      throw err;
    }
    return c.redirect(`/moter/${id}/referat?ok=${encodeURIComponent(msg.distributionScheduled)}`, 303);
  });
  return app;
}

