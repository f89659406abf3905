// Scheduled jobs (reminders, minutes distribution, requeues, reply emails).
import { z } from "zod";

/** A scheduled job (reminder, minutes distribution, requeue, a reply's outbox), stored in the table until it has run. */
const jobKind = z.enum(["reminder", "minutes-distribution", "requeue-send", "reply-emails", "escalation"]);
export type JobKind = z.infer<typeof jobKind>;

export const Job = z.object({
  id: z.string(),
  kind: jobKind,
  dueAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(["pending", "running", "done", "failed", "cancelled"]),
  attempts: z.number().int(),
  claimedAt: z.string().optional(),
  claimId: z.string().optional(),
  lastError: z.string().optional(),
  finishedAt: z.string().optional(),
  createdAt: z.string(),
});
export type Job = z.infer<typeof Job>;
