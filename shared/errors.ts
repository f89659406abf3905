import type { FieldError } from "./meetings/index.js";

/** Domain errors; the HTTP layer maps them to 404 / 409 / 400 problem details (never a 500). */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`Fant ikke ${what}.`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export class DomainValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.name = "DomainValidationError";
  }
}
