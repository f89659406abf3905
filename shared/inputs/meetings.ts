// What the secretariat may send in about meetings and their agenda.
import { z } from "zod";
import { nbMeetings } from "../i18n/nb-meetings.js";
import { agendaItemKind, meetingKind } from "../model.js";
import { dateInput, dateTimeInput, optionalText, text } from "./fields.js";

export const CreateMeetingInput = z.strictObject({
  bodyId: z.string().min(1),
  title: text(300),
  startsAt: dateTimeInput,
  endsAt: dateTimeInput,
  place: text(300),
  kind: meetingKind.default("physical"),
  replyDeadline: dateTimeInput.optional(),
});

export const UpdateMeetingInput = z.strictObject({
  title: text(300).optional(),
  startsAt: dateTimeInput.optional(),
  endsAt: dateTimeInput.optional(),
  place: text(300).optional(),
  kind: meetingKind.optional(),
  replyDeadline: dateTimeInput.nullable().optional(),
  status: z.enum(["cancelled", "held"]).optional(),
  published: z.boolean().optional(),
});

const subItemInput = z.strictObject({
  letter: z
    .string()
    .trim()
    .regex(/^[A-ZÆØÅ]$/, "Underpunkt merkes med én stor bokstav (A, B, …)."),
  title: text(300),
  bullets: z.array(text(500)).max(50).default([]),
});

/** An item's sub-items: each letter once, so "Sak 18/2017 B" names one point. */
const subItemList = z
  .array(subItemInput)
  .max(26)
  .superRefine((items, ctx) => {
    const letters = items.map((i) => i.letter);
    const twice = [...new Set(letters.filter((l, i) => letters.indexOf(l) !== i))];
    if (twice.length) ctx.addIssue({ code: "custom", message: nbMeetings.rules.duplicateLetters(twice.join(", ")) });
  });

export const AddAgendaItemInput = z.strictObject({
  title: text(300),
  kind: agendaItemKind.default("decision"),
  background: optionalText(20_000),
  proposedDecision: optionalText(5_000),
  subItems: subItemList.default([]),
  attachmentNumbers: z.array(z.number().int().positive()).max(100).default([]),
});

export const UpdateAgendaItemInput = z.strictObject({
  title: text(300).optional(),
  background: optionalText(20_000).nullable(),
  proposedDecision: optionalText(5_000).nullable(),
  subItems: subItemList.optional(),
  attachmentNumbers: z.array(z.number().int().positive()).max(100).optional(),
});

export const MoveAgendaItemInput = z.strictObject({
  /** New 0-based position among the meeting's items. */
  position: z.number().int().min(0),
});

export const SetNextCaseNumberInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  next: z.number().int().min(1).max(9999),
});

/** The next meeting of the same body on another day (the times of day are the copied meeting's). */
export const CopyMeetingInput = z.strictObject({ date: dateInput });

export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;
export type AddAgendaItemInput = z.infer<typeof AddAgendaItemInput>;
export type UpdateAgendaItemInput = z.infer<typeof UpdateAgendaItemInput>;
export type SetNextCaseNumberInput = z.infer<typeof SetNextCaseNumberInput>;
export type CopyMeetingInput = z.infer<typeof CopyMeetingInput>;
