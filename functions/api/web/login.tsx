/** Login by email magic link (/logg-inn), and log-out (/logg-ut); every form carries the CSRF token. */
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { consumeLoginLink, endSession, peekLoginLink, requestLoginLink, SESSION_MS } from "../../../shared/auth/index.js";
import { t } from "../../../shared/i18n/nb.js";
import { clientAddress } from "../../../shared/web/client-address.js";
import { csrfToken, isSecure, verifyCsrf } from "../../../shared/web/csrf.js";
import { formFields } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import { MessagePage } from "../../../shared/web/layout.js";
import type { AppEnv } from "../env.js";
import { CheckEmailPage, LinkButtonPage, LinkUsedPage, LoginForm } from "./login-views.js";

const a = t.auth;
const LoginEmail = z.email().max(254);

export function loginPages() {
  const app = new Hono<AppEnv>();
  for (const path of ["/logg-inn", "/logg-inn/*", "/logg-ut"]) app.use(path, verifyCsrf);

  app.get("/logg-inn", (c) => sendPage(c, <LoginForm csrf={csrfToken(c)} demoEmail={c.env?.demoLoginEmail} />));
  app.post("/logg-inn", async (c) => {
    const email = ((await formFields(c.req)).email ?? "").trim().slice(0, 300);
    const parsed = LoginEmail.safeParse(email);
    if (!parsed.success)
      return sendPage(
        c,
        <LoginForm csrf={csrfToken(c)} value={email} error={a.invalidEmail} demoEmail={c.env?.demoLoginEmail} />,
        400,
      );
    // No lookup here: the same work and the same answer whether or not the address is a user.
    if ((await requestLoginLink(c.get("ctx"), parsed.data, clientAddress(c))) === "too-many") {
      c.header("Retry-After", "900");
      return sendPage(c, <MessagePage title={a.tooManyTitle} message={a.tooMany} />, 429);
    }
    return sendPage(c, <CheckEmailPage />);
  });

  app.get("/logg-inn/lenke", async (c) => {
    const token = c.req.query("token") ?? "";
    if (!(await peekLoginLink(c.get("ctx"), token))) return sendPage(c, <LinkUsedPage />, 400);
    return sendPage(c, <LinkButtonPage csrf={csrfToken(c)} token={token} />);
  });
  app.post("/logg-inn/lenke", async (c) => {
    const result = await consumeLoginLink(c.get("ctx"), (await formFields(c.req)).token ?? "");
    if (!result) return sendPage(c, <LinkUsedPage />, 400);
    setCookie(c, "sid", result.session, {
      httpOnly: true,
      secure: isSecure(c),
      sameSite: "Lax",
      path: "/",
      maxAge: SESSION_MS / 1000,
    });
    return c.redirect("/", 303);
  });

  app.post("/logg-ut", async (c) => {
    await endSession(c.get("ctx"), getCookie(c, "sid"));
    deleteCookie(c, "sid", { path: "/" });
    return c.redirect("/logg-inn", 303);
  });
  return app;
}
