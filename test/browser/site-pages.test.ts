/** Every page in a real browser at 1280 and 375 px: axe (WCAG 2.1 AA) finds nothing, and nothing scrolls sideways at 375 px. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient, setupBody } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { emailsTo, replyLink, waitForSend } from "../support/scenario.js";
import { expectAccessible, launch } from "./browser.js";

/** The ids a page's path is made from (one meeting, sent, with one member's personal link). */
interface Ids {
  bodyId: string;
  meetingId: string;
  sendId: string;
  /** The member's personal reply page, "/r/…". */
  replyPath: string;
  /** The referat's version that corrects the approved one (with its reason). */
  correctedVersion: number;
}

/**
 * The pages walked. To add one, add a line: a name (used in failure messages and screenshots)
 * and its path from the ids above, e.g. `{ name: "referat-versjoner", path: (i) => `/moter/${i.meetingId}/referat/versjoner` }`.
 */
const PAGES: { name: string; path: (ids: Ids) => string }[] = [
  { name: "logg-inn", path: () => "/logg-inn" },
  { name: "oversikt", path: () => "/" },
  { name: "organ", path: () => "/organ" },
  { name: "organisasjoner", path: () => "/organisasjoner" },
  { name: "brukere", path: () => "/brukere" },
  { name: "medlemmer", path: (i) => `/organ/${i.bodyId}` },
  { name: "motet", path: (i) => `/moter/${i.meetingId}` },
  { name: "svar", path: (i) => `/moter/${i.meetingId}/svar` },
  { name: "send", path: (i) => `/moter/${i.meetingId}/send` },
  { name: "avlys", path: (i) => `/moter/${i.meetingId}/avlys` },
  { name: "utsendelse", path: (i) => `/utsendelser/${i.sendId}` },
  { name: "referat", path: (i) => `/moter/${i.meetingId}/referat` },
  { name: "referat-versjoner", path: (i) => `/moter/${i.meetingId}/referat/versjoner` },
  { name: "referat-versjon", path: (i) => `/moter/${i.meetingId}/referat/versjoner/${i.correctedVersion}` },
  { name: "api-nokler", path: () => "/tokens" },
  { name: "svarskjema", path: (i) => i.replyPath },
  { name: "arkiv", path: () => "/arkiv" },
  { name: "arkiv-organ", path: (i) => `/arkiv/${i.bodyId}` },
  { name: "arkiv-mote", path: (i) => `/arkiv/mote/${i.meetingId}` },
];

/** A body name with the long compound word that used to widen pages at 375 px. */
const LONG_BODY = "Ordførermøtet i Kommunehelsesamarbeidet";

describe("the site's pages at 1280 and 375 px", () => {
  let app: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let page: Page;
  let ids: Ids;

  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "api-sider@vestregionen.no");
    const member = { name: "Erik Kjeldstadli", email: "erik.sider@example.org", organisation: "Nedre Eiker" };
    const { body } = await setupBody(api, LONG_BODY, [member]);
    const meeting = (
      await api.post("/api/meetings", {
        bodyId: body.id,
        title: "Kommunehelsesamarbeidet – avvikling eller videreføring?",
        startsAt: "2030-06-15T09:00",
        endsAt: "2030-06-15T12:00",
        place: "Rådhuset i Drammen, møterom Åssiden/Konnerud",
        replyDeadline: "2030-06-10T12:00",
      })
    ).body;
    await api.post(`/api/meetings/${meeting.id}/agenda`, {
      title: "Samarbeidsavtalen for Kommunehelsesamarbeidet",
      proposedDecision: "Kommunehelsesamarbeidet forlenges fram til sommeren 2018.",
    });
    const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    expect((await api.patch(`/api/meetings/${meeting.id}`, { published: true })).status).toBe(200);
    const replyPath = new URL(replyLink((await emailsTo(app, "erik.sider"))[0]!)).pathname;
    // Referat versions to list and show: saved, approved after the meeting, then corrected with a reason.
    const minutes = `/api/meetings/${meeting.id}/minutes`;
    expect((await api.put(minutes, { place: "Drammen rådhus" })).status).toBe(200);
    app.clock.set(new Date("2030-06-15T12:00:00Z"));
    expect((await api.post(`${minutes}/approve`)).status).toBe(200);
    const corrected = await api.put(minutes, {
      place: "Drammen rådhus, sal 2",
      correctionReason: "Feil møterom i Kommunehelsesamarbeidet",
    });
    expect(corrected.status).toBe(200);
    app.clock.set(new Date());
    ids = { bodyId: body.id, meetingId: meeting.id, sendId, replyPath, correctedVersion: corrected.body.version };

    // Logged in the way a person is (the emailed link), then the session handed to Chromium.
    const session = await loggedInBrowser(app, "nina.sider@vestregionen.no");
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([...session.jar].map(([name, value]) => ({ name, value, url: app.baseUrl })));
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** axe at both widths; at 375 px the document is no wider than the window. */
  const checkBothWidths = async (name: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await expectAccessible(page, `${name} at ${width}px`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(scrollWidth, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(clientWidth);
      await page.screenshot({ path: `test-results/screenshots/side-${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it("every page has no axe violations and no sideways scroll", async () => {
    for (const p of PAGES) {
      const res = await page.goto(`${app.baseUrl}${p.path(ids)}`);
      expect(res?.status(), p.name).toBe(200);
      await checkBothWidths(p.name);
    }
  }, 240_000);

  it("creates a body and an organisation through the forms, errors shown accessibly", async () => {
    await page.goto(`${app.baseUrl}/organ`);
    await page.getByLabel("Navn", { exact: true }).fill("Kommunehelsesamarbeidets arbeidsutvalg");
    await page.getByRole("button", { name: "Opprett organet" }).click();
    await expect.poll(async () => page.textContent("main")).toContain("Skjemaet ble ikke lagret");
    expect(await page.getByLabel("Navn", { exact: true }).inputValue()).toBe("Kommunehelsesamarbeidets arbeidsutvalg");
    await checkBothWidths("organ-feil");
    await page.getByLabel("Kortnavn").fill("KHS-AU");
    await page.getByLabel("Sekretariatets kontaktperson").fill("Nina Solberg");
    await page.getByLabel("Sekretariatets e-post").fill("sekretariat@vestregionen.no");
    await page.getByRole("button", { name: "Opprett organet" }).click();
    await expect.poll(async () => page.textContent("main")).toContain("er opprettet");
    expect(await page.getByRole("link", { name: "Kommunehelsesamarbeidets arbeidsutvalg" }).count()).toBe(1);

    await page.goto(`${app.baseUrl}/organisasjoner`);
    await page.getByLabel("Navn", { exact: true }).fill("Nedre Eiker");
    await page.getByLabel("Organisasjonsnummer (valgfritt)").fill("123");
    await page.getByRole("button", { name: "Opprett" }).click();
    await expect.poll(async () => page.textContent("main")).toContain("Organisasjonsnummer har ni sifre.");
    await checkBothWidths("organisasjoner-feil");

    // The skip link is the first thing the keyboard reaches, and it leads to the content.
    await page.goto(`${app.baseUrl}/arkiv`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hopp til innholdet");
  }, 120_000);
});
