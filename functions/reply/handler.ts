// The reply Lambda's entry: API Gateway HTTP API (payload 2.0) → the participant's Hono app.
import type { Context } from "aws-lambda";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { logInvocation } from "../../shared/adapters/powertools-logger.js";
import { type AppContext, awsHandler } from "../../shared/context.js";
import { createReplyApp } from "./app.js";

export const createReplyHandler = (ctx: AppContext) => {
  const serve = handle(createReplyApp(ctx));
  return async (event: Extract<LambdaEvent, { rawPath: string }>, context?: Context) => {
    logInvocation(ctx.log, context);
    return serve(event, context);
  };
};

export const handler = awsHandler("reply", createReplyHandler);
