/** The api Lambda's Hono environment, in its own module so no route imports the app. */
import type { WebEnv } from "../../shared/web/env.js";

/** ctx (the app's context), the CSRF value of a response, and who is logged in (set by guard.ts). */
export type AppEnv = WebEnv;
