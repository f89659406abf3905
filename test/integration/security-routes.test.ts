/** Every route of both HTTP Lambdas with hostile ids, tokens and bodies: no 5xx, no writes. */
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "../../functions/api/app.js";
import { createReplyApp } from "../../functions/reply/app.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import type { TestApp } from "../support/harness.js";
import { meetingWithMembers, waitForSend } from "../support/scenario.js";

/**
 * Every route the apps have (read from the Hono apps themselves, so a new route is covered the day it is
 * added), hit with unknown, malformed and hostile ids, tokens and bodies: never a 5xx, and
 * nothing written by anyone who is not logged in.
 */
describe("no 5xx and no writes from unknown or malformed ids, tokens and bodies", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp(
    (a, c) => {
      app = a;
      api = c;
    },
    { env: { REPLY_POSTS_PER_CLIENT_PER_HOUR: "100000" } },
  );

  const routes = () => {
    const seen = new Set<string>();
    // Both HTTP Lambdas: the secretariat's (api) and the participant's (reply), served on one port here.
    return [...createApp(app.ctx).routes, ...createReplyApp(app.ctx).routes]
      .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
      .filter((r) => {
        const key = `${r.method} ${r.path}`;
        return !seen.has(key) && seen.add(key);
      });
  };
  const fill = (path: string, value: (name: string) => string) =>
    path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(value(name)));

  const hostileIds = [
    "01jzzzzzzzzzzzzzzzzzzzzzzz",
    "x",
    "øæå",
    "a".repeat(300),
    "constructor",
    "__proto__",
    "-1",
    "1e309",
    "null",
    "a.b.c",
    "%",
  ];

  it("unknown or malformed ids on every route, logged in (pages and API), never answer 5xx", { timeout: 180_000 }, async () => {
    const b = await loggedInBrowser(app, "sekretariat@vestregionen.no");
    // A real meeting and body, so a route's first id can be real while the next is unknown
    // (POST /moter/<real>/svar/<unknown> answered 500 before).
    const s = await meetingWithMembers(api, 1);
    const realFor = (path: string) => (/^\/(organ|api\/bodies|arkiv)\//.test(path) ? s.body.id : s.meeting.id);
    const failures: string[] = [];
    const cases = routes().flatMap((r) =>
      r.path.includes(":")
        ? hostileIds.flatMap((id) => [
            { r, path: fill(r.path, () => id) },
            { r, path: fill(r.path.replace(/:\w+/, realFor(r.path)), () => id) },
          ])
        : [{ r, path: r.path }],
    );
    for (const { r, path } of cases) {
      if (r.path === "/logg-ut") continue; // would end this session; covered below without one
      {
        const id = path;
        const isApi = path.startsWith("/api");
        const unsafe = r.method !== "GET";
        const res = await fetch(`${app.baseUrl}${path}`, {
          method: r.method,
          redirect: "manual",
          headers: isApi
            ? { authorization: `Bearer ${api.token}`, ...(unsafe ? { "content-type": "application/json" } : {}) }
            : { cookie: b.cookie(), ...(unsafe ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
          body: unsafe
            ? isApi
              ? JSON.stringify({ id, title: id })
              : new URLSearchParams({ csrf: b.csrf, status: "attending", title: id }).toString()
            : undefined,
        });
        if (res.status >= 500) failures.push(`${r.method} ${path.slice(0, 80)} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("random ids, tokens and form bodies on every route, not logged in: no 5xx, nothing written (property-based)", {
    timeout: 120_000,
  }, async () => {
    // Real ids mixed in, so some requests reach real records with forged tokens.
    const s = await meetingWithMembers(api, 2);
    const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const countItems = async () => {
      await app.ctx.queue.drained();
      const out = await app.ctx.db.send(
        new ScanCommand({
          TableName: app.ctx.tableName,
          ProjectionExpression: "PK, SK",
          // Rate-limit counters are the one write an anonymous request may cause (that is their job).
          FilterExpression: "NOT begins_with(PK, :rate)",
          ExpressionAttributeValues: { ":rate": "RATE#" },
          ConsistentRead: true,
        }),
      );
      return (out.Items ?? []).map((i) => `${i.PK} ${i.SK}`).sort();
    };
    const before = await countItems();
    const all = routes();
    const idArb = fc.oneof(
      fc.constantFrom(s.meeting.id, s.body.id, `m-${s.meeting.id}`, "1", "0", ...hostileIds),
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^[0-9a-z]{26}\.m-[0-9a-z]{26}\.[A-Za-z0-9_-]{32}$/),
      fc.tuple(fc.constant(s.meeting.id), fc.stringMatching(/^[A-Za-z0-9_-]{32}$/)).map(([m, mac]) => `${m}.m-${m}.${mac}`),
    );
    const bodyArb = fc.dictionary(
      fc.constantFrom(
        "csrf",
        "status",
        "reason",
        "substituteName",
        "substituteEmail",
        "email",
        "token",
        "title",
        "name",
        "__proto__",
        "constructor",
      ),
      fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("attending", "absent", "substitute", "x@example.org")),
    );
    const contentType = fc.constantFrom(
      "application/x-www-form-urlencoded",
      "application/json",
      "multipart/form-data; boundary=zz",
      "text/plain",
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        idArb,
        bodyArb,
        contentType,
        fc.boolean(),
        async (r, id, fields, type, foreignOrigin) => {
          const path = fill(r.path, () => id);
          const unsafe = r.method !== "GET";
          const body = !unsafe
            ? undefined
            : type.startsWith("application/json")
              ? JSON.stringify(fields)
              : new URLSearchParams(fields).toString();
          const res = await fetch(`${app.baseUrl}${path}`, {
            method: r.method,
            redirect: "manual",
            headers: {
              ...(unsafe ? { "content-type": type } : {}),
              ...(foreignOrigin ? { origin: "https://evil.example" } : {}),
            },
            body,
          });
          await res.arrayBuffer();
          if (res.status >= 500) failures.push(`${r.method} ${path.slice(0, 80)} → ${res.status}`);
          return res.status < 500;
        },
      ),
      { numRuns: 400 },
    );
    expect(failures).toEqual([]);
    expect(await countItems()).toEqual(before);
  });
});
