/** The Hono environment both HTTP Lambdas share: the app context, and what the guards put on a request. */
import type { AppContext } from "../context.js";

export type WebEnv = {
  Bindings: {
    /** Only the local stack sets this (local/http.ts, from DEMO_LOGIN_EMAIL): the demo user the login page names. */
    demoLoginEmail?: string;
  };
  Variables: {
    ctx: AppContext;
    /** The CSRF value of this response's forms (set once per request by csrfToken). */
    csrfToken?: string;
    /** Who is logged in (secretariat pages and the API), set by the auth guards. */
    user?: { email: string };
  };
};
