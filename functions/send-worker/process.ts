import type { AppContext } from "../../shared/context.js";
import { handleQueueMessage, parseQueueMessage } from "../../shared/sending/worker.js";

/**
 * One batch off the queue (SQS in AWS, the in-process queue locally). Returns the indexes that
 * failed, so only those are redelivered (SQS partial batch response).
 */
export async function processQueueMessages(ctx: AppContext, bodies: unknown[]): Promise<{ failed: number[] }> {
  // The batch is handled concurrently; the shared rate limiter keeps the SES pace.
  const outcomes = await Promise.all(
    bodies.map(async (body) => {
      const message = parseQueueMessage(body);
      if (!message.ok) {
        // A message we cannot read will never get better: fail it so it ends in the dead-letter queue.
        ctx.log.error("unreadable queue message", { error: message.error });
        return "retry";
      }
      try {
        return await handleQueueMessage(ctx, message.value);
      } catch (err) {
        ctx.log.error("queue message failed", { err, message: message.value });
        return "retry";
      }
    }),
  );
  return { failed: outcomes.flatMap((o, i) => (o === "retry" ? [i] : [])) };
}
