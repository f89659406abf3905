// What the secretariat may send in (API bodies and forms), as strict zod schemas.
import { z } from "zod";
import { Attendee, agendaItemKind, meetingKind, memberRole, organisationKind } from "./model.js";

/**
 * What the secretariat may send in. Strict objects: an unknown field is an error, not silently dropped.
 * Times are accepted as Oslo wall-clock ("2017-06-01T09:00") or as an instant with offset/Z.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const dateTimeInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, "Ugyldig tidspunkt (bruk ÅÅÅÅ-MM-DDTTT:MM).")
  .refine(
    (s) => !Number.isNaN(new Date(/Z|[+-]\d{2}:\d{2}$/.test(s) ? s : `${s}Z`).getTime()),
    "Ugyldig tidspunkt (bruk ÅÅÅÅ-MM-DDTTT:MM).",
  );

export const CreateOrganisationInput = z.strictObject({
  name: text(200),
  kind: organisationKind.default("kommune"),
  region: optionalText(200),
  orgNumber: z
    .string()
    .regex(/^\d{9}$/, "Organisasjonsnummer har ni sifre.")
    .optional(),
});

/** An email address, stored in lower case (one address, one person). */
const emailAddress = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const CreatePersonInput = z.strictObject({
  name: text(200),
  email: emailAddress,
  title: optionalText(200),
});

export const CreateBodyInput = z.strictObject({
  name: text(200),
  shortName: text(50),
  secretariat: z.strictObject({ name: text(200), email: z.email().max(254), phone: optionalText(50) }),
});

export const AddMemberInput = z
  .strictObject({
    personId: z.string().min(1).optional(),
    person: CreatePersonInput.optional(),
    organisationId: z.string().min(1).optional(),
    role: memberRole.default("member"),
  })
  .refine((v) => Boolean(v.personId) !== Boolean(v.person), {
    message: "Oppgi enten personId eller person (ikke begge).",
    path: ["personId"],
  });

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

export const AddAgendaItemInput = z.strictObject({
  title: text(300),
  kind: agendaItemKind.default("decision"),
  background: optionalText(20_000),
  proposedDecision: optionalText(5_000),
  subItems: z.array(subItemInput).max(26).default([]),
  attachmentNumbers: z.array(z.number().int().positive()).max(100).default([]),
});

export const UpdateAgendaItemInput = z.strictObject({
  title: text(300).optional(),
  background: optionalText(20_000).nullable(),
  proposedDecision: optionalText(5_000).nullable(),
  subItems: z.array(subItemInput).max(26).optional(),
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

/** Norwegian role names accepted in the CSV import (the secretariat's spreadsheets are in Norwegian). */
const roleNames: Record<string, string> = {
  medlem: "member",
  vara: "deputy",
  varamedlem: "deputy",
  observatør: "observer",
  sekretariat: "secretariat",
};

export const MemberCsvRow = z.strictObject({
  name: text(200),
  email: emailAddress,
  organisation: optionalText(200),
  role: z
    .string()
    .trim()
    .toLowerCase()
    .transform((r) => (r === "" ? "member" : (roleNames[r] ?? r)))
    .pipe(memberRole)
    .default("member"),
});

export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;
export type AddAgendaItemInput = z.infer<typeof AddAgendaItemInput>;
export type UpdateAgendaItemInput = z.infer<typeof UpdateAgendaItemInput>;
export type SetNextCaseNumberInput = z.infer<typeof SetNextCaseNumberInput>;

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
