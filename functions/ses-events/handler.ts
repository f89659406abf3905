/** The ses-events Lambda's entry: SES notifications via SNS, recorded per delivery by the sending domain. */
import { SnsSchema } from "@aws-lambda-powertools/parser/schemas/sns";
import type { Context, SNSEvent } from "aws-lambda";
import { logInvocation } from "../../shared/adapters/powertools-logger.js";
import { type AppContext, awsHandler } from "../../shared/context.js";
import { recordSesNotifications } from "../../shared/sending/index.js";

/**
 * Thin entry point: SES event publishing → SNS → here; records delivery, bounce and complaint per
 * delivery. The SNS envelope is checked with Powertools' schema (anything else is thrown, so SNS
 * retries and then parks it in the subscription's dead-letter queue); each SES notification inside
 * is read by shared/sending/ses-events.ts, one by one, so one unreadable notification does not
 * hold up the others. Logged: the SNS message ids, never the notifications themselves.
 */
export const createSesEventsHandler = (ctx: AppContext) => async (event: SNSEvent, context?: Context) => {
  logInvocation(ctx.log, context);
  const { Records } = SnsSchema.parse(event);
  ctx.log.info("SES notifications received", { snsMessageIds: Records.map((r) => r.Sns.MessageId) });
  return recordSesNotifications(
    ctx,
    Records.map((r) => r.Sns.Message),
  );
};

export const handler = awsHandler("ses-events", createSesEventsHandler);
