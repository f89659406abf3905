/** Form posts: their string fields, validated by the same zod schemas as the JSON API, errors by field. */
import type { z } from "zod";
import type { FieldError } from "../errors.js";
import { fieldErrors } from "./problem.js";

/** A form's errors as the pages show them: one message per field name. */
export type FieldErrors = Record<string, string>;

/** Every field as a string (a file or a missing body counts as ""), each cut at `maxLength`. */
export async function formFields(
  req: { parseBody(): Promise<Record<string, unknown>> },
  maxLength = 20_000,
): Promise<Record<string, string>> {
  const body = await req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? v.slice(0, maxLength) : ""]));
}

/** The first message per field, from zod issues or a domain's InvalidError. */
export function byField(errors: FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}

/** What zod and zod/mini schemas alike answer to safeParse. */
type Parsed<T> = { success: true; data: T } | { success: false; error: z.core.$ZodError };

export function validate<T>(
  schema: { safeParse(input: unknown): Parsed<T> },
  input: unknown,
): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: byField(fieldErrors(parsed.error, "form")) };
}

/** Empty form fields mean "not given"; the CSRF field is the guard's, not the record's. */
export function blankToUndefined(fields: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k !== "csrf")
      .map(([k, v]) => [k, v.trim() === "" ? undefined : v]),
  );
}
