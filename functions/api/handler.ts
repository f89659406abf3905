/** The api Lambda's entry: API Gateway HTTP API (payload 2.0) → the secretariat's Hono app. */
import { type AppContext, awsHandler } from "../../shared/context.js";
import { httpApiHandler } from "../../shared/web/lambda.js";
import { createApp } from "./app.js";

export type { HttpApiEvent } from "../../shared/web/lambda.js";

export const createApiHandler = (ctx: AppContext) => httpApiHandler(ctx, createApp(ctx));

export const handler = awsHandler("api", createApiHandler);
