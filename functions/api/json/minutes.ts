/** The JSON API's minutes: draft, save, approve, schedule (move or cancel) the distribution, and read every saved version. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { t } from "../../../shared/i18n/nb.js";
import { nbMinutes } from "../../../shared/i18n/nb-minutes.js";
import {
  approveMinutes,
  cancelScheduledMinutes,
  getMinutes,
  getMinutesVersionOf,
  listMinutesVersionsOf,
  Minutes,
  SaveMinutesInput,
  ScheduleMinutesInput,
  saveMinutes,
  scheduleMinutes,
} from "../../../shared/minutes/index.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { Distribution, minutesWithDistribution } from "../minutes-view.js";
import { IdParam, jsonOp } from "./openapi.js";

const d = t.apiDocs;
const MinutesView = Minutes.extend({ distribution: Distribution.optional() });
/** One line of the versions list: which version, its state, who saved it when, and a correction's reason. */
const VersionSummary = Minutes.pick({
  version: true,
  status: true,
  updatedAt: true,
  updatedBy: true,
  approvedAt: true,
  correctionReason: true,
  scheduledFor: true,
});
const VersionParams = z.object({ id: z.string().min(1).max(64), n: z.coerce.number().int().min(1).max(100_000) });

export function minutesApi() {
  const app = new OpenAPIHono<AppEnv>();
  const op = <const M extends "get" | "put" | "post" | "delete", const P extends string>(
    method: M,
    path: P,
    operationId: string,
    summary: string,
  ) => ({ method, path, operationId, summary, params: IdParam, response: MinutesView }) as const;
  app.openapi(jsonOp(op("get", "/meetings/{id}/minutes", "getMinutes", d.getMinutes)), async (c) => {
    const ctx = c.get("ctx");
    return c.json(await minutesWithDistribution(ctx, await getMinutes(ctx, c.req.valid("param").id)), 200);
  });
  app.openapi(
    jsonOp({ ...op("put", "/meetings/{id}/minutes", "saveMinutes", d.saveMinutes), body: SaveMinutesInput }),
    async (c) => {
      const ctx = c.get("ctx");
      return c.json(
        await minutesWithDistribution(ctx, await saveMinutes(ctx, c.req.valid("param").id, c.req.valid("json"), actor(c))),
        200,
      );
    },
  );
  app.openapi(jsonOp(op("post", "/meetings/{id}/minutes/approve", "approveMinutes", d.approveMinutes)), async (c) => {
    const ctx = c.get("ctx");
    return c.json(await minutesWithDistribution(ctx, await approveMinutes(ctx, c.req.valid("param").id, actor(c))), 200);
  });
  app.openapi(
    jsonOp({
      ...op("post", "/meetings/{id}/minutes/schedule", "scheduleMinutes", d.scheduleMinutes),
      body: ScheduleMinutesInput,
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const { at, attachPdf } = c.req.valid("json");
      return c.json(
        await minutesWithDistribution(ctx, await scheduleMinutes(ctx, c.req.valid("param").id, at, actor(c), { attachPdf })),
        200,
      );
    },
  );
  app.openapi(
    jsonOp(op("delete", "/meetings/{id}/minutes/schedule", "cancelMinutesSchedule", d.cancelMinutesSchedule)),
    async (c) => {
      const ctx = c.get("ctx");
      return c.json(
        await minutesWithDistribution(ctx, await cancelScheduledMinutes(ctx, c.req.valid("param").id, actor(c))),
        200,
      );
    },
  );
  app.openapi(
    jsonOp({
      method: "get",
      path: "/meetings/{id}/minutes/versions",
      operationId: "listMinutesVersions",
      summary: nbMinutes.apiDocs.listVersions,
      params: IdParam,
      response: z.object({ versions: z.array(VersionSummary) }),
    }),
    async (c) => {
      const versions = await listMinutesVersionsOf(c.get("ctx"), c.req.valid("param").id);
      return c.json({ versions: versions.map((v) => VersionSummary.parse(v)) }, 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "get",
      path: "/meetings/{id}/minutes/versions/{n}",
      operationId: "getMinutesVersion",
      summary: nbMinutes.apiDocs.getVersion,
      params: VersionParams,
      response: Minutes,
    }),
    async (c) => {
      const { id, n } = c.req.valid("param");
      return c.json(await getMinutesVersionOf(c.get("ctx"), id, n), 200);
    },
  );
  return app;
}
