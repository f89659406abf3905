import type { Hono } from "hono";
import { createApp } from "../functions/api/app.js";
import type { AppContext } from "../shared/context.js";

/**
 * What the local Node server serves on one port. In AWS the HTTP API routes by path to the
 * Lambdas; here one fetch does the same routing, so tests and `npm start` see the deployed shape.
 */
export function createLocalHttp(ctx: AppContext): Pick<Hono, "fetch"> {
  return createApp(ctx);
}
