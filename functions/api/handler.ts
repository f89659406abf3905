/** The api Lambda's entry: API Gateway HTTP API (payload 2.0) → the Hono app. */
import type { Context } from "aws-lambda";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { logInvocation } from "../../shared/adapters/powertools-logger.js";
import { type AppContext, awsHandler } from "../../shared/context.js";
import { createApp } from "./app.js";

/** API Gateway HTTP API's payload 2.0, as Hono's adapter types it. */
export type HttpApiEvent = Extract<LambdaEvent, { rawPath: string }>;

/**
 * Thin entry point: API Gateway HTTP API (payload 2.0) → the Hono app. Hono's adapter reads the
 * event (cookies array, base64 bodies, raw query string) and writes the result (Set-Cookie as
 * `cookies`), so there is no Powertools parser here: this function loads only what a page needs.
 */
export const createApiHandler = (ctx: AppContext) => {
  const serve = handle(createApp(ctx));
  return async (event: HttpApiEvent, context?: Context) => {
    logInvocation(ctx.log, context);
    return serve(event, context);
  };
};

export const handler = awsHandler("api", createApiHandler);
