/** The tick Lambda's entry: EventBridge's every-minute event runs the scheduled jobs that are due. */
import { EventBridgeSchema } from "@aws-lambda-powertools/parser/schemas/eventbridge";
import type { Context } from "aws-lambda";
import { z } from "zod";
import { logInvocation } from "../../shared/adapters/powertools-logger.js";
import { type AppContext, awsHandler } from "../../shared/context.js";
import { runTick } from "../../shared/job-kinds/index.js";

/** The event of the EventBridge rule that calls the tick every minute (infra/stack.ts). */
const ScheduledEvent = EventBridgeSchema.extend({ "detail-type": z.literal("Scheduled Event"), source: z.literal("aws.events") });

/** Thin entry point: EventBridge calls this every minute; it runs the jobs that are due. */
export const createTickHandler =
  (ctx: AppContext) =>
  async (event: unknown, context?: Context): Promise<{ ran: number; failed: number }> => {
    logInvocation(ctx.log, context);
    const parsed = ScheduledEvent.safeParse(event);
    if (!parsed.success)
      throw new Error(`the tick Lambda expects EventBridge's scheduled event: ${z.prettifyError(parsed.error)}`);
    const result = await runTick(ctx);
    // Every minute: only a tick that did something is worth a line at info.
    const fields = { eventId: parsed.data.id, scheduledAt: parsed.data.time, ...result };
    if (result.ran || result.failed) ctx.log.info("tick", fields);
    else ctx.log.debug("tick", fields);
    return result;
  };

export const handler = awsHandler("tick", createTickHandler);
