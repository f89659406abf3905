import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/harness.js";

describe("GET /health", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it("says the app is up and the table is reachable", async () => {
    const res = await fetch(`${app.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", table: "reachable" });
  });

  it("answers /api without a login with 401, and an unknown API route with 404, as RFC 9457 problem details in Norwegian", async () => {
    const anonymous = await fetch(`${app.baseUrl}/api/bodies`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
    expect(await anonymous.json()).toMatchObject({ status: 401, title: "Ikke innlogget" });
    const forged = await fetch(`${app.baseUrl}/api/bodies`, {
      headers: { cookie: "sid=forfalsket-sesjon-som-ikke-finnes-123456" },
    });
    expect(forged.status).toBe(401);
    const api = await apiClient(app);
    const res = await api.get("/api/finnes-ikke");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body).toMatchObject({ status: 404, title: "Finnes ikke" });
  });

  it("answers unknown pages and records with a Norwegian HTML page, not JSON and never 500", async () => {
    const page = await fetch(`${app.baseUrl}/finnes-ikke`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Siden finnes ikke");
    const archive = await fetch(`${app.baseUrl}/arkiv/mote/finnesikke`, { headers: { accept: "text/html" } });
    expect(archive.status).toBe(404);
    expect(archive.headers.get("content-type")).toContain("text/html");
  });

  it("sends security headers: no sniffing, no framing by others, no Referer (personal links must not leak)", async () => {
    const res = await fetch(`${app.baseUrl}/logg-inn`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
