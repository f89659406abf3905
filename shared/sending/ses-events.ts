// SES events (delivery, bounce, complaint, reject, delay) recorded on the delivery they belong to.
import { z } from "zod";
import type { AppContext } from "../context.js";
import { nbSending } from "../i18n/nb-sending.js";
import { findDeliveryBySesMessage, recordDeliveryEvent } from "../store/deliveries.js";
import { flagEmail } from "../store/people.js";
import type { Delivery } from "../store/sends.js";

/**
 * SES event publishing (configuration set → SNS): Delivery, Bounce, Complaint, Reject,
 * DeliveryDelay (Send, Open, Click … are not tracked). Each event is matched to its delivery by SES
 * message id and recorded; a permanent bounce or a complaint also flags the person's address
 * (later sends skip it until corrected). A delay is only
 * noted (lastEvent): SES keeps trying, and a bounce follows if it gives up.
 *
 * Our own schema, not Powertools': its SesSchema describes SES email *receiving* events (mail +
 * receipt), not the sending events published through a configuration set. Only the fields used
 * here are read; the rest of the notification (addresses, headers, subject) is neither kept nor
 * logged: logs hold the SES message id and the event type.
 */
const SesEvent = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.object({ messageId: z.string(), timestamp: z.string().optional() }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional() })),
      timestamp: z.string().optional(),
    })
    .optional(),
  complaint: z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) }).optional(),
  delivery: z.object({ timestamp: z.string().optional() }).optional(),
  reject: z.object({ reason: z.string().optional() }).optional(),
});

/** Why a notification could not be read, without quoting it (a JSON.parse message quotes the text). */
const unreadableReason = (err: unknown) =>
  err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.code}`).join("; ") : "not JSON";

export async function recordSesNotifications(
  ctx: AppContext,
  messages: string[],
): Promise<{ recorded: number; ignored: number }> {
  let recorded = 0;
  let ignored = 0;
  for (const text of messages) {
    let parsed: z.infer<typeof SesEvent>;
    try {
      parsed = SesEvent.parse(JSON.parse(text));
    } catch (err) {
      ctx.log.warn("unreadable SES event", { reason: unreadableReason(err) });
      ignored++;
      continue;
    }
    const type = (parsed.eventType ?? parsed.notificationType ?? "").toLowerCase();
    const logged = { sesMessageId: parsed.mail.messageId, type };
    const delivery = await findDeliveryBySesMessage(ctx, parsed.mail.messageId);
    if (!delivery) {
      ctx.log.info("SES event for no delivery of ours", logged);
      ignored++;
      continue;
    }
    const at = ctx.clock.now().toISOString();
    let status: Delivery["status"] | undefined;
    let error: string | undefined;
    if (type === "delivery") status = "delivered";
    else if (type === "bounce" && parsed.bounce) {
      const permanent = parsed.bounce.bounceType === "Permanent";
      status = permanent ? "bounced" : undefined;
      error = `${permanent ? "Permanent" : "Midlertidig"} avvisning (${parsed.bounce.bounceSubType ?? parsed.bounce.bounceType}): ${parsed.bounce.bouncedRecipients.map((r) => r.diagnosticCode ?? r.emailAddress).join("; ")}${permanent ? ` ${nbSending.blockedUntilCorrected}` : ""}`;
      if (permanent) for (const r of parsed.bounce.bouncedRecipients) await flagEmail(ctx, r.emailAddress, "bouncedAt", at);
    } else if (type === "complaint") {
      status = "complained";
      error = `Mottakeren meldte e-posten som søppelpost. ${nbSending.blockedUntilCorrected}`;
      for (const r of parsed.complaint?.complainedRecipients ?? []) await flagEmail(ctx, r.emailAddress, "complainedAt", at);
    } else if (type === "reject") {
      status = "failed";
      error = `SES avviste e-posten${parsed.reject?.reason ? ` (${parsed.reject.reason})` : ""}.`;
    }
    if (!status && !error && type !== "deliverydelay") {
      ctx.log.info("SES event not tracked", logged);
      ignored++;
      continue;
    }
    await recordDeliveryEvent(ctx, delivery.sendId, delivery.deliveryId, {
      type,
      at,
      ...(status ? { status } : {}),
      ...(error ? { error } : {}),
    });
    ctx.log.info("SES event recorded", { ...logged, ...(status ? { status } : {}) });
    recorded++;
  }
  return { recorded, ignored };
}
