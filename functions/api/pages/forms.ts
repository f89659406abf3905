import type { z } from "zod";
import { zodMessageNb } from "../../../shared/web/problem.js";

/** Form posts: strings only, validated by the same zod schemas as the JSON API. */
export type FieldErrors = Record<string, string>;

export async function formFields(req: { parseBody(): Promise<Record<string, unknown>> }): Promise<Record<string, string>> {
  const body = await req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 20_000) : ""]));
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path.join(".") || "form")] ??= zodMessageNb(issue);
  return { ok: false, errors };
}

/** Empty form fields mean "not given"; the CSRF field is the guard's, not the record's. */
export function blankToUndefined(fields: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k !== "csrf").map(([k, v]) => [k, v.trim() === "" ? undefined : v]));
}
