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
import { getBody } from "../../../shared/store/directory.js";
import * as meetings from "../../../shared/store/meetings.js";
import type { AppEnv } from "../app.js";
import { problem } from "../problem.js";
import { t } from "../../../shared/i18n/nb.js";
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
      return c.json(await meetings.updateMeeting(c.get("ctx"), id, c.req.valid("json" as never), c.get("ctx").clock.now()));
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
      summary: `Last opp vedlegg (multipart: file, title, exempt). Høyst ${meetings.MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; PDF, Office, ODT, tekst, CSV, PNG, JPEG.`,
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
        return problem(c, 413, t.api.tooLargeTitle, `Vedlegg kan være høyst ${meetings.MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`) as never;
      }
      const form = await c.req.parseBody().catch(() => {
        throw new DomainValidationError([{ field: "file", message: "Skjemaet kunne ikke leses." }]);
      });
      const file = form.file;
      const title = typeof form.title === "string" ? form.title.trim() : "";
      const errors: { field: string; message: string }[] = [];
      if (!(file instanceof File)) errors.push({ field: "file", message: "Velg en fil." });
      if (!title) errors.push({ field: "title", message: t.validation.required });
      if (title.length > 300) errors.push({ field: "title", message: t.validation.tooLong(300) });
      if (file instanceof File) {
        const fileType = file.type.split(";")[0]!.trim().toLowerCase();
        if (!meetings.ALLOWED_ATTACHMENT_TYPES[fileType]) {
          errors.push({ field: "file", message: `Filtypen ${fileType || "(ukjent)"} er ikke tillatt. Tillatt: PDF, Word, Excel, PowerPoint, ODT, tekst, CSV, PNG, JPEG.` });
        }
        if (file.size === 0) errors.push({ field: "file", message: "Filen er tom." });
        if (file.size > meetings.MAX_ATTACHMENT_BYTES) {
          return problem(c, 413, t.api.tooLargeTitle, `Vedlegg kan være høyst ${meetings.MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`) as never;
        }
      }
      if (errors.length) throw new DomainValidationError(errors);
      const f = file as File;
      const ctx = c.get("ctx");
      const att = await meetings.addAttachment(
        { ...ctx, blobs: ctx.blobs },
        id,
        {
          title,
          filename: f.name.replace(/[\r\n"\\/]/g, "_").slice(0, 200) || "vedlegg",
          contentType: f.type.split(";")[0]!.trim().toLowerCase(),
          body: new Uint8Array(await f.arrayBuffer()),
          exempt: form.exempt === "true" || form.exempt === "on",
        },
        ctx.clock.now(),
      );
      const { blobKey, ...rest } = att;
      return c.json(rest, 201);
    },
  );
  return app;
}
