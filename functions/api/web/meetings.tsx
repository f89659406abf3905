/** The secretariat's meeting pages: a new meeting (/moter/ny), the meeting page (/moter/:id), its details and publishing. */
import { Hono } from "hono";
import { getBody, listBodies } from "../../../shared/directory/index.js";
import { InvalidError } from "../../../shared/errors.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { CreateMeetingInput, UpdateMeetingInput } from "../../../shared/inputs.js";
import { changeMeeting, createMeeting, getMeetingBundle, nextCaseNumberLabel } from "../../../shared/meetings/index.js";
import { osloYear } from "../../../shared/time.js";
import { blankToUndefined, byField, formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { type EditorProps, MeetingEditor, NewMeetingPage } from "./meetings-views.js";
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
      {...extra}
    />,
    status,
  );
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
  return app;
}
