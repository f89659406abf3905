/** The whole meeting in a real browser: build, send, reply, minutes, keyboard and screen-reader basics. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../shared/auth/index.js";
import { runTick } from "../../shared/job-kinds/index.js";
import { type ApiClient, apiClient, setupBody } from "../support/api.js";
import { sesEmails, startTestApp, type TestApp } from "../support/harness.js";
import { replyLink } from "../support/scenario.js";
import { checkWidths, expectAccessible, launch } from "./browser.js";

/**
 * One whole meeting in a real browser, as the secretariat and two participants would run it:
 * log in through the emailed link, build the meeting, send, answer, watch the board, write and
 * schedule the minutes, and find the referat in the local SES store. Every page is checked with
 * axe (WCAG 2.1 AA) and at 375 and 1280 px; screenshots land in test-results/screenshots.
 */
describe("the secretariat runs a whole meeting in the browser", () => {
  let app: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let page: Page;
  const members = [
    { name: "Erik Kjeldstadli", email: "erik.browser@example.org", organisation: "Bærum" },
    { name: "Trond Julin", email: "trond.browser@example.org", organisation: "Drammen" },
    { name: "Bente Gravdal", email: "bente.browser@example.org", organisation: "Lier" },
  ];

  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "api-browser@vestregionen.no");
    await setupBody(api, "Rådmannsgruppen", members);
    await addUser(app.ctx, "nina.browser@vestregionen.no");
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    watchCsp(page);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const emailsTo = async (addr: string) => {
    await app.ctx.queue.drained();
    return sesEmails(app.sesEndpoint, (a) => a === addr);
  };
  const url = (path: string) => `${app.baseUrl}${path}`;
  /** Anything the Content-Security-Policy blocked (Chromium reports it on the console). */
  const cspViolations: string[] = [];
  const watchCsp = (p: Page) =>
    p.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  const check = async (name: string) => {
    if (process.env.DEBUG_BROWSER) console.error("step:", name);
    await expectAccessible(page, name);
    if (process.env.DEBUG_BROWSER) console.error("axe ok:", name);
    await checkWidths(page, name);
  };

  it("runs from login to the referat", async () => {
    // Log in through the emailed link.
    await page.goto(url("/logg-inn"));
    await check("logg-inn");
    await page.getByLabel("E-postadresse").fill("nina.browser@vestregionen.no");
    await page.getByRole("button", { name: "Send meg en lenke" }).click();
    await expect.poll(async () => (await page.textContent("h1")) ?? "").toContain("Sjekk e-posten din");
    const loginMail = (await emailsTo("nina.browser@vestregionen.no")).at(-1)!;
    const loginUrl = /https?:\/\/\S+\/logg-inn\/lenke\?token=[A-Za-z0-9_-]+/
      .exec(loginMail.body.text ?? "")![0]
      .replace(/^https?:\/\/[^/]+/, app.baseUrl);
    await page.goto(loginUrl);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect.poll(async () => (await page.textContent("h1")) ?? "").toBe("Oversikt");
    await check("oversikt");

    // Members page.
    await page.getByRole("link", { name: "Rådmannsgruppen" }).first().click();
    await expect.poll(async () => page.textContent("h1")).toContain("medlemmer");
    await check("medlemmer");
    // CSV import with a preview of what will change, then confirmed.
    await page
      .getByLabel("CSV med kolonnene name, email, organisation, role")
      .fill(
        "name;email;organisation;role\nBente Gravdal;bente.browser@example.org;Lier;observatør\nOla Ny;ola.browser@example.org;;medlem",
      );
    await page.getByRole("button", { name: "Forhåndsvis" }).click();
    const preview = (await page.locator("table", { hasText: "Dette vil endres" }).textContent()) ?? "";
    expect(preview).toContain("Oppdateres");
    expect(preview).toContain("Legges til");
    await page.getByRole("button", { name: "Bekreft import" }).click();
    await expect.poll(async () => page.textContent("main")).toContain("Importert: 1 lagt til, 1 oppdatert, 0 uendret.");

    // Create the meeting with three cases and an attachment.
    await page.goto(url("/moter/ny"));
    await check("nytt-mote");
    await page.getByLabel("Tittel").fill("Møte i Rådmannsgruppen");
    await page.getByLabel("Start (norsk tid)").fill("2030-06-01T09:00");
    await page.getByLabel("Slutt (norsk tid)").fill("2030-06-01T12:00");
    await page.getByLabel("Sted").fill("Rådhuset i Drammen");
    await page.getByLabel("Svarfrist (norsk tid, valgfri)").fill("2030-05-25T12:00");
    await page.getByRole("button", { name: "Opprett møtet" }).click();
    await expect.poll(async () => page.textContent("h1")).toContain("Møte i Rådmannsgruppen");
    const meetingId = new URL(page.url()).pathname.split("/")[2]!;
    const addCase = async (title: string, decision: string) => {
      const form = page.locator(`form[action="/moter/${meetingId}/saker"]`);
      await form.getByLabel("Tittel").fill(title);
      await form.getByLabel("Forslag til vedtak").fill(decision);
      await form.getByRole("button", { name: "Legg til saken" }).click();
      await expect.poll(async () => page.textContent("body")).toContain(title);
    };
    await addCase("Referat fra forrige møte", "Referatet godkjennes.");
    await addCase("Tertialrapport 1", "Rapporten tas til orientering.");
    await addCase("Møteplan 2031", "Møteplanen vedtas.");
    const body = (await page.textContent("body")) ?? "";
    expect(body).toMatch(/Sak 1\/2030[\s\S]*Sak 2\/2030[\s\S]*Sak 3\/2030/);
    // An attachment, the way it runs in AWS: the page says what the file is, then posts the file
    // straight to the (local) S3 with a presigned form; S3 redirects back and the app records it.
    await page.getByLabel("Tittel på vedlegget").fill("Tertialrapport");
    await page.getByLabel("Filtype").selectOption("application/pdf");
    await page.getByRole("button", { name: "Neste: velg fil" }).click();
    await expect.poll(async () => page.textContent("h1")).toBe("Last opp vedlegg");
    await check("last-opp-vedlegg");
    const action = await page.locator('form[enctype="multipart/form-data"]').getAttribute("action");
    expect(new URL(action!).origin).toBe(app.s3Endpoint);
    await page.setInputFiles("#file", {
      name: "tertial.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 tertial"),
    });
    await page.getByRole("button", { name: "Last opp" }).click();
    await expect.poll(async () => page.textContent("body")).toContain("Vedlegg 1: Tertialrapport");
    expect(new URL(page.url()).pathname).toBe(`/moter/${meetingId}`);
    expect((await api.get(`/api/meetings/${meetingId}`)).body.attachments).toMatchObject([
      { number: 1, title: "Tertialrapport", filename: "tertial.pdf", size: 16 },
    ]);
    await check("motet");

    // Preview (rendered by the worker) and send with confirmation; watch the progress.
    await page.getByRole("link", { name: "Forhåndsvis og send innkalling" }).click();
    // axe runs before the preview is there: @axe-core/playwright looks into every frame (despite
    // iframes: false) and waits forever inside the sandboxed one, where no script can run.
    await check("send");
    await page.getByRole("button", { name: "Lag forhåndsvisning" }).click(); // opening the page made nothing
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator("iframe").count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    // The email shows in its sandboxed frame (scripts off, styles on), which has a name.
    await expect
      .poll(
        async () =>
          (await page
            .frames()
            .at(-1)
            ?.textContent("body")
            .catch(() => "")) ?? "",
        { timeout: 10_000 },
      )
      .toContain("Tertialrapport 1");
    expect(await page.locator("iframe").getAttribute("title")).toBe("Forhåndsvisning av innkallingen");
    await checkWidths(page, "send-forhandsvisning");
    await page.getByLabel("Jeg har sett over innkallingen og vil sende den nå").check();
    if (process.env.DEBUG_BROWSER) console.error("checked");
    await page.getByRole("button", { name: "Send innkallingen" }).click();
    if (process.env.DEBUG_BROWSER) console.error("clicked", page.url());
    await expect
      .poll(async () => page.textContent("#fremdrift-tekst").catch(() => ""), { timeout: 20_000 })
      .toContain("4 av 4 sendt");
    await page.goto(page.url()); // the finished page no longer refreshes itself
    expect(await page.textContent("#fremdrift-tekst")).toContain("ferdig");
    await check("utsendelse");

    // Two participants answer from the links in their emails, one with a substitute.
    const participant = await (await browser.newContext()).newPage();
    watchCsp(participant);
    const erik = replyLink((await emailsTo(members[0]!.email))[0]!).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    await participant.goto(erik);
    await expectAccessible(participant, "svarskjema");
    await checkWidths(participant, "svarskjema");
    await participant.getByLabel("Ja, jeg kommer").check();
    await participant.getByRole("button", { name: "Send svar" }).click();
    await expect.poll(async () => participant.textContent("body")).toContain("Svaret ditt er registrert");
    await expectAccessible(participant, "svarskjema-lagret");

    const trond = replyLink((await emailsTo(members[1]!.email))[0]!).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    await participant.goto(trond);
    await participant.getByLabel("Nei, jeg sender stedfortreder").check();
    // The form's script (a file, allowed by the CSP) shows only the chosen answer's fields.
    await expect.poll(async () => participant.locator('fieldset[data-when="absent"]').isHidden()).toBe(true);
    expect(await participant.locator('fieldset[data-when="substitute"]').isVisible()).toBe(true);
    await participant.getByRole("button", { name: "Send svar" }).click(); // forgot the substitute's details
    await expect.poll(async () => participant.textContent("body")).toContain("Skriv navnet på stedfortrederen.");
    await expectAccessible(participant, "svarskjema-feil");
    await participant.screenshot({ path: "test-results/screenshots/svarskjema-feil.png", fullPage: true });
    await participant.getByLabel("Stedfortrederens navn").fill("Kari Solberg Økland");
    await participant.getByLabel("Stedfortrederens e-post").fill("kari.browser@example.org");
    await participant.getByRole("button", { name: "Send svar" }).click();
    await expect.poll(async () => participant.textContent("body")).toContain("Du sender stedfortreder: Kari Solberg Økland.");
    await participant.close();

    // The board changes.
    await page.goto(url(`/moter/${meetingId}/svar`));
    const board = (await page.textContent("main")) ?? "";
    // Lier's only person is an observer (imported as such): no seat, so Lier is not "ikke svart".
    expect(board).toContain("3 av 4 organisasjoner har svart");
    expect(board).toContain("Kari Solberg Økland for Trond Julin");
    await check("svar");
    await page.getByRole("link", { name: "Vis bare de som ikke har svart" }).click();
    expect(await page.locator("main h2").allTextContents()).toEqual(["Uten organisasjon"]);

    // Minutes: drafted from the replies, approved, scheduled.
    await page.goto(url(`/moter/${meetingId}/referat`));
    expect(await page.getByLabel("Til stede").inputValue()).toContain("Kari Solberg Økland for Trond Julin, Drammen");
    await check("referat");
    await page.getByRole("button", { name: "Lagre referatet" }).click();
    await expect.poll(async () => (await api.get(`/api/meetings/${meetingId}/minutes`)).body.status).toBe("draft");
    // Minutes are approved and scheduled only once the meeting has started: at 12:05 that day (the
    // session would have expired by then, so this goes through the API; the page shows it).
    app.clock.set(new Date("2030-06-01T10:05:00Z"));
    try {
      expect((await api.post(`/api/meetings/${meetingId}/minutes/approve`)).status).toBe(200);
      const at = "2030-06-02T10:00";
      expect((await api.post(`/api/meetings/${meetingId}/minutes/schedule`, { at })).status).toBe(200);
    } finally {
      app.clock.set(new Date());
    }
    await page.reload();
    expect(await page.textContent("main")).toContain("Godkjent");
    await expect.poll(async () => page.textContent("main")).toContain("planlagt 02.06.2030 kl. 10.00");
    await check("referat-planlagt");

    app.clock.set(new Date("2030-06-02T08:05:00Z"));
    try {
      await runTick(app.ctx);
      await app.ctx.queue.drained();
    } finally {
      app.clock.set(new Date());
    }
    for (const addr of [...members.map((m) => m.email), "ola.browser@example.org", "kari.browser@example.org"]) {
      const referat = (await emailsTo(addr)).filter((e) => e.subject.startsWith("Referat"));
      expect(referat, addr).toHaveLength(1);
      expect(referat[0]!.body.text).toContain("Kari Solberg Økland for Trond Julin, Drammen");
    }
    await page.reload();
    expect(await page.textContent("main")).toContain("Utsendelse kjørt");

    // Publish to the archive.
    await page.goto(url(`/moter/${meetingId}`));
    await page.getByRole("button", { name: "Publiser i arkivet" }).click();
    await page.goto(url(`/arkiv/mote/${meetingId}`));
    expect(await page.textContent("main")).toContain("Referat");
    await check("arkiv");
    expect(cspViolations).toEqual([]);
  }, 180_000);
});
