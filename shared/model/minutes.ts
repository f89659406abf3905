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

const minutesItemStatus = z.enum(["decided", "noted", "postponed"]);

/** A sub-item of a case as the referat tells it (the agenda's "A Kommunehelsesamarbeidet"), with its own outcome. */
const MinutesSubItem = z.object({
  letter: z.string(),
  title: z.string(),
  text: z.string().max(20_000).optional(),
  decision: z.string().max(5_000).optional(),
  status: minutesItemStatus,
});
export type MinutesSubItem = z.infer<typeof MinutesSubItem>;

const MinutesItem = z.object({
  itemId: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  text: z.string().max(20_000).optional(),
  decision: z.string().max(5_000).optional(),
  status: minutesItemStatus,
  /** Absent on minutes stored before sub-items were kept. */
  subItems: z.array(MinutesSubItem).optional(),
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
  /** The secretariat with their organisations ("Nina Solberg og Lena Hansson, Vestregionen"). */
  secretariat: z.array(Attendee),
  items: z.array(MinutesItem),
  /** The meeting's attachments that go with the referat; not set: all the meeting's attachments. */
  attachmentNumbers: z.array(z.number().int()).optional(),
  approvedAt: z.string().optional(),
  approvedBy: z.string().optional(),
  correctionReason: z.string().optional(),
  /** Set when a correction was made after the referat had been distributed: the next email says it is corrected. */
  correctsDistributed: z.boolean().optional(),
  scheduledJobId: z.string().optional(),
  /** The distribution's emails carry the referat as PDF/A (asked for when scheduling). */
  attachPdf: z.boolean().optional(),
  scheduledFor: z.string().optional(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Minutes = z.infer<typeof Minutes>;
