// The building blocks of the input schemas: trimmed texts, Oslo wall-clock times, email addresses.
import { z } from "zod";
import { nbMeetings } from "../i18n/nb-meetings.js";

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional();
export const dateTimeInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, "Ugyldig tidspunkt (bruk ÅÅÅÅ-MM-DDTTT:MM).")
  .refine(
    (s) => !Number.isNaN(new Date(/Z|[+-]\d{2}:\d{2}$/.test(s) ? s : `${s}Z`).getTime()),
    "Ugyldig tidspunkt (bruk ÅÅÅÅ-MM-DDTTT:MM).",
  );

/** A calendar day, "2030-06-27": a real date (not 2030-02-30). */
export const dateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, nbMeetings.rules.invalidDate)
  .refine((s) => {
    const [y, m, d] = s.split("-").map(Number);
    const day = new Date(Date.UTC(y!, m! - 1, d!));
    return day.getUTCMonth() === m! - 1 && day.getUTCDate() === d;
  }, nbMeetings.rules.invalidDate);

/** An email address, stored in lower case (one address, one person). */
export const emailAddress = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
