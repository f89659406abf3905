import { OpenAPIHono, z } from "@hono/zod-openapi";
import { CreateSendInput, createSend, sendProgress } from "../../../shared/sending/index.js";
import type { AppEnv } from "../app.js";
import { IdParam, jsonOp } from "./openapi-helpers.js";

const SendAccepted = z.object({ sendId: z.string(), total: z.number(), repeated: z.boolean(), progressUrl: z.string() });
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
  done: z.boolean(),
  failures: z.array(z.object({ invitationId: z.string(), name: z.string(), email: z.string(), status: z.string(), reason: z.string() })),
});

/** Mass sending of invitations, reminders and cancellations, and their progress. */
export function sendRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/sends",
      operationId: "sendInvitations",
      summary: "Send innkalling (hele listen), påminnelse (de som ikke har svart) eller til utvalgte. Idempotency-Key gjør gjentatte forespørsler ufarlige.",
      params: IdParam,
      headers: z.object({ "idempotency-key": z.string().min(8).max(200).optional() }),
      body: CreateSendInput,
      status: 202,
      response: SendAccepted,
    }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      const input = c.req.valid("json" as never) as z.infer<typeof CreateSendInput>;
      const user = (c.var as { user?: { email: string } }).user;
      const result = await createSend(c.get("ctx"), {
        meetingId: id,
        template: input.template,
        audience: input.audience,
        idempotencyKey: c.req.header("idempotency-key"),
        by: user ? `secretariat:${user.email}` : "api",
      });
      return c.json({ ...result, progressUrl: `/api/sends/${result.sendId}` }, 202);
    },
  );
  app.openapi(
    jsonOp({ method: "get", path: "/sends/{id}", operationId: "getSend", summary: "Fremdrift for en utsendelse", params: IdParam, response: Progress }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      return c.json(await sendProgress(c.get("ctx"), id));
    },
  );
  return app;
}
