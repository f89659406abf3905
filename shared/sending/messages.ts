// What travels on the send queue (a delivery, a login request, a preview, a reply's emails), and its schema.
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

/**
 * A reply was recorded (reply version `replyVersion` of the invitation): queue its emails (the
 * confirmation; the new substitute's invitation; the released substitute's notice). The reply
 * Lambda puts this on the queue after its transaction, so it never loads the sending domain.
 */
export const ReplyEmailsMessage = z.object({
  kind: z.literal("reply-emails"),
  meetingId: z.string().min(1),
  invitationId: z.string().min(1),
  replyVersion: z.number().int(),
  by: z.string(),
  newSubstituteId: z.string().min(1).optional(),
  releasedSubstituteId: z.string().min(1).optional(),
});
export type ReplyEmailsMessage = z.infer<typeof ReplyEmailsMessage>;

export const QueueMessage = z.discriminatedUnion("kind", [
  DeliveryMessage,
  LoginRequestMessage,
  PreviewMessage,
  ReplyEmailsMessage,
]);
export type QueueMessage = z.infer<typeof QueueMessage>;
