// The settings pages over HTTP: a body's language, postmottak copies, escalation and vara call-in, and a kommune's
// postmottak; stored as the API reads them; bad input shows the form again with the typed values and the error.
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, setupBody, useApiApp } from "../support/api.js";
import { type CookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import type { TestApp } from "../support/harness.js";

describe("settings pages", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  let nina!: CookieBrowser & { csrf: string };
  beforeAll(async () => {
    nina = await loggedInBrowser(app, "nina.innstillinger@vestregionen.no");
  });
  const post = (path: string, fields: Record<string, string>) => nina.post(path, { csrf: nina.csrf, ...fields });

  it("saves a body's settings from its page, and shows them again", async () => {
    const { body } = await setupBody(api, "Kontaktutvalet");
    expect(await (await nina.get("/organ")).text()).toContain(`href="/organ/${body.id}/innstillinger"`);
    const saved = await post(`/organ/${body.id}/innstillinger`, {
      language: "nn",
      postmottakCopies: "on",
      escalationDays: "3",
      varaCallIn: "on",
    });
    expect(saved.status).toBe(303);
    const stored = (await api.get("/api/bodies")).body.items.find((b: { id: string }) => b.id === body.id);
    expect(stored).toMatchObject({ language: "nn", postmottakCopies: true, escalationDaysBeforeDeadline: 3, varaCallIn: true });
    const page = await (await nina.get(saved.headers.get("location")!)).text();
    expect(page).toContain("Innstillingene er lagret.");
    expect(page).toMatch(/<option value="nn" selected/);
    expect(page).toMatch(/id="varaCallIn"[^>]*checked/);

    // Unticked boxes and an empty number turn the settings off.
    expect((await post(`/organ/${body.id}/innstillinger`, { language: "nb", escalationDays: "" })).status).toBe(303);
    const off = (await api.get("/api/bodies")).body.items.find((b: { id: string }) => b.id === body.id);
    expect(off).toMatchObject({ language: "nb", postmottakCopies: false, varaCallIn: false });
    expect(off.escalationDaysBeforeDeadline).toBeUndefined();
  });

  it("refuses bad settings with the form again, the values kept and nothing stored", async () => {
    const { body } = await setupBody(api, "Styret");
    const bad = await post(`/organ/${body.id}/innstillinger`, { language: "sv", escalationDays: "tre", varaCallIn: "on" });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain("Skriv et helt antall dager (1–30), eller la feltet stå tomt.");
    expect(page).toMatch(/id="escalationDays"[^>]*aria-invalid="true"/);
    expect(page).toContain('value="tre"');
    expect(page).toMatch(/id="varaCallIn"[^>]*checked/);
    const stored = (await api.get("/api/bodies")).body.items.find((b: { id: string }) => b.id === body.id);
    expect(stored.language).toBeUndefined();
    expect(stored.varaCallIn).toBeUndefined();
    expect((await nina.get("/organ/finnes-ikke/innstillinger")).status).toBe(404);
  });

  it("sets a kommune's postmottak on its page (and on the new-kommune form); a bad address is refused", async () => {
    const created = await post("/organisasjoner", {
      name: "Modum kommune",
      kind: "kommune",
      postmottak: "Post@Modum.kommune.no",
    });
    expect(created.status).toBe(303);
    const org = (await api.get("/api/organisations")).body.items.find((o: { name: string }) => o.name === "Modum kommune");
    expect(org.postmottak).toBe("post@modum.kommune.no");
    expect(await (await nina.get("/organisasjoner")).text()).toContain("post@modum.kommune.no");

    const bad = await post(`/organisasjoner/${org.id}`, { postmottak: "ikke en adresse" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="ikke en adresse"');
    expect((await post(`/organisasjoner/${org.id}`, { postmottak: "postmottak@modum.kommune.no" })).status).toBe(303);
    expect((await post(`/organisasjoner/${org.id}`, { postmottak: "" })).status).toBe(303);
    const cleared = (await api.get("/api/organisations")).body.items.find((o: { id: string }) => o.id === org.id);
    expect(cleared.postmottak).toBeUndefined();
  });

  it("chooses a member's personal vara among the people on the list, shows it, and clears it", async () => {
    const { body } = await setupBody(api, "Rådmannsgruppa", [
      { name: "Trond Julin", email: "trond.julin@lier.example.org", organisation: "Lier" },
      { name: "Kari Solberg Økland", email: "kari.okland@lier.example.org", organisation: "Lier" },
    ]);
    const members = (await api.get(`/api/bodies/${body.id}/members`)).body.items as Record<string, string>[];
    const trond = members.find((m) => m.personName === "Trond Julin")!;
    const kari = members.find((m) => m.personName === "Kari Solberg Økland")!;
    const page = await (await nina.get(`/organ/${body.id}`)).text();
    expect(page).toContain(`id="vara-${trond.id}"`);
    expect(page).toContain(`<option value="${kari.personId}">Kari Solberg Økland</option>`);

    const path = `/organ/${body.id}/medlemmer/${trond.id}`;
    expect((await post(path, { action: "save", role: "member", varaPersonId: kari.personId! })).status).toBe(303);
    const [withVara] = (await api.get(`/api/bodies/${body.id}/members`)).body.items.filter(
      (m: { id: string }) => m.id === trond.id,
    );
    expect(withVara).toMatchObject({ varaPersonId: kari.personId, varaName: "Kari Solberg Økland" });
    expect(await (await nina.get(`/organ/${body.id}`)).text()).toContain("Vara: Kari Solberg Økland");

    expect((await post(path, { action: "save", role: "member", varaPersonId: "" })).status).toBe(303);
    const [cleared] = (await api.get(`/api/bodies/${body.id}/members`)).body.items.filter(
      (m: { id: string }) => m.id === trond.id,
    );
    expect(cleared.varaPersonId).toBeUndefined();
  });
});
