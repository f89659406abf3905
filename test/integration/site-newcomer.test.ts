/** A newcomer's first minutes: the demo meeting ahead, the login hint (locally only), the site frame, held meetings. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoDataIfEmpty } from "../../local/demo-data.js";
import { demoEmail, radmannsgruppen } from "../../local/seed-data.js";
import { listBodies } from "../../shared/directory/index.js";
import { getMeetingBundle, listMeetings } from "../../shared/meetings/index.js";
import { utcToOsloLocal } from "../../shared/time.js";
import { type ApiClient, apiClient } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import { hiddenField, postForm } from "../support/forms.js";
import { sesEmails, startTestApp, type TestApp } from "../support/harness.js";
import { invitedMeeting, replyLink, waitForSend } from "../support/scenario.js";

describe("the demo data and the login hint of `npm start`", () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await startTestApp({ env: { DEMO_LOGIN_EMAIL: "sekretariat@vestregionen.no" } });
  });
  afterAll(() => demo.stop());

  it("the login page names the demo address when the local stack is told to", async () => {
    const page = await (await fetch(`${demo.baseUrl}/logg-inn`)).text();
    expect(page).toContain("Lokal demo: bruk sekretariat@vestregionen.no.");
  });

  it("puts the demo meeting ahead (next month, the seed's weekday and hours, Sak 12–20): send, then answer from the link, today", async () => {
    const loaded = await loadDemoDataIfEmpty(demo.ctx);
    expect(loaded.loaded).toBe(true);
    const now = new Date().toISOString();
    const rg = (await listBodies(demo.ctx)).find((b) => b.name === "Rådmannsgruppen")!;
    const [meeting] = await listMeetings(demo.ctx, rg.id);
    const { agenda } = await getMeetingBundle(demo.ctx, meeting!.id);
    const start = utcToOsloLocal(meeting!.startsAt);
    expect(meeting!.startsAt > now && meeting!.replyDeadline! > now).toBe(true);
    expect(new Date(`${start.slice(0, 10)}T12:00:00Z`).getUTCDay()).toBe(4); // a Thursday, as 1 June 2017
    expect([start.slice(11), utcToOsloLocal(meeting!.endsAt).slice(11)]).toEqual(["09:00", "12:00"]);
    const year = start.slice(0, 4);
    expect(agenda.map((i) => i.number).filter(Boolean)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20].map((n) => `${n}/${year}`));
    expect(agenda[3]!.title).toBe("Tertialrapport 1 – 2017");
    expect(loaded.lines.join("\n")).toContain(`(sak 12–20/${year})`);

    // The README's walk-through: send the innkalling, answer from a member's personal link.
    const api: ApiClient = await apiClient(demo);
    const { sendId } = (await api.post(`/api/meetings/${meeting!.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const address = demoEmail(radmannsgruppen[0]!.name);
    const mail = (await sesEmails(demo.sesEndpoint, (a) => a === address)).at(-1)!;
    const link = replyLink(mail).replace(/^https?:\/\/[^/]+/, demo.baseUrl);
    const form = await (await fetch(link)).text();
    expect(form).toContain('name="status"');
    expect((await postForm(link, { csrf: hiddenField(form, "csrf"), status: "attending" })).status).toBe(303);
    expect(await (await fetch(link)).text()).toContain("Du kommer.");
  });
});

describe("the site frame and the overview", () => {
  let app: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "api-ramme@vestregionen.no");
  });
  afterAll(() => app.stop());

  it("without the flag (as in AWS) the login page names no address", async () => {
    const page = await (await fetch(`${app.baseUrl}/logg-inn`)).text();
    expect(page).toContain("E-postadresse");
    expect(page).not.toContain("Lokal demo");
  });

  it("public pages (login, archive, reply) have a skip link, a way back to the archive, and the favicon", async () => {
    const s = await invitedMeeting(app, api, 1);
    for (const path of ["/logg-inn", "/arkiv", new URL(s.links[0]!).pathname]) {
      const page = await (await fetch(`${app.baseUrl}${path}`)).text();
      expect(page, path).toMatch(/<body><a class="skip-link" href="#innhold">Hopp til innholdet<\/a><header/);
      expect(page, path).toContain('<main id="innhold">');
      expect(page, path).toMatch(/<header class="site"><nav[^>]*>[\s\S]*href="\/arkiv"[\s\S]*<\/header>/);
      expect(page, path).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
    }
    const icon = await fetch(`${app.baseUrl}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // Long compound words wrap instead of widening the page at 375 px.
    const css = await (
      await fetch(`${app.baseUrl}${/href="(\/static\/app\.[^"]+)"/.exec(await (await fetch(`${app.baseUrl}/arkiv`)).text())![1]}`)
    ).text();
    expect(css).toContain("overflow-wrap:anywhere");
  });

  it("a meeting whose end has passed is shown as held (Avholdt) among the past meetings, not as upcoming", async () => {
    const s = await invitedMeeting(app, api, 1);
    const nina = await loggedInBrowser(app, "nina.ramme@vestregionen.no");
    const section = (page: string, heading: string) => page.split(`<h2>${heading}</h2>`)[1]!.split("<h2>")[0]!;
    const before = await (await nina.get("/")).text();
    expect(section(before, "Kommende møter")).toMatch(new RegExp(`${s.meeting.title}</a>[^<]*\\(Innkalt\\)`));
    app.clock.set(new Date("2030-06-01T10:30:00Z")); // 12:30 in Oslo: the meeting (09–12) is over
    try {
      // Years later the first session has expired: log in again at that time.
      const later = await loggedInBrowser(app, "nina.ramme@vestregionen.no");
      const after = await (await later.get("/")).text();
      expect(section(after, "Kommende møter")).not.toContain(s.meeting.title);
      expect(section(after, "Tidligere møter")).toMatch(new RegExp(`${s.meeting.title}</a>[^<]*\\(Avholdt\\)`));
    } finally {
      app.clock.set(new Date());
    }
  });
});
