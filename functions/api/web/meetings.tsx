/** The secretariat's meeting pages: a new meeting (/moter/ny), the meeting page (/moter/:id), its details, publishing, cancel and copy. */
import { Hono } from "hono";
import { getBody, listBodies } from "../../../shared/directory/index.js";
import { ConflictError, InvalidError } from "../../../shared/errors.js";
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { CopyMeetingInput, CreateMeetingInput, SetNextCaseNumberInput, UpdateMeetingInput } from "../../../shared/inputs.js";
import {
  changeMeeting,
  copyMeeting,
  createMeeting,
  getMeetingBundle,
  getMeetingRecord,
  nextCaseNumberLabel,
  setNextCaseNumber,
  shownStatus,
  suggestedCopyDate,
} from "../../../shared/meetings/index.js";
import { createSend } from "../../../shared/sending/index.js";
import { osloYear } from "../../../shared/time.js";
import { blankToUndefined, byField, formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { CancelMeetingPage, type EditorProps, MeetingEditor, NewMeetingPage } from "./meetings-views.js";
import { type C, done, frame } from "./page.js";

const msg = nbPages.notices;

/** The meeting page, again with a form's values and errors after a failed post (agenda and attachments use it too). */
export async function editorPage(c: C, id: string, extra: Partial<EditorProps> = {}, status: 200 | 400 | 409 = 200) {
  const ctx = c.get("ctx");
  const bundle = await getMeetingBundle(ctx, id);
  const body = await getBody(ctx, bundle.meeting.bodyId);
  const year = osloYear(bundle.meeting.startsAt);
  const next = await nextCaseNumberLabel(ctx, body.id, year);
  return sendPage(
    c,
    <MeetingEditor
      {...frame(c)}
      meeting={bundle.meeting}
      body={body}
      agenda={bundle.agenda}
      attachments={bundle.attachments}
      nextNumber={next}
      caseYear={year}
      status={shownStatus(bundle.meeting, ctx.clock.now())}
      copyDate={suggestedCopyDate(bundle.meeting)}
      {...extra}
    />,
    status,
  );
}

/**
 * Cancels a meeting. Once an innkalling has gone out, the cancellation send sets the status and
 * gives everyone the calendar CANCEL (its progress page follows); a draft is only marked cancelled.
 */
async function cancelMeeting(c: C, id: string) {
  const ctx = c.get("ctx");
  const f = await formFields(c.req);
  if (f.confirm !== "yes") return c.redirect(`/moter/${id}/avlys`, 303);
  const meeting = await getMeetingRecord(ctx, id);
  const status = shownStatus(meeting, ctx.clock.now());
  if (status === "cancelled") return done(c, `/moter/${id}`, nbMeetings.rules.alreadyCancelled);
  if (status !== "draft" && status !== "invited") return done(c, `/moter/${id}`, nbMeetings.rules.heldNotCancelled);
  if (meeting.invitedVersion === undefined) {
    await changeMeeting(ctx, id, { status: "cancelled" });
    return done(c, `/moter/${id}`, nbMeetings.notices.meetingCancelled);
  }
  // The page puts a random key in the form: a double click or a refresh sends one cancellation.
  const idempotencyKey = /^[A-Za-z0-9_-]{8,200}$/.test(f.idempotencyKey ?? "") ? f.idempotencyKey : undefined;
  try {
    const { sendId } = await createSend(ctx, {
      meetingId: id,
      template: "cancellation",
      audience: "all",
      idempotencyKey,
      by: actor(c),
    });
    return c.redirect(`/utsendelser/${sendId}`, 303);
  } catch (err) {
    // Cancelled by someone else meanwhile (their send goes out, this one is not made), or nobody to tell.
    if (err instanceof ConflictError) return done(c, `/moter/${id}`, err.message);
    throw err;
  }
}

export function meetingPages() {
  const app = new Hono<AppEnv>();
  app.get("/moter/ny", async (c) => {
    const bodies = await listBodies(c.get("ctx"));
    return sendPage(
      c,
      <NewMeetingPage {...frame(c)} bodies={bodies} values={{ bodyId: c.req.query("organ") ?? "" }} errors={{}} />,
    );
  });
  app.post("/moter", async (c) => {
    const ctx = c.get("ctx");
    const f = await formFields(c.req);
    const fail = async (errors: Record<string, string>) =>
      sendPage(c, <NewMeetingPage {...frame(c)} bodies={await listBodies(ctx)} values={f} errors={errors} />, 400);
    const v = validate(CreateMeetingInput, blankToUndefined(f));
    if (!v.ok) return fail(v.errors);
    try {
      const m = await createMeeting(ctx, v.data, ctx.clock.now());
      return done(c, `/moter/${m.id}`);
    } catch (err) {
      if (err instanceof InvalidError) return fail(byField(err.errors));
      throw err;
    }
  });

  app.get("/moter/:id", (c) => editorPage(c, c.req.param("id"), { notice: c.req.query("ok") }));
  app.post("/moter/:id", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    // An emptied deadline is a change (no deadline), not "leave as is".
    const v = validate(UpdateMeetingInput, { ...blankToUndefined(f), replyDeadline: f.replyDeadline ? f.replyDeadline : null });
    if (!v.ok) return editorPage(c, id, { values: f, errors: v.errors }, 400);
    try {
      await changeMeeting(c.get("ctx"), id, v.data);
    } catch (err) {
      if (err instanceof InvalidError) return editorPage(c, id, { values: f, errors: byField(err.errors) }, 400);
      throw err;
    }
    return done(c, `/moter/${id}`, msg.meetingSaved);
  });
  app.post("/moter/:id/publiser", async (c) => {
    const id = c.req.param("id");
    const published = (await formFields(c.req)).published === "true";
    await changeMeeting(c.get("ctx"), id, { published });
    return done(c, `/moter/${id}`, published ? msg.published : msg.unpublished);
  });
  app.get("/moter/:id/avlys", async (c) =>
    sendPage(c, <CancelMeetingPage {...frame(c)} meeting={await getMeetingRecord(c.get("ctx"), c.req.param("id"))} />),
  );
  app.post("/moter/:id/avlys", (c) => cancelMeeting(c, c.req.param("id")));
  app.post("/moter/:id/kopier", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const v = validate(CopyMeetingInput, { date: f.date ?? "" });
    if (!v.ok) return editorPage(c, id, { copyValues: f, copyErrors: v.errors }, 400);
    try {
      const copy = await copyMeeting(c.get("ctx"), id, v.data);
      return done(c, `/moter/${copy.meeting.id}`, nbMeetings.notices.meetingCopied);
    } catch (err) {
      // The copied times break a rule (a deadline after the start): said on the date field.
      if (err instanceof InvalidError)
        return editorPage(c, id, { copyValues: f, copyErrors: { date: err.errors[0]!.message } }, 400);
      throw err;
    }
  });
  app.post("/moter/:id/saksnummer", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const meeting = await getMeetingRecord(ctx, id);
    const year = osloYear(meeting.startsAt);
    const v = validate(SetNextCaseNumberInput, { year, next: /^\d{1,4}$/.test(f.next ?? "") ? Number(f.next) : f.next });
    if (!v.ok) return editorPage(c, id, { caseNumberValues: f, caseNumberErrors: v.errors }, 400);
    try {
      await setNextCaseNumber(ctx, meeting.bodyId, v.data);
    } catch (err) {
      if (err instanceof ConflictError)
        return editorPage(c, id, { caseNumberValues: f, caseNumberErrors: { next: err.message } }, 409);
      throw err;
    }
    return done(c, `/moter/${id}`, nbMeetings.notices.caseNumberSet(await nextCaseNumberLabel(ctx, meeting.bodyId, year)));
  });
  return app;
}
