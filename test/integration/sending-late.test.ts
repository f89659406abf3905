// An innkalling after the reply deadline or the start: refused until confirmed, in the API and on the send page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, waitForSend } from "../support/scenario.js";

describe("a late innkalling needs confirmation", () => {
  let app: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "sekretariat.sent@vestregionen.no");
  });
  afterAll(() => app.stop());

  it("the API refuses it with a Norwegian 409 naming what has passed, and sends with confirmLate: true", async () => {
    const { tag, meeting } = await meetingWithMembers(api, 2, { deadline: "2030-05-25T12:00" });
    app.clock.set(new Date("2030-05-28T08:00:00Z")); // after the deadline, before the start
    try {
      const refused = await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" });
      expect(refused.status).toBe(409);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(refused.body.detail).toContain("svarfristen (25.05.2030 kl. 12.00) har gått ut");
      expect(refused.body.detail).toContain("har gått ut");
      expect(refused.body.detail).not.toContain("møtet har startet");
      expect(refused.body.detail).toContain("confirmLate: true");
      expect(await emailsTo(app, tag)).toEqual([]);

      // After the start both are named; a reminder is not an innkalling and is not held back.
      app.clock.set(new Date("2030-06-01T08:30:00Z"));
      const both = await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" });
      expect(both.status).toBe(409);
      expect(both.body.detail).toMatch(
        /svarfristen \(25\.05\.2030 kl\. 12\.00\) har gått ut og møtet har startet \(01\.06\.2030 kl\. 09\.00\)/,
      );

      const sent = await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all", confirmLate: true });
      expect(sent.status).toBe(202);
      expect(await waitForSend(api, sent.body.sendId)).toMatchObject({ total: 2, sent: 2 });
      expect(await emailsTo(app, tag)).toHaveLength(2);
    } finally {
      app.clock.set(new Date());
    }
  });

  it("an innkalling in good time needs no flag", async () => {
    const { meeting } = await meetingWithMembers(api, 1, { deadline: "2030-05-25T12:00" });
    expect((await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).status).toBe(202);
  });

  it("the send page warns, refuses an unconfirmed send with the 'Send likevel' step, and sends once confirmed", async () => {
    const { tag, meeting } = await meetingWithMembers(api, 2, { deadline: "2030-05-25T12:00" });
    app.clock.set(new Date("2030-05-28T08:00:00Z"));
    try {
      const nina = await loggedInBrowser(app, "nina.sent@vestregionen.no");
      const page = await (await nina.get(`/moter/${meeting.id}/send`)).text();
      expect(page).toContain("Fristen eller møtestart har passert");
      expect(page).toContain("svarfristen (25.05.2030 kl. 12.00) har gått ut");
      expect(page).toContain('name="confirmLate"');
      expect(page).toContain("Send likevel");

      const form = { csrf: nina.csrf, confirm: "yes", audience: "all", idempotencyKey: `sent-${tag}-1` };
      const refused = await nina.post(`/moter/${meeting.id}/send`, form);
      expect(refused.status).toBe(409);
      const again = await refused.text();
      expect(again).toContain("Innkallingen kommer sent");
      expect(again).toContain("Send likevel");
      expect(await emailsTo(app, tag)).toEqual([]);

      const ok = await nina.post(`/moter/${meeting.id}/send`, { ...form, idempotencyKey: `sent-${tag}-2`, confirmLate: "yes" });
      expect(ok.status).toBe(303);
      const sendId = ok.headers.get("location")!.replace("/utsendelser/", "");
      expect(await waitForSend(api, sendId)).toMatchObject({ total: 2, sent: 2 });
    } finally {
      app.clock.set(new Date());
    }
  });
});
