// Oversized bodies: refused with 413 before they are read, on every kind of route, and nothing written.
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { invitedMeeting } from "../support/scenario.js";

describe("body limits on every kind of route", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  const invited = (n: number) => invitedMeeting(app, api, n);

  it("30 MB bodies are refused with 413 before they are read, on every kind of route", { timeout: 120_000 }, async () => {
    const s = await invited(1);
    const big = 30 * 1024 * 1024;
    const cases: { path: string; type: string }[] = [
      { path: new URL(s.links[0]!).pathname, type: "application/x-www-form-urlencoded" },
      { path: "/logg-inn", type: "application/x-www-form-urlencoded" },
      { path: "/api/organisations", type: "application/json" },
      { path: `/moter/${s.meeting.id}/saker`, type: "application/x-www-form-urlencoded" },
      // Attachments go straight to S3; recording one is a small JSON post like any other.
      { path: `/api/meetings/${s.meeting.id}/attachments`, type: "application/json" },
    ];
    // The client streams one reused 1 MB chunk, so memory growth in this process is the server's.
    const chunk = new Uint8Array(1024 * 1024);
    const body = () => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= big) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
    };
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${app.baseUrl}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${api.token}`, ...headers },
        body: body(),
        duplex: "half",
      } as RequestInit)
        .then((r) => r.status)
        .catch(() => -1);
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    for (const c of cases) {
      // Declared length: refused on the header alone. (The client may see the connection closed mid-upload.)
      expect([413, -1], `${c.path} with Content-Length`).toContain(
        await post(c.path, { "content-type": c.type, "content-length": String(big) }),
      );
      // Streamed without a length: cut off at the limit, not read to the end.
      expect(await post(c.path, { "content-type": c.type }), `${c.path} streamed`).toBe(413);
    }
    const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
    expect(grown, `memory grew ${grown.toFixed(0)} MB`).toBeLessThan(100);
    // And a normal post still works afterwards.
    expect((await api.post("/api/organisations", { name: `Etter ${s.tag}` })).status).toBe(201);
  });

  it("nothing is written by a refused oversized reply", async () => {
    const s = await invited(1);
    const scan = async () =>
      (await app.ctx.db.send(new ScanCommand({ TableName: app.ctx.tableName, Select: "COUNT" }))).Count ?? 0;
    const before = await scan();
    const res = await fetch(s.links[0]!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `csrf=x&status=attending&reason=${"x".repeat(200 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(await scan()).toBe(before);
  });
});
