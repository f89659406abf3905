// Bad input on the referat's routes (API and pages): a clear Norwegian answer, never a 500, the form's values kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import { type CookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import type { TestApp } from "../support/harness.js";
import { formValues } from "./minutes-form.js";
import { AFTER_MEETING, heldMeeting } from "./minutes-setup.js";

describe("bad input on the referat's routes", () => {
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
  beforeAll(async () => {
    m = await heldMeeting(api);
    app.clock.set(AFTER_MEETING);
    web = await loggedInBrowser(app, `feil-${m.tag}@vestregionen.no`);
    expect((await api.put(api_(), { place: "Rådhuset i Drammen" })).status).toBe(200);
  });
  afterAll(() => app.clock.set(new Date()));

  it("answers odd version numbers and unknown meetings with a Norwegian problem, never a 500", async () => {
    for (const n of ["abc", "-1", "0", "1.5", "99999999999999999999999", "1e3", "%20"]) {
      const res = await api.get(`${api_()}/versions/${n}`);
      expect([400, 404], `version ${n}`).toContain(res.status);
      expect(res.headers.get("content-type"), `version ${n}`).toContain("application/problem+json");
      expect(res.body.detail ?? res.body.title, `version ${n}`).toMatch(/[æøå]|versjon|Ugyldig|finnes/i);
    }
    for (const path of ["/api/meetings/finnes-ikke/minutes/versions", "/api/meetings/finnes-ikke/minutes/versions/1"]) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("application/problem+json");
    }
  });

  it("shows a 404 page for odd version numbers and unknown meetings on the web", async () => {
    for (const n of ["abc", "-1", "0", "99999999999999999999999", "999"]) {
      const res = await web.get(`${page()}/versjoner/${n}`);
      expect(res.status, `version ${n}`).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
    }
    expect((await web.get("/moter/finnes-ikke/referat/versjoner")).status).toBe(404);
    expect((await web.get("/moter/finnes-ikke/referat/versjoner/1")).status).toBe(404);
  });

  it("refuses API edits with duplicate letters, unknown attachments and over-long lines, by field, in Norwegian", async () => {
    const dup = await api.put(api_(), {
      items: [{ itemId: m.case18.id, subItems: [{ letter: "A" }, { letter: "A", status: "postponed" }] }],
    });
    expect(dup.status).toBe(400);
    expect(dup.headers.get("content-type")).toContain("application/problem+json");
    expect(JSON.stringify(dup.body)).toContain("Bokstaven A er brukt to ganger");
    const attachment = await api.put(api_(), { attachmentNumbers: [99] });
    expect(attachment.status).toBe(400);
    expect(JSON.stringify(attachment.body)).toContain("Vedlegg 99 finnes ikke");
    const long = await api.put(api_(), { secretariat: [{ name: "N".repeat(201), organisation: "Vestregionen" }] });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain("høyst 200");
    expect((await api.put("/api/meetings/finnes-ikke/minutes", { place: "X" })).status).toBe(404);
  });

  it("shows the form again with the typed values and the error by the field", async () => {
    const fields = formValues(await (await web.get(page())).text(), page());
    const key = Object.keys(fields).find((k) => fields[k] === m.case18.id)!;
    const n = key.split(".")[0]!;
    const typed = "Tekst skrevet i møtet som ikke må gå tapt";
    const res = await web.post(page(), {
      ...fields,
      csrf: web.csrf,
      [`${n}.text`]: typed,
      secretariat: "Nina Solberg\nLena Hansson, Vestregionen",
      present: `${"Ola Nordmann ".repeat(20)}, Bærum`,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("høyst 200");
    expect(html).toContain(typed);
    expect(html).toContain("Nina Solberg\nLena Hansson, Vestregionen");
    expect(html).toMatch(/id="present"[^>]*aria-invalid="true"/);
    expect((await api.get(api_())).body.place).toBe("Rådhuset i Drammen");
  });

  it("refuses duplicate letters and unknown attachments from the form by the case, keeping what was typed", async () => {
    const fields = formValues(await (await web.get(page())).text(), page());
    const key = Object.keys(fields).find((k) => fields[k] === m.case18.id)!;
    const n = key.split(".")[0]!;
    const dup = await web.post(page(), { ...fields, csrf: web.csrf, [`${n}.sub1.letter`]: "A", place: "Lier rådhus" });
    expect(dup.status).toBe(400);
    const dupHtml = await dup.text();
    expect(dupHtml).toContain("Bokstaven A er brukt to ganger");
    expect(dupHtml).toContain(`href="#${n}"`);
    expect(dupHtml).toContain(`id="${n}"`);
    expect(dupHtml).toContain('value="Lier rådhus"');
    const att = await web.post(page(), { ...fields, csrf: web.csrf, attachmentsOffered: "1", "attachment.7": "1" });
    expect(att.status).toBe(400);
    const attHtml = await att.text();
    expect(attHtml).toContain("Vedlegg 7 finnes ikke");
    expect(attHtml).toContain('id="attachmentNumbers"');
  });

  it("keeps a long text whole or refuses it: never cut without a word", async () => {
    const fields = formValues(await (await web.get(page())).text(), page());
    const key = Object.keys(fields).find((k) => fields[k] === m.case18.id)!;
    const n = key.split(".")[0]!;
    const res = await web.post(page(), { ...fields, csrf: web.csrf, [`${n}.text`]: "x".repeat(20_500) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("høyst 20000");
  });

  it("refuses a post without CSRF and changes nothing", async () => {
    const res = await web.post(page(), { place: "Uten CSRF" });
    expect(res.status).toBe(403);
    expect((await api.get(api_())).body.place).toBe("Rådhuset i Drammen");
  });
});
