// What the secretariat may send in about the minutes (referat).
import { z } from "zod";
import { Attendee } from "../model.js";
import { dateTimeInput } from "./fields.js";

/** Edits to a meeting's minutes (every field optional; approved minutes need a correction reason). */
export const SaveMinutesInput = z.strictObject({
  startedAt: dateTimeInput.optional(),
  endedAt: dateTimeInput.optional(),
  place: z.string().trim().min(1).max(300).optional(),
  present: z.array(Attendee.strict()).max(200).optional(),
  absent: z.array(Attendee.strict()).max(200).optional(),
  secretariat: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  items: z
    .array(
      z.strictObject({
        itemId: z.string().min(1),
        text: z.string().trim().max(20_000).optional(),
        decision: z.string().trim().max(5_000).optional(),
        status: z.enum(["decided", "noted", "postponed"]).optional(),
      }),
    )
    .max(200)
    .optional(),
  /** Required when changing approved minutes: why the correction. */
  correctionReason: z.string().trim().min(1).max(500).optional(),
});

export const ScheduleMinutesInput = z.strictObject({
  /** Oslo wall-clock or an instant; "now" sends at the next tick. */
  at: z.union([z.literal("now"), dateTimeInput]),
});
export type SaveMinutesInput = z.infer<typeof SaveMinutesInput>;
