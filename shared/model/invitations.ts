// Invitation records: one person's personal link to one meeting, and their reply.
import { z } from "zod";

const replyStatus = z.enum(["attending", "absent", "substitute"]);
export const Reply = z.object({
  status: replyStatus,
  /** Forfall: optional reason. */
  reason: z.string().optional(),
  substitute: z
    .object({
      name: z.string(),
      email: z.string(),
      invitationId: z.string(),
      role: z.string().optional(),
      /** Not emailed: the member changed substitute address too often (no open relay); the secretariat follows up. */
      held: z.boolean().optional(),
      /** Called in automatically as the member's personal vara (not named by them); unanswered until they reply. */
      vara: z.boolean().optional(),
    })
    .optional(),
  at: z.string(),
  /** "participant" (through the personal link), or the secretariat user who recorded it ("secretariat:nina@…"). */
  by: z.string(),
  /** The secretariat's note on a reply recorded for someone ("ringte", "kommer kl. 10"), kept whatever the status. */
  note: z.string().optional(),
});
export type Reply = z.infer<typeof Reply>;

/** One person's invitation to one meeting; the personal link points here. */
export const Invitation = z.object({
  id: z.string(),
  meetingId: z.string(),
  personId: z.string().optional(),
  name: z.string(),
  email: z.string(),
  organisationId: z.string().optional(),
  organisationName: z.string().optional(),
  role: z.string(),
  /** Set on a substitute's invitation: whom they replace. */
  substituteFor: z.object({ invitationId: z.string(), name: z.string() }).optional(),
  /** The member's personal deputy, copied from the member list when the body calls in vara automatically. */
  vara: z.object({ personId: z.string().optional(), name: z.string(), email: z.string() }).optional(),
  linkVersion: z.number().int(),
  /** Withdrawn: removed from the list, or a substitute no longer needed. */
  withdrawn: z.boolean(),
  /**
   * A substitute named past the address limit: never emailed by the system (no whole-list send,
   * no "no longer needed" notice) until the secretariat sends to them by name.
   */
  held: z.boolean().optional(),
  reply: Reply.optional(),
  replyVersion: z.number().int(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;
