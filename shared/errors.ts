/**
 * One error base for what a user may be told. The HTTP layer maps an AppError to an RFC 9457 problem
 * (JSON) or an error page (web) with its status; anything else is a 500 with nothing leaked.
 */
import { t } from "./i18n/nb.js";

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: 400 | 403 | 404 | 409 | 410 | 413 | 429,
    message: string,
    /** The problem's title when the status's usual one says too little. */
    readonly title?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(readonly what: string) {
    super("not_found", 404, t.rules.notFound(what));
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super("conflict", 409, message);
  }
}

/** Input that passed the schema but breaks a domain rule (e.g. an end before the start). */
export class InvalidError extends AppError {
  constructor(readonly errors: FieldError[]) {
    super("invalid", 400, errors.map((e) => `${e.field}: ${e.message}`).join("; "));
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, title?: string) {
    super("forbidden", 403, message, title);
  }
}
