/** GET /health: the app is up and the table answers. */
import { Hono } from "hono";
import { pingTable } from "../../shared/store/dynamo.js";
import type { AppEnv } from "./env.js";

export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/health", async (c) => {
    const ctx = c.get("ctx");
    try {
      return c.json({ status: "ok", table: "reachable", tableMs: await pingTable(ctx) });
    } catch (err) {
      ctx.log.warn("health: table unreachable", { err });
      return c.json({ status: "degraded", table: "unreachable" }, 503);
    }
  });
  return app;
}
