/** The one error mapper of both HTTP Lambdas: AppError → RFC 9457 problem (API, JSON) or an error page (web). */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, InvalidError } from "../errors.js";
import { t } from "../i18n/nb.js";
import type { Logger } from "../log.js";
import { sendPage } from "./html.js";
import { MessagePage } from "./layout.js";
import { invalidProblem, problem } from "./problem.js";

/** The API and anything that asks for JSON get problem details; a browser gets a page. */
function wantsJson(c: Context): boolean {
  return c.req.path.startsWith("/api") || (c.req.header("accept") ?? "").includes("application/json");
}

/** A title per status, so a person sees what kind of problem it is; the message says which. */
function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: t.api.validationTitle,
    403: t.api.forbiddenTitle,
    404: t.api.notFoundTitle,
    409: t.api.conflictTitle,
    410: t.api.goneTitle,
    413: t.api.tooLargeTitle,
    429: t.api.tooManyTitle,
  };
  return titles[status] ?? t.api.validationTitle;
}

/** Problem details or a page with one message, as the request wants. */
export function errorResponse(c: Context, status: ContentfulStatusCode, title: string, message: string) {
  if (wantsJson(c)) return problem(c, status, title, message);
  return sendPage(c, <MessagePage title={title} message={message} />, status);
}

export function notFoundResponse(c: Context) {
  return errorResponse(c, 404, wantsJson(c) ? t.api.notFoundTitle : t.api.pageNotFoundTitle, t.api.routeNotFound);
}

/**
 * app.onError: an AppError says what the user may see (its code, status and message); Hono's own
 * HTTPException (a malformed body, a limit) says its status. Anything else is our fault: logged,
 * and answered with a 500 that tells nothing about why.
 */
export function mapError(err: Error, c: Context, log: Logger) {
  if (err instanceof AppError) {
    if (err instanceof InvalidError && wantsJson(c)) return invalidProblem(c, err.errors);
    return errorResponse(c, err.httpStatus, err.title ?? titleFor(err.httpStatus), err.message);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 400 && /JSON/i.test(err.message)) return problem(c, 400, t.api.validationTitle, t.api.badJson);
    return problem(c, status, err.message || titleFor(status));
  }
  log.error("unhandled error", { err, path: c.req.path, method: c.req.method });
  return errorResponse(c, 500, t.api.internalTitle, t.api.internal);
}
