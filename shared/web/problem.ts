/** RFC 9457 problem details, and the one turn from zod issues to Norwegian field errors. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { FieldError } from "../errors.js";
import { t } from "../i18n/nb.js";

/** RFC 9457 problem details, with Norwegian title/detail and, for validation errors, the fields at fault. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export function problem(c: Context, status: ContentfulStatusCode, title: string, detail?: string, extra: Partial<Problem> = {}) {
  const body: Problem = { type: extra.type ?? "about:blank", title, status, ...(detail ? { detail } : {}), ...extra };
  return c.body(JSON.stringify(body), status, { "Content-Type": "application/problem+json; charset=utf-8" });
}

/** The one turn from zod issues to field/message pairs (Norwegian); `root` names an issue about the whole input. */
export function fieldErrors(error: z.core.$ZodError, root = "(body)"): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || root, message: zodMessageNb(issue) }));
}

/** A 400 listing the fields at fault: for zod's issues and for a domain's InvalidError alike. */
export function invalidProblem(c: Context, errors: FieldError[]) {
  return problem(c, 400, t.api.validationTitle, errors.map((e) => `${e.field}: ${e.message}`).join("; "), {
    type: "https://moter.example.org/problemer/ugyldig-input",
    errors,
  });
}

export function validationProblem(c: Context, error: z.ZodError) {
  return invalidProblem(c, fieldErrors(error));
}

/** Norwegian wording for zod issues. A custom message set in a schema (already Norwegian) wins. */
export function zodMessageNb(issue: z.core.$ZodIssue): string {
  const custom = issue.message;
  // A message written in our schemas (Norwegian) wins over the generic wording below.
  if (custom && !/^(Invalid|Expected|Too (small|big)|Unrecognized|Required)/i.test(custom)) return custom;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return t.validation.required;
      return t.validation.invalidType(String(issue.expected));
    case "unrecognized_keys":
      return t.validation.unknownKeys(issue.keys.join(", "));
    case "too_small":
      if (issue.origin === "string")
        return issue.minimum === 1 ? t.validation.required : t.validation.tooShort(Number(issue.minimum));
      return t.validation.tooSmall(String(issue.minimum));
    case "too_big":
      if (issue.origin === "string") return t.validation.tooLong(Number(issue.maximum));
      return t.validation.tooBig(String(issue.maximum));
    case "invalid_format":
      if (issue.format === "email") return t.validation.email;
      return custom && !custom.startsWith("Invalid") ? custom : t.validation.format;
    case "invalid_value":
      return t.validation.oneOf(issue.values.map(String).join(", "));
    case "invalid_union":
      return t.validation.format;
    default:
      return custom && !/^Invalid|^Expected/.test(custom) ? custom : t.validation.format;
  }
}
