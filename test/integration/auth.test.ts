import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, createApiToken, removeUser } from "../../shared/auth/index.js";
import { cookieBrowser } from "../support/browser-session.js";
import { hiddenField } from "../support/forms.js";
import { sesEmails, startTestApp, type TestApp } from "../support/harness.js";

/** Magic-link login over HTTP; the link is read from the email in the local SES store. */
describe("secretariat login", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const browser = () => cookieBrowser(app);

  async function loginLinkFor(email: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const mails = await sesEmails(app.sesEndpoint, (a) => a === email);
      const m = /\/logg-inn\/lenke\?token=([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.body.text ?? "");
      if (m) return `/logg-inn/lenke?token=${m[1]}`;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no login email for ${email}`);
  }

  async function requestLink(b: ReturnType<typeof browser>, email: string) {
    const page = await (await b.get("/logg-inn")).text();
    return b.post("/logg-inn", { csrf: hiddenField(page, "csrf"), email });
  }

  it("logs in through the emailed link: GET shows a button and consumes nothing, the POST sets a safe session cookie", async () => {
    await addUser(app.ctx, "nina@vestregionen.no");
    const b = browser();
    const asked = await requestLink(b, "nina@vestregionen.no");
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Sjekk e-posten din");
    const link = await loginLinkFor("nina@vestregionen.no");

    const first = await b.get(link);
    const again = await b.get(link); // a mail scanner, then the person
    expect(first.status).toBe(200);
    const page = await again.text();
    expect(page).toContain("Logg inn");
    const token = hiddenField(page, "token");
    const login = await b.post("/logg-inn/lenke", { csrf: hiddenField(page, "csrf"), token });
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("sid="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // only on localhost

    const home = await b.get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Oversikt");
    expect((await b.get("/api/bodies")).status).toBe(200);

    // The link is single use.
    const reused = await b.post("/logg-inn/lenke", { csrf: b.jar.get("csrf")!, token });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain("Lenken er utløpt eller brukt");

    // Logging out ends the session.
    const out = await b.post("/logg-ut", { csrf: b.jar.get("csrf")! });
    expect(out.status).toBe(303);
    expect((await b.get("/")).headers.get("location")).toBe("/logg-inn");
  });

  it("an expired link is refused", async () => {
    await addUser(app.ctx, "lena@vestregionen.no");
    const b = browser();
    await requestLink(b, "lena@vestregionen.no");
    const link = await loginLinkFor("lena@vestregionen.no");
    const page = await (await b.get(link)).text();
    app.clock.advance(16 * 60_000);
    try {
      expect((await b.get(link)).status).toBe(400);
      const res = await b.post("/logg-inn/lenke", { csrf: hiddenField(page, "csrf"), token: hiddenField(page, "token") });
      expect(res.status).toBe(400);
    } finally {
      app.clock.set(new Date());
    }
  });

  it("reveals nothing about unknown addresses, and sends them nothing", async () => {
    const b = browser();
    const known = await (await requestLink(b, "nina@vestregionen.no")).text();
    const unknown = await requestLink(b, "ukjent@example.org");
    expect(unknown.status).toBe(200);
    const strip = (s: string) => s.replace(/name="csrf" value="[^"]*"/g, "");
    expect(strip(await unknown.text())).toBe(strip(known));
    await app.ctx.queue.drained();
    expect(await sesEmails(app.sesEndpoint, (a) => a === "ukjent@example.org")).toHaveLength(0);
  });

  it("refuses a form without its CSRF token, and a malformed email gets the form again", async () => {
    const b = browser();
    await b.get("/logg-inn");
    const forged = await b.post("/logg-inn", { email: "nina@vestregionen.no" });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("sikkerhetssjekk");
    const page = await (await b.get("/logg-inn")).text();
    const bad = await b.post("/logg-inn", { csrf: hiddenField(page, "csrf"), email: "nina-at-vestregionen" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Skriv en gyldig e-postadresse.");
    expect(html).toContain('value="nina-at-vestregionen"');
  });

  it("API tokens work until the user is removed; forged cookies and tokens are 401", async () => {
    await addUser(app.ctx, "api@vestregionen.no");
    const token = await createApiToken(app.ctx, "api@vestregionen.no", new Date());
    const get = (headers: Record<string, string>) => fetch(`${app.baseUrl}/api/bodies`, { headers });
    expect((await get({ authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get({ authorization: "Bearer mt_forfalsket0000000000000000000000" })).status).toBe(401);
    expect((await get({ cookie: "sid=forfalsket0000000000000000000000" })).status).toBe(401);
    await removeUser(app.ctx, "api@vestregionen.no");
    const res = await get({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect((await res.json()).title).toBe("Ikke innlogget");
  });

  it("the admin CLI adds users against the table, and answers bad arguments with Norwegian usage", async () => {
    const run = promisify(execFile);
    const env = {
      ...process.env,
      DYNAMODB_ENDPOINT: app.ctx.config.APP_ENV === "local" ? app.ctx.config.DYNAMODB_ENDPOINT : "",
      TABLE_NAME: app.ctx.tableName,
    };
    const added = await run(process.execPath, ["--import", "tsx", "local/admin.ts", "user", "add", "cli@vestregionen.no"], {
      env,
    });
    expect(added.stdout).toContain("La til cli@vestregionen.no");
    const list = await run(process.execPath, ["--import", "tsx", "local/admin.ts", "user", "list"], { env });
    expect(list.stdout).toContain("cli@vestregionen.no");
    const bad = await run(process.execPath, ["--import", "tsx", "local/admin.ts", "user", "legg-til"], { env }).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Bruk: npm run admin");
  });
});
