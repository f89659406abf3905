// What the secretariat may send in about the minutes (referat).
import { z } from "zod";
import { nbMinutes } from "../i18n/nb-minutes.js";
import { Attendee } from "../model.js";
import { dateTimeInput } from "./fields.js";

const outcome = z.enum(["decided", "noted", "postponed"]);

/** One sub-item's outcome, named by its letter ("A"). */
const SubItemInput = z.strictObject({
  letter: z
    .string()
    .trim()
    .regex(/^[A-ZÆØÅ]$/, nbMinutes.rules.letter),
  /** Needed only for a sub-item not on the agenda (added at the meeting). */
  title: z.string().trim().min(1).max(300).optional(),
  text: z.string().trim().max(20_000).optional(),
  decision: z.string().trim().max(5_000).optional(),
  status: outcome.optional(),
});

/** Letters name sub-items: each at most once per case. */
const subItemsInput = z
  .array(SubItemInput)
  .max(50)
  .superRefine((subs, ctx) => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const s of subs) (seen.has(s.letter) ? twice : seen).add(s.letter);
    if (twice.size) ctx.addIssue({ code: "custom", message: nbMinutes.rules.duplicateLetters([...twice].join(", ")) });
  });

/** The secretariat as attendees; a plain name (as older clients send) is a name without organisation. */
const secretariatInput = z.union([
  Attendee.strict(),
  z
    .string()
    .trim()
    .min(1)
    .max(200)
    .transform((name) => ({ name })),
]);

/** Edits to a meeting's minutes (every field optional; approved minutes need a correction reason). */
export const SaveMinutesInput = z.strictObject({
  startedAt: dateTimeInput.optional(),
  endedAt: dateTimeInput.optional(),
  place: z.string().trim().min(1).max(300).optional(),
  present: z.array(Attendee.strict()).max(200).optional(),
  absent: z.array(Attendee.strict()).max(200).optional(),
  secretariat: z.array(secretariatInput).max(20).optional(),
  items: z
    .array(
      z.strictObject({
        itemId: z.string().min(1),
        text: z.string().trim().max(20_000).optional(),
        decision: z.string().trim().max(5_000).optional(),
        status: outcome.optional(),
        subItems: subItemsInput.optional(),
      }),
    )
    .max(200)
    .optional(),
  /** The meeting's attachments that go with the referat (by number). */
  attachmentNumbers: z.array(z.number().int().min(1)).max(100).optional(),
  /** Required when changing approved minutes: why the correction. */
  correctionReason: z.string().trim().min(1).max(500).optional(),
});

export const ScheduleMinutesInput = z.strictObject({
  /** Oslo wall-clock or an instant; "now" sends at the next tick. */
  at: z.union([z.literal("now"), dateTimeInput]),
  /** Attach the referat as PDF/A to the emails. */
  attachPdf: z.boolean().optional(),
});
/** What a caller may send (a secretariat name may be a plain string). */
export type SaveMinutesInput = z.input<typeof SaveMinutesInput>;
/** The edit as checked, each secretariat entry an attendee. */
export type MinutesEdit = z.output<typeof SaveMinutesInput>;
