// The referat over time: not before the meeting has begun, edited on the page (sub-items, attachments), every version
// readable with its reason (API and page), a correction after distribution re-sent, a planned distribution cancelled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import { type CookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo } from "../support/scenario.js";
import { formValues } from "./minutes-form.js";
import { AFTER_MEETING, heldMeeting, tickAndDrain } from "./minutes-setup.js";

describe("the referat over time", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  let m!: Awaited<ReturnType<typeof heldMeeting>>;
  let web!: CookieBrowser & { csrf: string };
  const page = () => `/moter/${m.meeting.id}/referat`;
  const api_ = () => `/api/meetings/${m.meeting.id}/minutes`;
  const referatsTo = async (email: string) =>
    (await emailsTo(app, m.tag)).filter((e) => e.destination.to.includes(email) && /referat/i.test(e.subject));
  beforeAll(async () => {
    m = await heldMeeting(api);
  });
  afterAll(() => app.clock.set(new Date()));

  it("cannot be approved or distributed before the meeting has begun", async () => {
    const early = await api.post(`${api_()}/approve`);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/^Møtet har ikke begynt ennå \(starter 01\.06\.2030 kl\. 09\.00\)/);
    web = await loggedInBrowser(app, `referat-${m.tag}@vestregionen.no`);
    const onPage = await web.post(`${page()}/godkjenn`, { csrf: web.csrf });
    expect(onPage.status).toBe(409);
    expect(await onPage.text()).toContain("Møtet har ikke begynt ennå");
    expect((await api.get(api_())).body.status).toBe("draft");
  });

  it("is edited on the page: sub-items with their outcome, the secretariat with organisations", async () => {
    const res = await web.get(page());
    expect(res.status).toBe(200);
    const fields = formValues(await res.text(), page());
    const key = Object.keys(fields).find((k) => fields[k] === m.case18.id);
    expect(key, JSON.stringify(fields)).toMatch(/^item\d+\.itemId$/);
    const n = key!.split(".")[0]!;
    expect(fields[`${n}.sub1.letter`]).toBe("B");
    const posted = await web.post(page(), {
      ...fields,
      csrf: web.csrf,
      secretariat: "Nina Solberg, Vestregionen\nLena Hansson, Vestregionen",
      [`${n}.sub1.status`]: "postponed",
      [`${n}.sub1.text`]: "Kjernejournal: venter på leverandøren.",
    });
    expect(posted.status).toBe(303);
    const saved = (await api.get(api_())).body;
    const case18 = saved.items.find((i: { itemId: string }) => i.itemId === m.case18.id);
    expect(case18.subItems[1]).toMatchObject({
      letter: "B",
      status: "postponed",
      text: "Kjernejournal: venter på leverandøren.",
    });
    expect(saved.secretariat[1]).toEqual({ name: "Lena Hansson", organisation: "Vestregionen" });
    expect(saved.present.length).toBeGreaterThan(0); // the rest of the form kept as it was
  });

  it("keeps every version readable with its reason, and re-sends a correction after distribution", async () => {
    app.clock.set(AFTER_MEETING);
    web = await loggedInBrowser(app, `referat2-${m.tag}@vestregionen.no`);
    expect((await api.post(`${api_()}/approve`)).status).toBe(200);
    expect((await api.post(`${api_()}/schedule`, { at: "now" })).status).toBe(200);
    expect(await tickAndDrain(app)).toBe(0);
    const member = m.members[0]!.email;
    expect(await referatsTo(member)).toHaveLength(1);

    const reason = "Feil vedtak i sak B";
    const corrected = await api.put(api_(), { place: "Asker rådhus", correctionReason: reason });
    expect(corrected.status).toBe(200);
    const list = (await api.get(`${api_()}/versions`)).body.versions as { version: number; correctionReason?: string }[];
    expect(list.map((v) => v.version)).toEqual([...list.keys()].map((i) => i + 1));
    const withReason = list.find((v) => v.correctionReason === reason)!;
    const shown = (await api.get(`${api_()}/versions/${withReason.version}`)).body;
    expect(shown).toMatchObject({
      version: withReason.version,
      place: "Asker rådhus",
      correctionReason: reason,
      status: "draft",
    });
    const first = (await api.get(`${api_()}/versions/1`)).body;
    expect(first.place).toBe("Rådhuset i Drammen");
    expect((await api.get(`${api_()}/versions/999`)).status).toBe(404);

    const listPage = await (await web.get(`${page()}/versjoner`)).text();
    expect(listPage).toContain(reason);
    expect(listPage).toContain(`href="${page()}/versjoner/${withReason.version}"`);
    const versionPage = await (await web.get(`${page()}/versjoner/${withReason.version}`)).text();
    expect(versionPage).toContain("Asker rådhus");
    expect(versionPage).toContain(reason);

    expect((await api.post(`${api_()}/approve`)).status).toBe(200);
    expect((await api.post(`${api_()}/schedule`, { at: "now" })).status).toBe(200);
    expect(await tickAndDrain(app)).toBe(0);
    const both = await referatsTo(member);
    expect(both).toHaveLength(2);
    expect(both.some((e) => (e.body.text ?? "").includes("Asker rådhus"))).toBe(true);
  });

  it("documents the versions in the OpenAPI document", async () => {
    const doc = (await api.get("/api/openapi.json")).body;
    const versions = doc.paths["/api/meetings/{id}/minutes/versions"] ?? doc.paths["/meetings/{id}/minutes/versions"];
    expect(versions.get.operationId).toBe("listMinutesVersions");
    expect(JSON.stringify(doc.paths)).toContain('"getMinutesVersion"');
  });

  it("offers to cancel a planned distribution on the page", async () => {
    await api.put(api_(), { place: "Asker rådhus, sal 2", correctionReason: "Sal" });
    await api.post(`${api_()}/approve`);
    expect((await api.post(`${api_()}/schedule`, { at: "2030-06-10T09:00" })).status).toBe(200);
    const html = await (await web.get(page())).text();
    expect(html).toContain(`action="${page()}/avbryt"`);
    expect(html).toContain("Avbryt planlagt utsendelse");
    const cancelled = await web.post(`${page()}/avbryt`, { csrf: web.csrf });
    expect(cancelled.status).toBe(303);
    expect(await (await web.get(cancelled.headers.get("location")!)).text()).toContain("Den planlagte utsendelsen er avbrutt.");
    const after = (await api.get(api_())).body;
    expect(after.scheduledFor).toBeUndefined();
    expect(await tickAndDrain(app)).toBe(0);
  });
});
