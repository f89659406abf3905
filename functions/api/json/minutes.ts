/** The JSON API's minutes: draft, save, approve, and schedule (move or cancel) the distribution. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { t } from "../../../shared/i18n/nb.js";
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
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { Distribution, minutesWithDistribution } from "../minutes-view.js";
import { IdParam, jsonOp } from "./openapi.js";

const d = t.apiDocs;
const MinutesView = Minutes.extend({ distribution: Distribution.optional() });

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
      return c.json(
        await minutesWithDistribution(ctx, await scheduleMinutes(ctx, c.req.valid("param").id, c.req.valid("json").at, actor(c))),
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
  return app;
}
