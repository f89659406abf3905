import { z } from "zod";

/** What travels on the send queue. Validated by the worker: a malformed message is never guessed at. */
export const DeliveryMessage = z.object({
  kind: z.literal("delivery"),
  sendId: z.string().min(1),
  deliveryId: z.string().min(1),
});

/** A one-off email that is not part of a mass send (login link); rendered and sent by the worker. */
export const LoginLinkMessage = z.object({
  kind: z.literal("login-link"),
  to: z.email(),
  url: z.url(),
  expiresAt: z.string(),
});

/** Render the invitation of one meeting version for the secretariat's preview (stored as a blob). */
export const PreviewMessage = z.object({
  kind: z.literal("preview"),
  meetingId: z.string().min(1),
  version: z.number().int(),
});

export const QueueMessage = z.discriminatedUnion("kind", [DeliveryMessage, LoginLinkMessage, PreviewMessage]);
export type QueueMessage = z.infer<typeof QueueMessage>;
