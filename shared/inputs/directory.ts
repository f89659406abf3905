// What the secretariat may send in about organisations, people, bodies and members.
import { z } from "zod";
import { nbSending } from "../i18n/nb-sending.js";
import { bodyLanguage, memberRole, organisationKind } from "../model.js";
import { emailAddress, optionalText, text } from "./fields.js";

export const CreateOrganisationInput = z.strictObject({
  name: text(200),
  kind: organisationKind.default("kommune"),
  region: optionalText(200),
  orgNumber: z
    .string()
    .regex(/^\d{9}$/, "Organisasjonsnummer har ni sifre.")
    .optional(),
  postmottak: emailAddress.optional(),
});

export const CreatePersonInput = z.strictObject({
  name: text(200),
  email: emailAddress,
  title: optionalText(200),
});

/** A correction of a person's name or address (a new address clears the bounce and complaint flags). */
export const UpdatePersonInput = z
  .strictObject({ name: text(200).optional(), email: emailAddress.optional() })
  .refine((v) => v.name !== undefined || v.email !== undefined, {
    message: nbSending.nothingToChange,
    path: ["email"],
  });

export const CreateBodyInput = z.strictObject({
  name: text(200),
  shortName: text(50),
  secretariat: z.strictObject({ name: text(200), email: z.email().max(254), phone: optionalText(50) }),
});

/** At least one field: an empty change is a mistake worth saying. */
const notEmpty = (v: Record<string, unknown>) => Object.values(v).some((x) => x !== undefined);
const nothingToChange = { message: nbSending.nothingToChange };

/** A kommune's postmottak address (null clears it). */
export const UpdateOrganisationInput = z
  .strictObject({ postmottak: emailAddress.nullable().optional() })
  .refine(notEmpty, { ...nothingToChange, path: ["postmottak"] });

/** A body's settings: its language, postmottak copies, escalation and vara call-in (null clears the escalation). */
export const UpdateBodyInput = z
  .strictObject({
    name: text(200).optional(),
    shortName: text(50).optional(),
    language: bodyLanguage.optional(),
    postmottakCopies: z.boolean().optional(),
    escalationDaysBeforeDeadline: z
      .number("Antall dager må være et tall.")
      .int("Antall dager må være et helt tall.")
      .min(1, "Minst 1 dag før svarfristen.")
      .max(30, "Høyst 30 dager før svarfristen.")
      .nullable()
      .optional(),
    varaCallIn: z.boolean().optional(),
  })
  .refine(notEmpty, { ...nothingToChange, path: ["language"] });

/** A member's role, organisation or personal vara (null clears the organisation or the vara). */
export const UpdateMemberInput = z
  .strictObject({
    role: memberRole.optional(),
    organisationId: z.string().min(1).max(64).nullable().optional(),
    varaPersonId: z.string().min(1).max(64).nullable().optional(),
  })
  .refine(notEmpty, { ...nothingToChange, path: ["role"] });

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
