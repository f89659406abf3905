import type { AppContext } from "../../shared/context.js";
import { handleQueueMessage, parseQueueMessage } from "../../shared/sending/worker.js";

/**
 * One batch off the queue (SQS in AWS, the in-process queue locally). Returns the indexes that
 * failed, so only those are redelivered (SQS partial batch response).
 */
export async function processQueueMessages(ctx: AppContext, bodies: unknown[]): Promise<{ failed: number[] }> {
  const failed: number[] = [];
  for (const [i, body] of bodies.entries()) {
    const message = parseQueueMessage(body);
    if (!message.ok) {
      // A message we cannot read will never get better: fail it so it ends in the dead-letter queue.
      ctx.log.error("unreadable queue message", { error: message.error });
      failed.push(i);
      continue;
    }
    try {
      const outcome = await handleQueueMessage(ctx, message.value);
      if (outcome === "retry") failed.push(i);
    } catch (err) {
      ctx.log.error("queue message failed", { err, message: message.value });
      failed.push(i);
    }
  }
  return { failed };
}
