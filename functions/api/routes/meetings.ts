import { OpenAPIHono, z } from "@hono/zod-openapi";
import { DomainValidationError } from "../../../shared/domain/errors.js";
import {
  AddAgendaItemInput,
  CreateMeetingInput,
  MoveAgendaItemInput,
  SetNextCaseNumberInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from "../../../shared/domain/inputs.js";
import { AgendaItem, Attachment, Meeting } from "../../../shared/domain/model.js";
import { changeMeeting } from "../../../shared/meetings/change.js";
import { getBody } from "../../../shared/store/directory.js";
import * as meetings from "../../../shared/store/meetings.js";
import type { AppEnv } from "../app.js";
import { problem } from "../problem.js";
import { t } from "../../../shared/i18n/nb.js";
import { maxUploadMb, readUpload } from "../uploads.js";
import { IdParam, jsonOp } from "./openapi-helpers.js";

const MeetingWithAgenda = z.object({
  meeting: Meeting,
  agenda: z.array(AgendaItem),
  attachments: z.array(Attachment.omit({ blobKey: true })),
});
const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) });

/** Meetings, agenda items and attachments (JSON API). */
export function meetingRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    jsonOp({ method: "post", path: "/meetings", operationId: "createMeeting", summary: "Nytt møte (tider i norsk tid eller med tidssone)", body: CreateMeetingInput, status: 201, response: Meeting }),
    async (c) => c.json(await meetings.createMeeting(c.get("ctx"), c.req.valid("json" as never), c.get("ctx").clock.now()), 201),
  );
  app.openapi(
    jsonOp({ method: "get", path: "/meetings", operationId: "listMeetings", summary: "Et organs møter etter dato", query: z.object({ bodyId: z.string().min(1).max(64) }), response: z.object({ items: z.array(Meeting) }) }),
    async (c) => {
      const { bodyId } = c.req.valid("query" as never) as { bodyId: string };
      await getBody(c.get("ctx"), bodyId);
      return c.json({ items: await meetings.listMeetings(c.get("ctx"), bodyId) });
    },
  );
  app.openapi(
    jsonOp({ method: "get", path: "/meetings/{id}", operationId: "getMeeting", summary: "Møtet med saksliste og vedlegg", params: IdParam, response: MeetingWithAgenda }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      const b = await meetings.getMeetingBundle(c.get("ctx"), id);
      return c.json({ meeting: b.meeting, agenda: b.agenda, attachments: b.attachments.map(({ blobKey, ...a }) => a) });
    },
  );
  app.openapi(
    jsonOp({ method: "patch", path: "/meetings/{id}", operationId: "updateMeeting", summary: "Endre møtet", params: IdParam, body: UpdateMeetingInput, response: Meeting }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      return c.json(await changeMeeting(c.get("ctx"), id, c.req.valid("json" as never)));
    },
  );
  app.openapi(
    jsonOp({ method: "post", path: "/meetings/{id}/agenda", operationId: "addAgendaItem", summary: "Ny sak (får neste saksnummer)", params: IdParam, body: AddAgendaItemInput, status: 201, response: AgendaItem }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      return c.json(await meetings.addAgendaItem(c.get("ctx"), id, c.req.valid("json" as never)), 201);
    },
  );
  app.openapi(
    jsonOp({ method: "patch", path: "/meetings/{id}/agenda/{itemId}", operationId: "updateAgendaItem", summary: "Endre en sak", params: ItemParams, body: UpdateAgendaItemInput, response: AgendaItem }),
    async (c) => {
      const { id, itemId } = c.req.valid("param" as never) as { id: string; itemId: string };
      return c.json(await meetings.updateAgendaItem(c.get("ctx"), id, itemId, c.req.valid("json" as never)));
    },
  );
  app.openapi(
    jsonOp({ method: "post", path: "/meetings/{id}/agenda/{itemId}/move", operationId: "moveAgendaItem", summary: "Flytt en sak (numrene følger rekkefølgen)", params: ItemParams, body: MoveAgendaItemInput, response: z.object({ agenda: z.array(AgendaItem) }) }),
    async (c) => {
      const { id, itemId } = c.req.valid("param" as never) as { id: string; itemId: string };
      const { position } = c.req.valid("json" as never) as { position: number };
      return c.json({ agenda: await meetings.moveAgendaItem(c.get("ctx"), id, itemId, position) });
    },
  );
  app.openapi(
    jsonOp({ method: "put", path: "/bodies/{id}/case-numbers", operationId: "setNextCaseNumber", summary: "Sett neste saksnummer for et år", params: IdParam, body: SetNextCaseNumberInput, response: z.object({ year: z.number(), next: z.number() }) }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      const input = c.req.valid("json" as never) as { year: number; next: number };
      await meetings.setNextCaseNumber(c.get("ctx"), id, input);
      return c.json(input);
    },
  );

  // Upload: multipart/form-data with file, title and optional exempt ("true").
  app.openapi(
    {
      method: "post",
      path: "/meetings/{id}/attachments",
      operationId: "uploadAttachment",
      summary: `Last opp vedlegg (multipart: file, title, exempt). Høyst ${maxUploadMb} MB; PDF, Office, ODT, tekst, CSV, PNG, JPEG.`,
      request: {
        params: IdParam,
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }), title: z.string(), exempt: z.string().optional() }),
            },
          },
          required: true,
        },
      },
      responses: { 201: { description: "Lagret", content: { "application/json": { schema: Attachment.omit({ blobKey: true }) } } } },
    },
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      const type = c.req.header("content-type") ?? "";
      if (!type.startsWith("multipart/form-data")) {
        return problem(c, 415, t.api.unsupportedMediaType, t.api.unsupportedMediaTypeDetail("multipart/form-data")) as never;
      }
      const declared = Number(c.req.header("content-length") ?? 0);
      if (declared > meetings.MAX_ATTACHMENT_BYTES + 64 * 1024) {
        return problem(c, 413, t.api.tooLargeTitle, `Vedlegg kan være høyst ${maxUploadMb} MB.`) as never;
      }
      const form = await c.req.parseBody().catch(() => {
        throw new DomainValidationError([{ field: "file", message: "Skjemaet kunne ikke leses." }]);
      });
      const upload = await readUpload(form, "title");
      if (!upload.ok && upload.tooLarge) return problem(c, 413, t.api.tooLargeTitle, upload.errors.file) as never;
      if (!upload.ok) throw new DomainValidationError(Object.entries(upload.errors).map(([field, message]) => ({ field, message })));
      const ctx = c.get("ctx");
      const { blobKey, ...rest } = await meetings.addAttachment({ ...ctx, blobs: ctx.blobs }, id, upload.file, ctx.clock.now());
      return c.json(rest, 201);
    },
  );
  return app;
}
