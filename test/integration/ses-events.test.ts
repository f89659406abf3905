// SES events through the sending domain: delivery, bounce and complaint recorded on real local sends.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listDeliveries, recordSesNotifications } from "../../shared/sending/index.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { meetingWithMembers, waitForSend } from "../support/scenario.js";

/**
 * SES event publishing → SNS → ses-events. The local SES emits no events, so these use AWS's
 * published sample payloads (test/fixtures) with the message ids of real local sends filled in.
 */
const fixture = (name: string, messageId: string, recipient: string) =>
  readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")
    .replaceAll("MESSAGE_ID", messageId)
    .replaceAll("RECIPIENT", recipient);

describe("ses-events: delivery, bounce and complaint per delivery", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  it("records each event on its delivery and flags a hard-bounced address", async () => {
    const { meeting } = await meetingWithMembers(api, 3);
    const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const [d1, d2, d3] = (await listDeliveries(app.ctx, sendId)).sort((a, b) => a.email.localeCompare(b.email));
    const result = await recordSesNotifications(app.ctx, [
      fixture("ses-delivery", d1!.messageId!, d1!.email),
      fixture("ses-bounce", d2!.messageId!, d2!.email),
      fixture("ses-complaint", d3!.messageId!, d3!.email),
      fixture("ses-delivery", "unknown-message-id", "x@example.org"),
      "not json",
    ]);
    expect(result).toEqual({ recorded: 3, ignored: 2 });
    const progress = (await api.get(`/api/sends/${sendId}`)).body;
    expect(progress).toMatchObject({ total: 3, sent: 3, delivered: 1, bounced: 1, complained: 1 });
    expect(progress.failures.find((f: { email: string }) => f.email === d2!.email).reason).toContain("550 5.1.1 user unknown");
    const board = (await api.get(`/api/meetings/${meeting.id}/replies`)).body;
    const seat = board.organisations
      .flatMap((o: { seats: unknown[] }) => o.seats)
      .find((s: { email: string }) => s.email === d2!.email);
    expect(seat.status).toBe("bounced");
  });
});
