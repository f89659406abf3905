// What travels on the send queue (a delivery, a login request, a preview), and its schema.
import { z } from "zod";

/** What travels on the send queue. Validated by the worker: a malformed message is never guessed at. */
const DeliveryMessage = z.object({
  kind: z.literal("delivery"),
  sendId: z.string().min(1),
  deliveryId: z.string().min(1),
});

/**
 * Someone asked for a login link for this address. Only the worker finds out whether it is a user
 * (and then makes the link and sends it), so the web request does the same for every address.
 */
const LoginRequestMessage = z.object({
  kind: z.literal("login-request"),
  email: z.email().max(254),
});

/** Render the invitation of one meeting version for the secretariat's preview (stored as a blob). */
const PreviewMessage = z.object({
  kind: z.literal("preview"),
  meetingId: z.string().min(1),
  version: z.number().int(),
});

export const QueueMessage = z.discriminatedUnion("kind", [DeliveryMessage, LoginRequestMessage, PreviewMessage]);
export type QueueMessage = z.infer<typeof QueueMessage>;
