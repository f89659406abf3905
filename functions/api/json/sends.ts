/** The JSON API's sends: invitations, reminders and cancellations to a meeting's list, and their progress. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { t } from "../../../shared/i18n/nb.js";
import { CreateSendInput, createSend, sendProgress } from "../../../shared/sending/index.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { IdParam, jsonOp } from "./openapi.js";

const d = t.apiDocs;
const SendAccepted = z.object({
  sendId: z.string(),
  total: z.number(),
  suppressed: z.number(),
  repeated: z.boolean(),
  progressUrl: z.string(),
});
const Progress = z.object({
  id: z.string(),
  meetingId: z.string(),
  template: z.string(),
  createdAt: z.string(),
  total: z.number(),
  queued: z.number(),
  sent: z.number(),
  delivered: z.number(),
  failed: z.number(),
  bounced: z.number(),
  complained: z.number(),
  suppressed: z.number(),
  done: z.boolean(),
  failures: z.array(
    z.object({ invitationId: z.string(), name: z.string(), email: z.string(), status: z.string(), reason: z.string() }),
  ),
});

export function sendsApi() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/sends",
      operationId: "sendInvitations",
      summary: d.sendInvitations,
      params: IdParam,
      headers: z.object({ "idempotency-key": z.string().min(8).max(200).optional() }),
      body: CreateSendInput,
      ok: { 202: d.responses.ok },
      response: SendAccepted,
    }),
    async (c) => {
      const input = c.req.valid("json");
      const result = await createSend(c.get("ctx"), {
        meetingId: c.req.valid("param").id,
        template: input.template,
        audience: input.audience,
        late: input.confirmLate ? "confirmed" : "refuse",
        idempotencyKey: c.req.valid("header")["idempotency-key"],
        by: actor(c),
      });
      return c.json({ ...result, progressUrl: `/api/sends/${result.sendId}` }, 202);
    },
  );
  app.openapi(
    jsonOp({
      method: "get",
      path: "/sends/{id}",
      operationId: "getSend",
      summary: d.getSend,
      params: IdParam,
      response: Progress,
    }),
    async (c) => c.json(await sendProgress(c.get("ctx"), c.req.valid("param").id), 200),
  );
  return app;
}
