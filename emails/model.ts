/** The plain email models emails/ takes: meeting, minutes and recipient. */
import { z } from "zod";

/**
 * The plain view models the email templates take. They are decoupled from storage: the send
 * worker maps its records into them (shared/sending/email-model.ts), dates already written out
 * in Oslo time, so emails/ needs nothing above it.
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
  /** UTC ISO instants, for the calendar entry. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** As shown: "01.06.2017" (subjects), "Torsdag 01.06.2017 kl. 09.00 – 12.00", "25.05.2017 kl. 12.00". */
  date: z.string(),
  when: z.string(),
  deadline: z.string().optional(),
  place: z.string(),
  kind: z.enum(["physical", "digital", "hybrid"]),
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
  /** The body's language: bokmål unless "nn". */
  language: z.enum(["nb", "nn"]).optional(),
});
export type MeetingEmailModel = z.infer<typeof MeetingEmailModel>;

const outcome = z.enum(["decided", "noted", "postponed"]);

export const MinutesEmailModel = z.object({
  meetingId: z.string(),
  version: z.number().int(),
  bodyName: z.string(),
  meetingTitle: z.string(),
  /** As shown: "23.11.2017", "Torsdag 23.11.2017 kl. 09.00 – 11.15". */
  date: z.string(),
  when: z.string(),
  place: z.string(),
  /** Already formatted as in the minutes: "Erik Kjeldstadli, Bærum", "Kari Solberg Økland for Trond Julin, Drammen". */
  present: z.array(z.string()),
  /** People with their organisation (grouped by organisation in the email); a plain string is a name alone. */
  secretariat: z.array(z.union([z.string(), z.object({ name: z.string(), organisation: z.string().optional() })])),
  absent: z.array(z.string()),
  items: z.array(
    z.object({
      number: z.string().nullable(),
      title: z.string(),
      text: z.string().optional(),
      decision: z.string().optional(),
      status: outcome,
      /** The case's sub-items (A, B …), in order, each with its own outcome. */
      subItems: z
        .array(
          z.object({
            letter: z.string(),
            title: z.string(),
            text: z.string().optional(),
            decision: z.string().optional(),
            status: outcome,
          }),
        )
        .optional(),
    }),
  ),
  attachments: z.array(z.object({ number: z.number().int(), title: z.string() })),
  secretariatContact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
  /** A correction of a referat already sent: the reason, said at the top ("Korrigert referat"). */
  correction: z.string().optional(),
  language: z.enum(["nb", "nn"]).optional(),
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
  /** The substitute is the member's personal vara, called in on their forfall. */
  vara?: boolean;
  /** For the confirmation: what was answered (put in words by the template's catalogue). */
  reply?: RecipientReply;
}

export interface RecipientReply {
  status: "attending" | "absent" | "substitute";
  reason?: string;
  substituteName?: string;
  substituteEmail?: string;
}
