// Logging in by emailed link over HTTP, as a person does, for the login and API security tests.
import { expect } from "vitest";
import { type CookieBrowser, cookieBrowser } from "../support/browser-session.js";
import { hiddenField } from "../support/forms.js";
import { sesEmails, type TestApp } from "../support/harness.js";

export const browser = (app: TestApp) => cookieBrowser(app);
export type Browser = CookieBrowser;

export async function waitForLoginLinks(app: TestApp, email: string, count: number): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const mails = await sesEmails(app.sesEndpoint, (a) => a === email);
    const links = mails
      .map((m) => /\/logg-inn\/lenke\?token=([A-Za-z0-9_-]+)/.exec(m.body.text ?? "")?.[1])
      .filter((t): t is string => Boolean(t));
    if (links.length >= count) return links.map((t) => `/logg-inn/lenke?token=${t}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fewer than ${count} login emails for ${email}`);
}

export async function askForLink(b: Browser, email: string) {
  const page = await (await b.get("/logg-inn")).text();
  return b.post("/logg-inn", { csrf: hiddenField(page, "csrf"), email });
}

/** Opens the link's page and presses its button, as a person would. */
export async function useLink(b: Browser, link: string) {
  const page = await b.get(link);
  if (page.status !== 200) return page;
  const html = await page.text();
  return b.post("/logg-inn/lenke", { csrf: hiddenField(html, "csrf"), token: hiddenField(html, "token") });
}

export async function loggedIn(app: TestApp, email: string): Promise<Browser> {
  const b = browser(app);
  const before = (await sesEmails(app.sesEndpoint, (a) => a === email)).length;
  expect((await askForLink(b, email)).status).toBe(200);
  const links = await waitForLoginLinks(app, email, before + 1);
  expect((await useLink(b, links.at(-1)!)).status).toBe(303);
  expect(b.jar.get("sid")).toBeTruthy();
  return b;
}
