/** The secretariat's reply pages (/moter/:id/svar): the board per kommune, replies recorded for a participant, reminders. */
import { Hono } from "hono";
import { ConflictError } from "../../../shared/errors.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { nbReplies } from "../../../shared/i18n/nb-replies.js";
import {
  attendanceDownload,
  groupRepliesByOrganisation,
  historyLines,
  listMeetingReplies,
  ReplyForm,
  SecretariatNote,
  silentByDefault,
  submitReply,
} from "../../../shared/invitations/index.js";
import { getMeetingRecord } from "../../../shared/meetings/index.js";
import { createSend } from "../../../shared/sending/index.js";
import { formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { type C, done, frame } from "./page.js";
import { BoardPage, type PostedReply } from "./replies-views.js";

const msg = nbPages.notices;
/** The record form's fields, shown again when the post is refused. */
const POSTED = ["status", "reason", "substituteName", "substituteEmail", "silent"] as const;

export function replyPages() {
  const app = new Hono<AppEnv>();
  const board = async (c: C, id: string, notice?: string, status: 200 | 400 | 409 = 200, posted?: PostedReply) => {
    const ctx = c.get("ctx");
    const { bundle, invitations, bounced, history, escalations } = await listMeetingReplies(ctx, id);
    const grouped = groupRepliesByOrganisation(invitations, bounced);
    return sendPage(
      c,
      <BoardPage
        {...frame(c)}
        meeting={bundle.meeting}
        board={grouped}
        history={historyLines(history, invitations, escalations)}
        silentByDefault={silentByDefault(bundle.meeting, ctx.clock.now())}
        filter={c.req.query("filter")}
        notice={notice}
        posted={posted}
      />,
      status,
    );
  };
  app.get("/moter/:id/svar", (c) => board(c, c.req.param("id"), c.req.query("ok")));
  app.get("/moter/:id/svar.csv", async (c) => {
    const csv = await attendanceDownload(c.get("ctx"), c.req.param("id"));
    return c.body(csv.body, 200, csv.headers);
  });
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
    const note = validate(SecretariatNote, f.reason ?? "");
    const values = Object.fromEntries(POSTED.map((k) => [k, f[k] ?? ""]));
    // Refused: the board again, with this seat's form open, the values kept and each error at its field.
    const refused = (errors: Record<string, string>, status: 400 | 409) =>
      board(c, id, msg.replyNotRecorded(Object.values(errors).join(" ")), status, { invitationId, values, errors });
    if (!v.ok || !note.ok) {
      // The note's only limit is its length; it is the reason field.
      const { form, ...errors }: Record<string, string> = {
        ...(v.ok ? {} : v.errors),
        ...(note.ok ? {} : { reason: nbReplies.noteTooLong }),
      };
      // A status that is none of the choices fails the union as a whole: it is the status field's error.
      return refused(form ? { status: form, ...errors } : errors, 400);
    }
    let silent: boolean;
    try {
      // One field, "Grunn / merknad": forfall's reason when absent, else the secretariat's note (kept whatever the status).
      ({ silent } = await submitReply(ctx, await getMeetingRecord(ctx, id), invitationId, v.data, {
        by: actor(c),
        note: v.data.status === "absent" ? undefined : note.data || undefined,
        silent: f.silent === "1",
      }));
    } catch (err) {
      // A substitute naming another, or an invitation withdrawn meanwhile: said at the form, nothing recorded.
      if (err instanceof ConflictError) return refused({ status: err.message }, 409);
      throw err;
    }
    return done(c, `/moter/${id}/svar`, silent ? nbReplies.recordedSilently : msg.replyRecorded);
  });
  app.post("/moter/:id/paminnelse", async (c) => {
    const id = c.req.param("id");
    try {
      const { sendId } = await createSend(c.get("ctx"), {
        meetingId: id,
        template: "reminder",
        audience: "not_replied",
        by: actor(c),
      });
      return c.redirect(`/utsendelser/${sendId}`, 303);
    } catch (err) {
      if (err instanceof ConflictError) return board(c, id, msg.everyoneReplied);
      throw err;
    }
  });
  return app;
}
