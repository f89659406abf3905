/** Login links, sessions, API tokens and CSRF: who may do what, and what a forged request gets. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, issueApiToken, listApiTokens } from "../../shared/auth/index.js";
import { type ApiClient, apiClient } from "../support/api.js";
import { hiddenField } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";
import { browser, loggedIn } from "./login-links.js";

/**
 * The attacks of "Safe to put on the internet" on the secretariat's login and API, one test each,
 * against the real app over HTTP, DynamoDB Local and the local SES.
 */

describe("the secretariat's API and its tokens", () => {
  let app!: TestApp;
  let api!: ApiClient;
  const email = "sekretariat@vestregionen.no";
  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, email);
  });
  afterAll(() => app?.stop());

  it("CSRF on /api with a session cookie: a foreign Origin or a missing X-CSRF-Token is refused; our own pages' requests work", async () => {
    const s = await meetingWithMembers(api, 1);
    const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const invitationId = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body.organisations[0].seats[0]
      .invitationId as string;
    const b = await loggedIn(app, email);
    const csrf = b.jar.get("csrf")!;
    const json = { "content-type": "application/json" };

    // What a page on another site can make the logged-in browser send.
    const attacks: [string, string, Record<string, string>, string][] = [
      [
        "POST",
        "/api/meetings",
        json,
        JSON.stringify({
          bodyId: s.body.id,
          title: "Kapret møte",
          startsAt: "2030-07-01T09:00",
          endsAt: "2030-07-01T10:00",
          place: "Et annet sted",
        }),
      ],
      [
        "POST",
        `/api/bodies/${s.body.id}/members/import`,
        { "content-type": "text/csv" },
        "name,email,organisation\nMallory,mallory@evil.example,\n",
      ],
      ["PATCH", `/api/meetings/${s.meeting.id}`, json, JSON.stringify({ title: "Kapret" })],
      ["POST", `/api/meetings/${s.meeting.id}/invitations/${invitationId}/revoke`, json, "{}"],
    ];
    const variants: [string, Record<string, string>][] = [
      ["foreign Origin", { origin: "https://evil.example" }],
      ["foreign Origin with the token", { origin: "https://evil.example", "x-csrf-token": csrf }],
      ["no token", {}],
      ["wrong token", { "x-csrf-token": "x".repeat(csrf.length) }],
    ];
    const answers: string[] = [];
    for (const [method, path, headers, body] of attacks) {
      for (const [label, extra] of variants) {
        const res = await b.request(method, path, { headers: { ...headers, ...extra }, body });
        const problem = res.headers.get("content-type")?.includes("application/problem+json")
          ? ((await res.json()) as { title: string }).title
          : await res.text();
        answers.push(`${method} ${path.replace(/\/[0-9a-z]{26}/g, "/…")} (${label}): ${res.status} ${problem.slice(0, 40)}`);
      }
    }
    expect(answers).toEqual(answers.map((a) => a.replace(/: .*$/, ": 403 Ugyldig forespørsel")));
    // Nothing was changed by any of them.
    const { meeting } = (await api.get(`/api/meetings/${s.meeting.id}`)).body;
    expect(meeting.title).toBe(s.meeting.title);
    expect((await fetch(replyLink((await emailsTo(app, s.tag))[0]!))).status).toBe(200); // not revoked
    expect((await api.get(`/api/meetings?bodyId=${s.body.id}`)).body.items).toHaveLength(1);
    expect(
      (await api.get(`/api/bodies/${s.body.id}/members`)).body.items.map((m: { personEmail: string }) => m.personEmail),
    ).not.toContain("mallory@evil.example");

    // Our own pages: reading needs no token; writing carries the token from the page (Origin own or absent).
    expect((await b.get(`/api/meetings/${s.meeting.id}`)).status).toBe(200);
    const own = await b.request("PATCH", `/api/meetings/${s.meeting.id}`, {
      headers: { ...json, origin: new URL(app.ctx.config.BASE_URL).origin, "x-csrf-token": csrf },
      body: JSON.stringify({ title: "Endret fra siden" }),
    });
    expect(own.status).toBe(200);
    const noOrigin = await b.request("PATCH", `/api/meetings/${s.meeting.id}`, {
      headers: { ...json, "x-csrf-token": csrf },
      body: JSON.stringify({ title: "Endret igjen" }),
    });
    expect(noOrigin.status).toBe(200);
    // A bearer token is not sent by browsers on their own: no CSRF token needed, whatever the Origin.
    const scripted = await api.raw(`/api/meetings/${s.meeting.id}`, {
      method: "PATCH",
      headers: { ...json, origin: "https://evil.example" },
      body: JSON.stringify({ title: "Fra skript" }),
    });
    expect(scripted.status).toBe(200);
  });

  it("API tokens: a read-scoped token cannot write (403), an expired one is refused (401), last use is recorded at most once a minute", async () => {
    const reader = await issueApiToken(app.ctx, { email, name: "Rapportskript", scope: "read", days: 1 }, app.ctx.clock.now());
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${app.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${reader.token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await listApiTokens(app.ctx, email)).find((t) => t.id === reader.id)?.lastUsedAt).toBeUndefined();

    expect((await call("GET", "/api/bodies")).status).toBe(200);
    const write = await call("POST", "/api/organisations", { name: "Lesekommune" });
    expect(write.status).toBe(403);
    expect(write.headers.get("content-type")).toContain("application/problem+json");
    expect((await write.json()).title).toBe("Tokenet kan bare lese");
    expect((await api.get("/api/organisations")).body.items.map((o: { name: string }) => o.name)).not.toContain("Lesekommune");

    const firstUse = (await listApiTokens(app.ctx, email)).find((t) => t.id === reader.id)!.lastUsedAt!;
    expect(firstUse).toBeTruthy();
    await call("GET", "/api/bodies");
    expect((await listApiTokens(app.ctx, email)).find((t) => t.id === reader.id)!.lastUsedAt).toBe(firstUse); // not a write per request
    app.clock.advance(2 * 60_000);
    try {
      await call("GET", "/api/bodies");
      expect((await listApiTokens(app.ctx, email)).find((t) => t.id === reader.id)!.lastUsedAt! > firstUse).toBe(true);
      app.clock.advance(24 * 3600_000);
      const expired = await call("GET", "/api/bodies");
      expect(expired.status).toBe(401);
      expect((await expired.json()).title).toBe("Ikke innlogget");
    } finally {
      app.clock.set(new Date());
    }
  });

  it("API tokens: the admin CLI creates them with name, scope and days, lists them and revokes by id; `token create <email>` still works", {
    timeout: 90_000,
  }, async () => {
    // Five runs of the CLI, each a fresh tsx process: ~15 s alone, twice that when the browser test shares the cores.
    const run = promisify(execFile);
    const env = {
      ...process.env,
      DYNAMODB_ENDPOINT: app.ctx.config.APP_ENV === "local" ? app.ctx.config.DYNAMODB_ENDPOINT : "",
      TABLE_NAME: app.ctx.tableName,
    };
    const admin = (...args: string[]) => run(process.execPath, ["--import", "tsx", "local/admin.ts", ...args], { env });
    await addUser(app.ctx, "cli-token@vestregionen.no");

    const created = await admin(
      "token",
      "create",
      "cli-token@vestregionen.no",
      "--name",
      "Statistikk",
      "--scope",
      "read",
      "--days",
      "7",
    );
    const token = /mt_[A-Za-z0-9_-]+/.exec(created.stdout)![0];
    const id = /id ([0-9a-z]{26})/.exec(created.stdout)![1]!;
    const bearer = (method: string) =>
      fetch(`${app.baseUrl}/api/organisations`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: method === "GET" ? undefined : '{"name":"CLI-kommune"}',
      });
    expect((await bearer("GET")).status).toBe(200);
    expect((await bearer("POST")).status).toBe(403);

    const list = (await admin("token", "list", "cli-token@vestregionen.no")).stdout;
    expect(list).toContain(id);
    expect(list).toContain("Statistikk");
    expect(list).toContain("read");
    expect(list).not.toContain(token);

    expect((await admin("token", "revoke", id)).stdout).toContain("trukket tilbake");
    expect((await bearer("GET")).status).toBe(401);
    expect((await admin("token", "list")).stdout).not.toContain(id);

    // The README's usage: defaults to a write token that expires.
    const plain = await admin("token", "create", "cli-token@vestregionen.no");
    const plainToken = /mt_[A-Za-z0-9_-]+/.exec(plain.stdout)![0];
    expect(
      (
        await fetch(`${app.baseUrl}/api/organisations`, {
          method: "POST",
          headers: { authorization: `Bearer ${plainToken}`, "content-type": "application/json" },
          body: '{"name":"CLI-kommune"}',
        })
      ).status,
    ).toBe(201);
    const info = (await listApiTokens(app.ctx, "cli-token@vestregionen.no")).at(-1)!;
    expect(info).toMatchObject({ scope: "write" });
    expect(Date.parse(info.validUntil) - Date.parse(info.createdAt)).toBe(90 * 86_400_000);

    const bad = await admin("token", "create", "cli-token@vestregionen.no", "--scope", "admin").catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Bruk: npm run admin");
  });

  it("API tokens: the API-nøkler page lists, creates (shown once) and revokes by id, behind login and CSRF", async () => {
    expect((await browser(app).get("/tokens")).headers.get("location")).toBe("/logg-inn");
    const b = await loggedIn(app, email);
    const page = await b.get("/tokens");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("API-nøkler");
    const csrf = hiddenField(html, "csrf");

    expect((await b.post("/tokens", { name: "Uten sjekk", scope: "read", days: "30" })).status).toBe(403);
    const invalid = await b.post("/tokens", { csrf, name: " ", scope: "alt", days: "30" });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("Må fylles ut.");

    const created = await b.post("/tokens", { csrf, name: "Styringsgruppens skript", scope: "read", days: "30" });
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toContain("no-store");
    const shown = await created.text();
    const token = /mt_[A-Za-z0-9_-]{20,}/.exec(shown)![0];
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*Styringsgruppens skript(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(shown)![0];
    const id = /\/tokens\/([0-9a-z]{26})\/trekk-tilbake/.exec(row)![1]!;
    expect((await fetch(`${app.baseUrl}/api/bodies`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const listed = await (await b.get("/tokens")).text();
    expect(listed).toContain("Styringsgruppens skript");
    expect(listed).not.toContain(token); // shown once only

    expect((await b.post(`/tokens/${id}/trekk-tilbake`, {})).status).toBe(403);
    const revoked = await b.post(`/tokens/${id}/trekk-tilbake`, { csrf });
    expect(revoked.status).toBe(303);
    expect((await fetch(`${app.baseUrl}/api/bodies`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(await (await b.get(revoked.headers.get("location")!)).text()).not.toContain("Styringsgruppens skript");
  });
});
