/** The secretariat's reply pages (/moter/:id/svar): the board per kommune, replies recorded for a participant, reminders. */
import { Hono } from "hono";
import { ConflictError } from "../../../shared/errors.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { groupRepliesByOrganisation, listMeetingReplies, ReplyForm, submitReply } from "../../../shared/invitations/index.js";
import { getMeetingRecord } from "../../../shared/meetings/index.js";
import { createSend } from "../../../shared/sending/index.js";
import { formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { type C, done, frame } from "./page.js";
import { BoardPage } from "./replies-views.js";

const msg = nbPages.notices;

export function replyPages() {
  const app = new Hono<AppEnv>();
  const board = async (c: C, id: string, notice?: string, status: 200 | 400 = 200) => {
    const { bundle, invitations, bounced } = await listMeetingReplies(c.get("ctx"), id);
    const grouped = groupRepliesByOrganisation(invitations, bounced);
    return sendPage(
      c,
      <BoardPage {...frame(c)} meeting={bundle.meeting} board={grouped} filter={c.req.query("filter")} notice={notice} />,
      status,
    );
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
    await submitReply(ctx, await getMeetingRecord(ctx, id), invitationId, v.data, actor(c));
    return done(c, `/moter/${id}/svar`, msg.replyRecorded);
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
