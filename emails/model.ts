import { z } from "zod";

/**
 * The plain view models the email templates take. They are decoupled from storage: the send
 * worker maps its records into them (shared/sending/email-model.ts).
 */
export const MeetingEmailModel = z.object({
  meetingId: z.string(),
  /** Increases when the meeting changes: the render cache key. */
  version: z.number().int(),
  /** iCalendar SEQUENCE. */
  sequence: z.number().int(),
  status: z.enum(["scheduled", "cancelled"]),
  bodyName: z.string(),
  meetingTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  kind: z.enum(["physical", "digital", "hybrid"]),
  replyDeadline: z.string().optional(),
  agenda: z.array(
    z.object({
      number: z.string().nullable(),
      title: z.string(),
      kind: z.enum(["decision", "information", "opening", "closing"]),
      background: z.string().optional(),
      proposedDecision: z.string().optional(),
      subItems: z.array(z.object({ letter: z.string(), title: z.string(), bullets: z.array(z.string()) })),
      attachmentNumbers: z.array(z.number().int()),
    }),
  ),
  attachments: z.array(z.object({ number: z.number().int(), title: z.string() })),
  secretariat: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
  organiserEmail: z.string(),
});
export type MeetingEmailModel = z.infer<typeof MeetingEmailModel>;

export const MinutesEmailModel = z.object({
  meetingId: z.string(),
  version: z.number().int(),
  bodyName: z.string(),
  meetingTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  /** Already formatted as in the minutes: "Erik Kjeldstadli, Bærum", "Kari Solberg Økland for Trond Julin, Drammen". */
  present: z.array(z.string()),
  secretariat: z.array(z.string()),
  absent: z.array(z.string()),
  items: z.array(
    z.object({
      number: z.string().nullable(),
      title: z.string(),
      text: z.string().optional(),
      decision: z.string().optional(),
      status: z.enum(["decided", "noted", "postponed"]),
    }),
  ),
  attachments: z.array(z.object({ number: z.number().int(), title: z.string() })),
  secretariatContact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
});
export type MinutesEmailModel = z.infer<typeof MinutesEmailModel>;

/** Per-recipient values, substituted into a rendered template (escaped). */
export interface Recipient {
  name: string;
  email: string;
  /** The personal reply link. */
  replyUrl?: string;
  /** Attachment links are `${attachmentBaseUrl}/${n}`. */
  attachmentBaseUrl: string;
  /** For a substitute: whom they replace ("Trond Julin"). */
  substituteFor?: string;
  /** For the confirmation: what was answered, in words. */
  replySummary?: string;
}
