/** The login pages: ask for a link by email, "check your email", the button behind the link, a used or expired link. */
import { t } from "../../../shared/i18n/nb.js";
import { nbSite } from "../../../shared/i18n/nb-site.js";
import { Page } from "../../../shared/web/layout.js";
import { Csrf } from "./shell.js";

const a = t.auth;

/** `demoEmail`: only on the local stack, the demo user to log in as. */
export function LoginForm(p: { csrf: string; value?: string; error?: string; demoEmail?: string }) {
  return (
    <Page title={a.pageTitle}>
      <h1>{a.heading}</h1>
      <p>{a.intro}</p>
      {p.demoEmail && <p class="notice">{nbSite.login.demoHint(p.demoEmail)}</p>}
      <form method="post" action="/logg-inn" novalidate>
        <Csrf csrf={p.csrf} />
        <label for="email">{a.email}</label>
        <input
          type="email"
          id="email"
          name="email"
          value={p.value ?? ""}
          autocomplete="email"
          required
          {...(p.error ? { "aria-describedby": "email-feil", "aria-invalid": "true" } : {})}
        />
        {p.error && (
          <p class="error" id="email-feil" role="alert">
            {p.error}
          </p>
        )}
        <p>
          <button type="submit">{a.sendLink}</button>
        </p>
      </form>
    </Page>
  );
}

export function CheckEmailPage() {
  return (
    <Page title={a.checkEmail}>
      <h1>{a.checkEmail}</h1>
      <p role="status">{a.checkEmailText}</p>
    </Page>
  );
}

/** Opening the link only shows this button: mail scanners open links, and must not log anyone in. */
export function LinkButtonPage(p: { csrf: string; token: string }) {
  return (
    <Page title={a.pageTitle}>
      <h1>{a.heading}</h1>
      <form method="post" action="/logg-inn/lenke">
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="token" value={p.token} />
        <button type="submit">{a.logIn}</button>
      </form>
    </Page>
  );
}

export function LinkUsedPage() {
  return (
    <Page title={a.linkUsed}>
      <h1>{a.linkUsed}</h1>
      <p>
        {a.linkUsedText} <a href="/logg-inn">{a.askAgain}</a>.
      </p>
    </Page>
  );
}
