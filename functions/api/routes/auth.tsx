import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { consumeLoginLink, endSession, peekLoginLink, requestLoginLink, SESSION_MS } from "../../../shared/auth/index.js";
import type { AppEnv } from "../app.js";
import { csrfToken, isSecure, verifyCsrf } from "../../../shared/web/csrf.js";
import { Page } from "../../../shared/web/layout.js";
import { MessagePage } from "../../../shared/web/layout.js";
import { clientAddress } from "../../../shared/web/client-address.js";
import { t } from "../../../shared/i18n/nb.js";

const a = t.auth;

/** Login by email magic link, and log-out. Texts in Norwegian; forms carry the CSRF token. */
export function authRoutes() {
  const app = new Hono<AppEnv>();
  const doc = (page: unknown) => `<!doctype html>${page}`;
  app.use("/logg-inn", verifyCsrf);
  app.use("/logg-inn/*", verifyCsrf);
  app.use("/logg-ut", verifyCsrf);

  const loginForm = (csrf: string, value = "", error?: string) => (
    <Page title={a.pageTitle}>
      <h1>{a.heading}</h1>
      <p>{a.intro}</p>
      <form method="post" action="/logg-inn" novalidate>
        <input type="hidden" name="csrf" value={csrf} />
        <label for="email">{a.email}</label>
        <input type="email" id="email" name="email" value={value} autocomplete="email" required {...(error ? { "aria-describedby": "email-feil", "aria-invalid": "true" } : {})} />
        {error && (
          <p class="error" id="email-feil" role="alert">
            {error}
          </p>
        )}
        <p>
          <button type="submit">{a.sendLink}</button>
        </p>
      </form>
    </Page>
  );

  app.get("/logg-inn", (c) => c.html(doc(loginForm(csrfToken(c)))));
  app.post("/logg-inn", async (c) => {
    const body = await c.req.parseBody();
    const email = typeof body.email === "string" ? body.email.trim().slice(0, 300) : "";
    const parsed = z.email().max(254).safeParse(email);
    if (!parsed.success) return c.html(doc(loginForm(csrfToken(c), email, a.invalidEmail)), 400);
    // No lookup here: the same work and the same answer whether or not the address is a user.
    if ((await requestLoginLink(c.get("ctx"), parsed.data, clientAddress(c))) === "too-many") {
      return c.html(doc(<MessagePage title={a.tooManyTitle} message={a.tooMany} />), 429, { "Retry-After": "900" });
    }
    return c.html(
      doc(
        <Page title={a.checkEmail}>
          <h1>{a.checkEmail}</h1>
          <p role="status">{a.checkEmailText}</p>
        </Page>,
      ),
    );
  });

  const linkProblem = () =>
    doc(
      <Page title={a.linkUsed}>
        <h1>{a.linkUsed}</h1>
        <p>
          {a.linkUsedText} <a href="/logg-inn">{a.askAgain}</a>.
        </p>
      </Page>,
    );

  // Opening the link only shows a button: mail scanners open links, and must not log anyone in.
  app.get("/logg-inn/lenke", async (c) => {
    const token = c.req.query("token") ?? "";
    if (!(await peekLoginLink(c.get("ctx"), token))) return c.html(linkProblem(), 400);
    return c.html(
      doc(
        <Page title={a.pageTitle}>
          <h1>{a.heading}</h1>
          <form method="post" action="/logg-inn/lenke">
            <input type="hidden" name="csrf" value={csrfToken(c)} />
            <input type="hidden" name="token" value={token} />
            <button type="submit">{a.logIn}</button>
          </form>
        </Page>,
      ),
    );
  });
  app.post("/logg-inn/lenke", async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.token === "string" ? body.token : "";
    const result = await consumeLoginLink(c.get("ctx"), token);
    if (!result) return c.html(linkProblem(), 400);
    setCookie(c, "sid", result.session, { httpOnly: true, secure: isSecure(c), sameSite: "Lax", path: "/", maxAge: SESSION_MS / 1000 });
    return c.redirect("/", 303);
  });

  app.post("/logg-ut", async (c) => {
    await endSession(c.get("ctx"), getCookie(c, "sid"));
    deleteCookie(c, "sid", { path: "/" });
    return c.redirect("/logg-inn", 303);
  });
  return app;
}
