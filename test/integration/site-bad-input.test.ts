/** Odd input on /organ, /organisasjoner and /brukere: the form again with the errors and the values, never a 500. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import { startTestApp, type TestApp } from "../support/harness.js";

describe("odd input on the directory and user pages", () => {
  let app: TestApp;
  let nina: CookieBrowser & { csrf: string };
  beforeAll(async () => {
    app = await startTestApp();
    nina = await loggedInBrowser(app, "nina.rar@vestregionen.no");
  });
  afterAll(() => app.stop());
  const post = (path: string, fields: Record<string, string>) => nina.post(path, { csrf: nina.csrf, ...fields });

  it("refuses over-long and blank values by field, keeping what was typed", async () => {
    const long = "Kommunehelsesamarbeidet".repeat(20);
    const cases: [string, Record<string, string>, string][] = [
      ["/organ", { name: long, shortName: "KHS", secretariatName: "Nina", secretariatEmail: "s@v.no" }, "name"],
      ["/organ", { name: "   ", shortName: "KHS", secretariatName: "Nina", secretariatEmail: "s@v.no" }, "name"],
      [
        "/organ",
        { name: "KHS", shortName: "K", secretariatName: "Nina", secretariatEmail: "s@v.no", secretariatPhone: long },
        "secretariatPhone",
      ],
      ["/organisasjoner", { name: long, kind: "kommune" }, "name"],
      ["/brukere", { email: `${"a".repeat(300)}@vestregionen.no` }, "email"],
      ["/brukere", { email: "" }, "email"],
    ];
    for (const [path, fields, field] of cases) {
      const res = await post(path, fields);
      const label = `${path} ${JSON.stringify(fields).slice(0, 80)}`;
      expect(res.status, label).toBe(400);
      const html = await res.text();
      expect(html, label).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
      expect(html, label).toContain("Skjemaet ble ikke lagret");
    }
    const removeOdd = await post("/brukere/fjern", { email: "x".repeat(2000) });
    expect(removeOdd.status).toBe(404);
  });
});
