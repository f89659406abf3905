/** The JSON API's attachments, in two steps: an upload form for S3, then recording what arrived. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { InvalidError } from "../../../shared/errors.js";
import { t } from "../../../shared/i18n/nb.js";
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import { deleteAttachment } from "../../../shared/meetings/index.js";
import type { AppEnv } from "../env.js";
import { AttachmentUploadRequest, createUpload, maxUploadMb, RecordAttachmentInput, recordUpload } from "../uploads.js";
import { PublicAttachment } from "./meetings.js";
import { IdParam, jsonOp } from "./openapi.js";

const d = t.apiDocs;

/** The file goes straight to S3, never through the API (functions/api/uploads.ts). */
export function attachmentsApi() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/attachments/upload",
      operationId: "createAttachmentUpload",
      summary: d.createAttachmentUpload(maxUploadMb),
      params: IdParam,
      body: AttachmentUploadRequest,
      response: z.object({ url: z.string(), fields: z.record(z.string(), z.string()), key: z.string() }),
    }),
    async (c) => c.json(await createUpload(c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/attachments",
      operationId: "recordAttachment",
      summary: d.recordAttachment,
      params: IdParam,
      body: RecordAttachmentInput,
      ok: { 201: d.responses.ok, 200: d.responses.alreadyRecorded },
      response: PublicAttachment,
    }),
    async (c) => {
      const result = await recordUpload(c.get("ctx"), c.req.valid("param").id, c.req.valid("json"));
      if (!result.ok) throw new InvalidError([{ field: "file", message: result.message }]);
      const { blobKey, ...attachment } = result.attachment;
      return result.created ? c.json(attachment, 201) : c.json(attachment, 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "delete",
      path: "/meetings/{id}/attachments/{number}",
      operationId: "deleteAttachment",
      summary: nbMeetings.apiDocs.deleteAttachment,
      params: z.object({ id: z.string().min(1).max(64), number: z.coerce.number().int().positive().max(100_000) }),
      response: z.object({ deleted: z.number() }),
    }),
    async (c) => {
      const { id, number } = c.req.valid("param");
      await deleteAttachment(c.get("ctx"), id, number);
      return c.json({ deleted: number }, 200);
    },
  );
  return app;
}
