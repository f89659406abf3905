import { OpenAPIHono, z } from "@hono/zod-openapi";
import { InvalidError } from "../../../shared/errors.js";
import {
  AddAgendaItemInput,
  CreateMeetingInput,
  MoveAgendaItemInput,
  SetNextCaseNumberInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from "../../../shared/inputs.js";
import { AgendaItem, Attachment, Meeting } from "../../../shared/model.js";
import { changeMeeting } from "../../../shared/meetings/index.js";
import { getBody } from "../../../shared/store/directory.js";
import * as meetings from "../../../shared/store/meetings.js";
import type { AppEnv } from "../app.js";
import { AttachmentUploadRequest, createUpload, maxUploadMb, RecordAttachmentInput, recordUpload } from "../uploads.js";
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

  // Attachments in two steps; the file goes straight to S3, never through the API (functions/api/uploads.ts).
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/attachments/upload",
      operationId: "createAttachmentUpload",
      summary: `Start en opplasting: gir et skjema (url, fields) som filen sendes rett til lagringen med (POST multipart/form-data: alle fields, så file til slutt; Content-Type som oppgitt, høyst ${maxUploadMb} MB). Registrer den så med recordAttachment og key.`,
      params: IdParam,
      body: AttachmentUploadRequest,
      response: z.object({ url: z.string(), fields: z.record(z.string(), z.string()), key: z.string() }),
    }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      const input = c.req.valid("json" as never) as z.infer<typeof AttachmentUploadRequest>;
      return c.json(await createUpload(c.get("ctx"), id, input));
    },
  );
  const record = jsonOp({
    method: "post",
    path: "/meetings/{id}/attachments",
    operationId: "recordAttachment",
    summary: "Registrer en opplastet fil som møtets neste vedlegg (sjekker størrelse og at innholdet er filtypen; ellers avvises og slettes den). Samme key to ganger gir samme vedlegg (200).",
    params: IdParam,
    body: RecordAttachmentInput,
    status: 201,
    response: Attachment.omit({ blobKey: true }),
  });
  (record.responses as Record<number, unknown>)[200] = { description: "Allerede registrert", content: { "application/json": { schema: Attachment.omit({ blobKey: true }) } } };
  app.openapi(record, async (c) => {
    const { id } = c.req.valid("param" as never) as { id: string };
    const input = c.req.valid("json" as never) as z.infer<typeof RecordAttachmentInput>;
    const result = await recordUpload(c.get("ctx"), id, input);
    if (!result.ok) throw new InvalidError([{ field: "file", message: result.message }]);
    const { blobKey, ...rest } = result.attachment;
    return c.json(rest, result.created ? 201 : 200) as never;
  });
  return app;
}
