// Meeting records: the meeting, its agenda items (numbered cases) and attachments.
import { z } from "zod";

export const meetingKind = z.enum(["physical", "digital", "hybrid"]);
const meetingStatus = z.enum(["draft", "invited", "held", "minutes_approved", "minutes_sent", "cancelled"]);
export const Meeting = z.object({
  id: z.string(),
  bodyId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  kind: meetingKind,
  replyDeadline: z.string().optional(),
  status: meetingStatus,
  /** Increases on every change that shows in the invitation (cache key for the rendered MJML). */
  version: z.number().int(),
  /** iCalendar SEQUENCE of the last invitation sent; an update after a change sends SEQUENCE+1. */
  sequence: z.number().int(),
  /** The meeting version the last invitation was sent at; a later version means the next send is an update. */
  invitedVersion: z.number().int().optional(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

const SubItem = z.object({ letter: z.string(), title: z.string(), bullets: z.array(z.string()) });
export const agendaItemKind = z.enum(["decision", "information", "opening", "closing"]);
export const AgendaItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  /** "12/2017"; null for the fixed opening and closing items, which carry no case number. */
  number: z.string().nullable(),
  title: z.string(),
  kind: agendaItemKind,
  background: z.string().optional(),
  proposedDecision: z.string().optional(),
  subItems: z.array(SubItem),
  attachmentNumbers: z.array(z.number().int()),
  order: z.number(),
  /** Withdrawn after the innkalling went out ("Trukket"): kept with its number for the record. */
  withdrawn: z.boolean().optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Attachment = z.object({
  meetingId: z.string(),
  number: z.number().int(),
  title: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  blobKey: z.string(),
  /** Exempt from publication (offentleglova): never shown in the public archive. */
  exempt: z.boolean(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;
