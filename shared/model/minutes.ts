// Minutes (referat) records.
import { z } from "zod";

/** Minutes (referat) of a meeting: one current record, and every saved version kept beside it. */
export const Attendee = z.object({
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().max(200).optional(),
  /** For a substitute: the member they replaced ("Kari Solberg Økland for Trond Julin"). */
  substituteFor: z.string().trim().max(200).optional(),
});
export type Attendee = z.infer<typeof Attendee>;

const MinutesItem = z.object({
  itemId: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  text: z.string().max(20_000).optional(),
  decision: z.string().max(5_000).optional(),
  status: z.enum(["decided", "noted", "postponed"]),
});

export const Minutes = z.object({
  meetingId: z.string(),
  version: z.number().int(),
  status: z.enum(["draft", "approved"]),
  startedAt: z.string(),
  endedAt: z.string(),
  place: z.string(),
  present: z.array(Attendee),
  absent: z.array(Attendee),
  secretariat: z.array(z.string()),
  items: z.array(MinutesItem),
  approvedAt: z.string().optional(),
  approvedBy: z.string().optional(),
  correctionReason: z.string().optional(),
  scheduledJobId: z.string().optional(),
  scheduledFor: z.string().optional(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Minutes = z.infer<typeof Minutes>;
