import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  approveMinutes,
  cancelScheduledMinutes,
  getMinutes,
  Minutes,
  SaveMinutesInput,
  ScheduleMinutesInput,
  saveMinutes,
  scheduleMinutes,
} from "../../../shared/minutes/index.js";
import { getJob } from "../../../shared/jobs/index.js";
import type { AppEnv } from "../app.js";
import { IdParam, jsonOp } from "./openapi-helpers.js";

const userOf = (c: { var: unknown }) => `secretariat:${(c.var as { user?: { email: string } }).user?.email ?? "api"}`;
const MinutesView = Minutes.extend({
  distribution: z.object({ status: z.string(), dueAt: z.string(), lastError: z.string().optional(), finishedAt: z.string().optional() }).optional(),
});

/** Minutes: draft, save, approve, schedule the distribution (and move or cancel it). */
export function minutesApiRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const view = async (c: { get(k: "ctx"): import("../../../shared/context.js").AppContext }, m: Minutes) => {
    const job = m.scheduledJobId ? await getJob(c.get("ctx"), m.scheduledJobId) : undefined;
    return { ...m, ...(job ? { distribution: { status: job.status, dueAt: job.dueAt, lastError: job.lastError, finishedAt: job.finishedAt } } : {}) };
  };
  app.openapi(
    jsonOp({ method: "get", path: "/meetings/{id}/minutes", operationId: "getMinutes", summary: "Referatet (utkast fra svarene hvis ikke lagret)", params: IdParam, response: MinutesView }),
    async (c) => c.json(await view(c, await getMinutes(c.get("ctx"), (c.req.valid("param" as never) as { id: string }).id))),
  );
  app.openapi(
    jsonOp({ method: "put", path: "/meetings/{id}/minutes", operationId: "saveMinutes", summary: "Lagre referatet", params: IdParam, body: SaveMinutesInput, response: MinutesView }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      return c.json(await view(c, await saveMinutes(c.get("ctx"), id, c.req.valid("json" as never), userOf(c))));
    },
  );
  app.openapi(
    jsonOp({ method: "post", path: "/meetings/{id}/minutes/approve", operationId: "approveMinutes", summary: "Godkjenn referatet (låses)", params: IdParam, response: MinutesView }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      return c.json(await view(c, await approveMinutes(c.get("ctx"), id, userOf(c))));
    },
  );
  app.openapi(
    jsonOp({ method: "post", path: "/meetings/{id}/minutes/schedule", operationId: "scheduleMinutes", summary: "Planlegg utsendelse (norsk tid) eller flytt den", params: IdParam, body: ScheduleMinutesInput, response: MinutesView }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      const { at } = c.req.valid("json" as never) as { at: string };
      return c.json(await view(c, await scheduleMinutes(c.get("ctx"), id, at, userOf(c))));
    },
  );
  app.openapi(
    jsonOp({ method: "delete", path: "/meetings/{id}/minutes/schedule", operationId: "cancelMinutesSchedule", summary: "Avbryt planlagt utsendelse", params: IdParam, response: MinutesView }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      return c.json(await view(c, await cancelScheduledMinutes(c.get("ctx"), id, userOf(c))));
    },
  );
  return app;
}
