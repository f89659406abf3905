/** The JSON API's meetings: create, list, read (with agenda and attachments) and change a meeting. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { getBody } from "../../../shared/directory/index.js";
import { t } from "../../../shared/i18n/nb.js";
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import { CopyMeetingInput, CreateMeetingInput, UpdateMeetingInput } from "../../../shared/inputs.js";
import * as meetings from "../../../shared/meetings/index.js";
import { AgendaItem, Attachment, Meeting } from "../../../shared/model.js";
import type { AppEnv } from "../env.js";
import { IdParam, jsonOp } from "./openapi.js";

const d = t.apiDocs;
/** What the API shows of an attachment: everything but where the file is stored. */
export const PublicAttachment = Attachment.omit({ blobKey: true });
const MeetingWithAgenda = z.object({ meeting: Meeting, agenda: z.array(AgendaItem), attachments: z.array(PublicAttachment) });

export function meetingsApi() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings",
      operationId: "createMeeting",
      summary: d.createMeeting,
      body: CreateMeetingInput,
      ok: { 201: d.responses.ok },
      response: Meeting,
    }),
    async (c) => c.json(await meetings.createMeeting(c.get("ctx"), c.req.valid("json"), c.get("ctx").clock.now()), 201),
  );
  app.openapi(
    jsonOp({
      method: "get",
      path: "/meetings",
      operationId: "listMeetings",
      summary: d.listMeetings,
      query: z.object({ bodyId: z.string().min(1).max(64) }),
      response: z.object({ items: z.array(Meeting) }),
    }),
    async (c) => {
      const { bodyId } = c.req.valid("query");
      await getBody(c.get("ctx"), bodyId);
      return c.json({ items: await meetings.listMeetings(c.get("ctx"), bodyId) }, 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "get",
      path: "/meetings/{id}",
      operationId: "getMeeting",
      summary: d.getMeeting,
      params: IdParam,
      response: MeetingWithAgenda,
    }),
    async (c) => {
      const b = await meetings.getMeetingBundle(c.get("ctx"), c.req.valid("param").id);
      return c.json({ meeting: b.meeting, agenda: b.agenda, attachments: b.attachments.map(({ blobKey, ...a }) => a) }, 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "patch",
      path: "/meetings/{id}",
      operationId: "updateMeeting",
      summary: d.updateMeeting,
      params: IdParam,
      body: UpdateMeetingInput,
      response: Meeting,
    }),
    async (c) => c.json(await meetings.changeMeeting(c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/copy",
      operationId: "copyMeeting",
      summary: nbMeetings.apiDocs.copyMeeting,
      params: IdParam,
      body: CopyMeetingInput,
      ok: { 201: d.responses.ok },
      response: z.object({ meeting: Meeting, agenda: z.array(AgendaItem) }),
    }),
    async (c) => c.json(await meetings.copyMeeting(c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  return app;
}
