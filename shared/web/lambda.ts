/** The Lambda side of both web apps: API Gateway HTTP API (payload 2.0) → a Hono app, each invocation logged. */
import type { Context } from "aws-lambda";
import type { Hono } from "hono";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { logInvocation } from "../adapters/powertools-logger.js";
import type { AppContext } from "../context.js";

/** API Gateway HTTP API's payload 2.0, as Hono's adapter types it. */
export type HttpApiEvent = Extract<LambdaEvent, { rawPath: string }>;

/**
 * Hono's adapter reads the event (cookies array, base64 bodies, raw query string) and writes the
 * result (Set-Cookie as `cookies`), so there is no Powertools parser here: a page loads only what it needs.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its environment type
export function httpApiHandler(ctx: AppContext, app: Hono<any>) {
  const serve = handle(app);
  return async (event: HttpApiEvent, context?: Context) => {
    logInvocation(ctx.log, context);
    return serve(event, context);
  };
}
