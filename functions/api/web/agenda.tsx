/** The secretariat's agenda forms on the meeting page: add a case, change it, move it, delete or withdraw it. */
import { Hono } from "hono";
import { ConflictError, InvalidError } from "../../../shared/errors.js";
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { AddAgendaItemInput, UpdateAgendaItemInput } from "../../../shared/inputs.js";
import { addAgendaItem, moveAgendaItem, removeAgendaItem, updateAgendaItem } from "../../../shared/meetings/index.js";
import { formFields, validate } from "../../../shared/web/forms.js";
import type { AppEnv } from "../env.js";
import { editorPage } from "./meetings.js";
import { done } from "./page.js";
import { parseNumberList, parseSubItems } from "./parse.js";

const msg = nbPages.notices;

export function agendaPages() {
  const app = new Hono<AppEnv>();
  app.post("/moter/:id/saker", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const v = validate(AddAgendaItemInput, {
      title: f.title,
      kind: f.kind || "decision",
      background: f.background || undefined,
      proposedDecision: f.proposedDecision || undefined,
    });
    if (!v.ok) return editorPage(c, id, { itemValues: f, itemErrors: v.errors }, 400);
    try {
      await addAgendaItem(c.get("ctx"), id, v.data);
    } catch (err) {
      if (err instanceof ConflictError) return editorPage(c, id, { itemValues: f, itemErrors: { title: err.message } }, 409);
      throw err;
    }
    return done(c, `/moter/${id}`, msg.caseAdded);
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
    if (!v.ok) return editorPage(c, id, { notice: msg.caseNotSaved(Object.values(v.errors).join(" ")) }, 400);
    try {
      await updateAgendaItem(c.get("ctx"), id, itemId, v.data);
    } catch (err) {
      // An attachment number the meeting does not have: said, and nothing saved.
      if (err instanceof InvalidError)
        return editorPage(c, id, { notice: msg.caseNotSaved(err.errors.map((e) => e.message).join(" ")) }, 400);
      throw err;
    }
    return done(c, `/moter/${id}`, msg.caseSaved);
  });
  app.post("/moter/:id/saker/:itemId/flytt", async (c) => {
    const { id, itemId } = c.req.param();
    const position = Number((await formFields(c.req)).position);
    if (!Number.isInteger(position) || position < 0) return editorPage(c, id, { notice: msg.invalidPosition }, 400);
    await moveAgendaItem(c.get("ctx"), id, itemId, position);
    return done(c, `/moter/${id}`);
  });
  app.post("/moter/:id/saker/:itemId/slett", async (c) => {
    const { id, itemId } = c.req.param();
    try {
      const { outcome } = await removeAgendaItem(c.get("ctx"), id, itemId);
      return done(c, `/moter/${id}`, outcome === "withdrawn" ? nbMeetings.notices.caseWithdrawn : nbMeetings.notices.caseDeleted);
    } catch (err) {
      if (err instanceof ConflictError) return editorPage(c, id, { notice: err.message }, 409);
      throw err;
    }
  });
  return app;
}
