/** One queue message (or, locally, one in-process batch) through the sending domain, never throwing. */
import type { AppContext } from "../../shared/context.js";
import type { QueueMessage } from "../../shared/sending/index.js";
import { handleQueueMessage, parseQueueMessage } from "../../shared/sending/index.js";

/**
 * One readable message off the queue: "done", or "retry" to have it redelivered. Never throws; a
 * failure is logged. The Lambda (handler.ts, SQS through Powertools' batch processor) and the
 * in-process queue (processQueueMessages, locally) both come here.
 */
export async function processQueueMessage(ctx: AppContext, message: QueueMessage): Promise<"done" | "retry"> {
  try {
    return await handleQueueMessage(ctx, message);
  } catch (err) {
    ctx.log.error("queue message failed", { err, queueMessage: message });
    return "retry";
  }
}

/**
 * One batch from the in-process queue (locally). Returns the indexes that failed, so only those
 * are redelivered, as SQS does with a partial batch response.
 */
export async function processQueueMessages(ctx: AppContext, bodies: unknown[]): Promise<{ failed: number[] }> {
  // The batch is handled concurrently; the shared rate limiter keeps the SES pace.
  const outcomes = await Promise.all(
    bodies.map(async (body) => {
      const message = parseQueueMessage(body);
      if (!message.ok) {
        // A message we cannot read will never get better: fail it so it ends in the dead letters.
        ctx.log.error("unreadable queue message", { error: message.error });
        return "retry";
      }
      return processQueueMessage(ctx, message.value);
    }),
  );
  return { failed: outcomes.flatMap((o, i) => (o === "retry" ? [i] : [])) };
}
