/** The smoke check (npm run smoke) against a running local system. */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSmoke } from "../../scripts/smoke.js";
import { startTestApp, type TestApp } from "../support/harness.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the CLI the way an operator does (npx tsx scripts/smoke.ts <url>) and keeps the exit code. */
function runCli(baseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "scripts/smoke.ts", baseUrl], { cwd: repoRoot, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const CHECKS = [
  "health",
  "login page",
  "openapi document",
  "forged personal link",
  "api without login",
  "security headers",
  "oversized body refused",
];

describe("npm run smoke -- <baseUrl>", () => {
  let app!: TestApp;
  // Emails this app hands to the (real, local) SES; the SES store is shared with test files running alongside.
  let sent = 0;
  beforeAll(async () => {
    app = await startTestApp({
      mail: (real) => ({
        async send(m) {
          sent++;
          return real.send(m);
        },
      }),
    });
  });
  afterAll(() => app?.stop());

  /** Every item in the app's table, as sorted JSON (the table is small in a test). */
  async function tableItems(): Promise<string[]> {
    const out = await app.ctx.db.send(new ScanCommand({ TableName: app.ctx.tableName, ConsistentRead: true }));
    return (out.Items ?? []).map((i) => JSON.stringify(i)).sort();
  }

  it("runSmoke passes every check against the real app, and writes nothing and emails nobody", async () => {
    const sentBefore = sent;
    const tableBefore = await tableItems();
    const results = await runSmoke(app.baseUrl);
    expect(results.map((r) => r.name)).toEqual(CHECKS);
    for (const r of results) expect(r, `${r.name}: ${r.detail}`).toMatchObject({ ok: true });
    // Read-only: no item in the app's table (no rate-limit counter, no login request) and no email.
    await app.ctx.queue.drained();
    expect(await tableItems()).toEqual(tableBefore);
    expect(sent).toBe(sentBefore);
  });

  it("the CLI prints one PASS line per check and a summary, and exits 0", async () => {
    const run = await runCli(`${app.baseUrl}/`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(`Smoke test of ${app.baseUrl}`);
    for (const name of CHECKS)
      expect(
        lines.some((l) => l.startsWith("PASS") && l.includes(name)),
        name,
      ).toBe(true);
    expect(lines.filter((l) => /^(PASS|FAIL) /.test(l))).toHaveLength(CHECKS.length);
    expect(lines.at(-1)).toBe(`All ${CHECKS.length} checks passed.`);
  });

  describe("against a server that answers 200 to everything, without headers", () => {
    let server!: Server;
    let url!: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        req.resume();
        res.writeHead(200).end("ok");
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it("every check fails with its reason, and the CLI says which and exits 1", async () => {
      const results = await runSmoke(url);
      expect(results.map((r) => r.name)).toEqual(CHECKS);
      const byName = Object.fromEntries(results.map((r) => [r.name, r]));
      for (const r of results) expect(r.ok, `${r.name}: ${r.detail}`).toBe(false);
      expect(byName.health!.detail).toContain("content-type");
      expect(byName["forged personal link"]!.detail).toContain("answered 200, expected 404");
      expect(byName["api without login"]!.detail).toContain("answered 200, expected 401");
      expect(byName["login page"]!.detail).toContain("content-type");
      expect(byName["openapi document"]!.detail).toContain("content-type");
      expect(byName["security headers"]!.detail).toContain("no Content-Security-Policy");
      expect(byName["security headers"]!.detail).toContain("X-Content-Type-Options is absent");
      expect(byName["security headers"]!.detail).toContain("Referrer-Policy is absent");
      expect(byName["oversized body refused"]!.detail).toContain("answered 200, expected 413");

      const run = await runCli(url);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const lines = run.stdout.trim().split("\n");
      for (const name of CHECKS)
        expect(
          lines.some((l) => l.startsWith("FAIL") && l.includes(name)),
          name,
        ).toBe(true);
      expect(lines.at(-1)).toBe(`${CHECKS.length} of ${CHECKS.length} checks FAILED: ${CHECKS.join(", ")}.`);
    });
  });
});
