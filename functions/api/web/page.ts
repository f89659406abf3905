/** What the secretariat's page handlers share: the frame of a page, redirects after success (PRG), their type. */
import type { Context } from "hono";
import { csrfToken } from "../../../shared/web/csrf.js";
import type { AppEnv } from "../env.js";
import type { Frame } from "./shell.js";

export type C = Context<AppEnv>;

/** Who is logged in and the CSRF value, for the Shell and every form. */
export const frame = (c: C): Frame => ({ user: c.get("user")?.email, csrf: csrfToken(c) });

/** After a successful post: to the page, with what was done shown as its notice (?ok=…). */
export const done = (c: C, path: string, notice?: string) =>
  c.redirect(notice ? `${path}?ok=${encodeURIComponent(notice)}` : path, 303);
