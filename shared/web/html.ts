/** The one HTML document wrapper: a rendered page (hono/jsx escapes every value) sent with its doctype. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export function htmlDocument(page: unknown): string {
  return `<!doctype html>${page}`;
}

export function sendPage(c: Context, page: unknown, status: ContentfulStatusCode = 200) {
  return c.html(htmlDocument(page), status);
}
