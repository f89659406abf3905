/** The pages for bodies, organisations and users: lists, forms with errors and kept values, the last-user rule. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, listUsers, removeUser, removeUserByAnother } from "../../shared/auth/index.js";
import { ConflictError } from "../../shared/errors.js";
import { type ApiClient, apiClient } from "../support/api.js";
import { type CookieBrowser, cookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import { startTestApp, type TestApp } from "../support/harness.js";

describe("web pages for the directory and the users", () => {
  let app: TestApp;
  let api: ApiClient;
  let nina: CookieBrowser & { csrf: string };
  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "api-katalog@vestregionen.no");
    nina = await loggedInBrowser(app, "nina.katalog@vestregionen.no");
  });
  afterAll(() => app.stop());

  const post = (path: string, fields: Record<string, string>) => nina.post(path, { csrf: nina.csrf, ...fields });

  it("creates a body from /organ: errors by field with the values kept, then listed and in the API", async () => {
    const bad = await post("/organ", {
      name: "Ordførermøtet i Kommunehelsesamarbeidet",
      shortName: "",
      secretariatName: "Nina Solberg",
      secretariatEmail: "ikke-en-adresse",
      secretariatPhone: "32 00 00 00",
    });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain("Skjemaet ble ikke lagret");
    expect(page).toMatch(/id="shortName"[^>]*aria-invalid="true"/);
    expect(page).toContain('id="secretariatEmail-feil"');
    expect(page).toContain('value="Ordførermøtet i Kommunehelsesamarbeidet"');
    expect(page).toContain('value="ikke-en-adresse"');
    expect((await api.get("/api/bodies")).body.items).toEqual([]);

    const ok = await post("/organ", {
      name: "Ordførermøtet i Kommunehelsesamarbeidet",
      shortName: "KHS",
      secretariatName: "Nina Solberg",
      secretariatEmail: "Sekretariat@Vestregionen.no",
      secretariatPhone: "",
    });
    expect(ok.status).toBe(303);
    const list = await (await nina.get(ok.headers.get("location")!)).text();
    expect(list).toContain("Organet «Ordførermøtet i Kommunehelsesamarbeidet» er opprettet.");
    const [body] = (await api.get("/api/bodies")).body.items;
    expect(body).toMatchObject({ shortName: "KHS", secretariat: { name: "Nina Solberg", email: "sekretariat@vestregionen.no" } });
    expect(body.secretariat.phone).toBeUndefined();
    expect(list).toContain(`href="/organ/${body.id}"`);
  });

  it("creates organisations from /organisasjoner: a bad org number is refused with the values kept", async () => {
    const bad = await post("/organisasjoner", { name: "Bærum", kind: "kommune", region: "Asker og Bærum", orgNumber: "12345" });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain("Organisasjonsnummer har ni sifre.");
    expect(page).toContain('value="Asker og Bærum"');
    expect((await post("/organisasjoner", { name: "", kind: "rådhus" })).status).toBe(400);

    const ok = await post("/organisasjoner", {
      name: "Bærum",
      kind: "kommune",
      region: "Asker og Bærum",
      orgNumber: "974553457",
    });
    expect(ok.status).toBe(303);
    expect((await post("/organisasjoner", { name: "Buskerud", kind: "fylkeskommune" })).status).toBe(303);
    const list = await (await nina.get("/organisasjoner")).text();
    // Norwegian order: æ after z.
    expect(list).toMatch(/Buskerud \(Fylkeskommune\)[\s\S]*Bærum \(Kommune, Asker og Bærum, org\.nr\. 974553457\)/);
    const orgs = (await api.get("/api/organisations")).body.items;
    expect(orgs.map((o: { name: string }) => o.name).sort()).toEqual(["Buskerud", "Bærum"]);
  });

  it("the new pages need a login and the CSRF value", async () => {
    const stranger = cookieBrowser(app);
    for (const path of ["/organ", "/organisasjoner", "/brukere"]) {
      expect((await stranger.get(path)).headers.get("location"), path).toBe("/logg-inn");
    }
    expect((await nina.post("/organisasjoner", { csrf: "x".repeat(32), name: "Lier" })).status).toBe(403);
    expect((await nina.post("/brukere", { email: "inntrenger@example.org" })).status).toBe(403);
    expect(await listUsers(app.ctx)).not.toContain("inntrenger@example.org");
  });

  it("manages users on /brukere: add (errors kept), list, remove another; never oneself", async () => {
    const bad = await post("/brukere", { email: "lena@" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="lena@"');
    const added = await post("/brukere", { email: "Lena.Hansson@Vestregionen.no" });
    expect(added.status).toBe(303);
    expect(await (await nina.get(added.headers.get("location")!)).text()).toContain(
      "lena.hansson@vestregionen.no kan nå logge inn.",
    );
    expect(await listUsers(app.ctx)).toContain("lena.hansson@vestregionen.no");
    expect((await post("/brukere", { email: "lena.hansson@vestregionen.no" })).status).toBe(409);

    const self = await post("/brukere/fjern", { email: "nina.katalog@vestregionen.no" });
    expect(self.status).toBe(409);
    expect(await self.text()).toContain("Du kan ikke fjerne deg selv.");
    expect(await listUsers(app.ctx)).toContain("nina.katalog@vestregionen.no");

    const removed = await post("/brukere/fjern", { email: "lena.hansson@vestregionen.no" });
    expect(removed.status).toBe(303);
    expect(await listUsers(app.ctx)).not.toContain("lena.hansson@vestregionen.no");
    expect((await post("/brukere/fjern", { email: "lena.hansson@vestregionen.no" })).status).toBe(404);
  });

  it("the last user cannot be removed (nobody could log in again)", async () => {
    await addUser(app.ctx, "siste@vestregionen.no");
    for (const email of await listUsers(app.ctx)) if (email !== "siste@vestregionen.no") await removeUser(app.ctx, email);
    await expect(removeUserByAnother(app.ctx, "siste@vestregionen.no", "drift@vestregionen.no")).rejects.toThrow(ConflictError);
    expect(await listUsers(app.ctx)).toEqual(["siste@vestregionen.no"]);
  });
});
