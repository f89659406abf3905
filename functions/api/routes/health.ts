import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { Hono } from "hono";
import type { AppEnv } from "../app.js";

/** GET /health: the app is up and the table answers (a cheap GetItem on a key that never exists). */
export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/health", async (c) => {
    const ctx = c.get("ctx");
    const started = performance.now();
    try {
      await ctx.db.send(new GetCommand({ TableName: ctx.tableName, Key: { PK: "HEALTH", SK: "HEALTH" } }));
      return c.json({ status: "ok", table: "reachable", tableMs: Math.round(performance.now() - started) });
    } catch (err) {
      ctx.log.warn("health: table unreachable", { err });
      return c.json({ status: "degraded", table: "unreachable" }, 503);
    }
  });
  return app;
}
