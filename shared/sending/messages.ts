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

export const QueueMessage = z.discriminatedUnion("kind", [DeliveryMessage, LoginLinkMessage]);
export type QueueMessage = z.infer<typeof QueueMessage>;
