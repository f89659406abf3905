// Queueing a send's deliveries, its progress, and the requeue job's pass over what is still waiting.
import type { AppContext } from "../context.js";
import { type Delivery, getSendRecord, listDeliveries } from "../store/sends.js";
import type { QueueMessage } from "./messages.js";

export async function queueDeliveries(ctx: AppContext, sendId: string, deliveryIds: string[]): Promise<void> {
  const messages: QueueMessage[] = deliveryIds.map((deliveryId) => ({ kind: "delivery", sendId, deliveryId }));
  await ctx.queue.send(messages);
}

/** Progress of a send: counts per state (skipped addresses too) and each failure or skip with its reason. */
export async function sendProgress(d: AppContext, sendId: string) {
  const send = await getSendRecord(d, sendId);
  const deliveries = await listDeliveries(d, sendId);
  const count = (...s: Delivery["status"][]) => deliveries.filter((x) => s.includes(x.status)).length;
  const notSent: Delivery["status"][] = ["failed", "bounced", "complained", "suppressed"];
  return {
    id: send.id,
    meetingId: send.meetingId,
    template: send.template,
    createdAt: send.createdAt,
    total: send.total,
    queued: count("queued", "sending"),
    sent: count("sent", "delivered", "bounced", "complained"),
    delivered: count("delivered"),
    failed: count("failed"),
    bounced: count("bounced"),
    complained: count("complained"),
    suppressed: count("suppressed"),
    done: count("queued", "sending") === 0,
    failures: deliveries
      .filter((x) => notSent.includes(x.status))
      .map((x) => ({
        invitationId: x.invitationId,
        name: x.name,
        email: x.email,
        status: x.status,
        reason: x.error ?? "",
      })),
  };
}

/** The requeue job: anything still waiting is put on the queue again (claims make it harmless). */
export async function requeueWaiting(ctx: AppContext, sendId: string): Promise<number> {
  const waiting = (await listDeliveries(ctx, sendId)).filter((x) => x.status === "queued" || x.status === "sending");
  if (waiting.length)
    await queueDeliveries(
      ctx,
      sendId,
      waiting.map((x) => x.id),
    );
  return waiting.length;
}
