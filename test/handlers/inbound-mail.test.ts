// The inbound-mail Lambda with SES's receipt event (test/fixtures/ses-receipt-calendar.json): the S3 action's stored
// message (the local S3) is read and recorded as a calendar answer on DynamoDB Local; bad verdicts are not read at all.
import { readFileSync } from "node:fs";
import type { SESEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { createInboundMailHandler, INBOUND_PREFIX } from "../../functions/inbound-mail/handler.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { invitedMeeting } from "../support/scenario.js";

const eventFor = (messageId: string, from: string, verdicts: Record<string, string> = {}): SESEvent => {
  const event = JSON.parse(
    readFileSync(new URL("../fixtures/ses-receipt-calendar.json", import.meta.url), "utf8")
      .replaceAll("{{MESSAGE_ID}}", messageId)
      .replaceAll("{{FROM}}", from),
  ) as SESEvent;
  const receipt = event.Records[0]!.ses.receipt as unknown as Record<string, { status: string }>;
  for (const [name, status] of Object.entries(verdicts)) receipt[name] = { status };
  return event;
};

const calendarReply = (uid: string, attendee: string, partstat: string) =>
  [
    `From: ${attendee}`,
    "To: svar@vestregionen.no",
    "Subject: Avslått: Møte",
    "MIME-Version: 1.0",
    'Content-Type: text/calendar; charset="utf-8"; method=REPLY',
    "",
    "BEGIN:VCALENDAR",
    "METHOD:REPLY",
    "VERSION:2.0",
    "PRODID:-//Test//EN",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    "DTSTAMP:20300520T081512Z",
    `ATTENDEE;PARTSTAT=${partstat}:mailto:${attendee}`,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");

describe("inbound-mail handler: SES receipt events", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  const statusOf = async (meetingId: string, email: string) =>
    (await api.get(`/api/meetings/${meetingId}/replies`)).body.organisations
      .flatMap((o: { seats: { email: string; status: string }[] }) => o.seats)
      .find((x: { email: string }) => x.email === email).status;

  it("reads the stored message and records a DECLINED as forfall; a message with failing verdicts is not read", async () => {
    const s = await invitedMeeting(app, api, 2);
    const [first, second] = s.members;
    const handler = createInboundMailHandler(app.ctx);
    const store = (id: string, email: string) =>
      app.ctx.blobs.put(
        `${INBOUND_PREFIX}${id}`,
        Buffer.from(calendarReply(`${s.meeting.id}@moteinnkalling`, email, "DECLINED")),
        "message/rfc822",
      );

    await store(`ok-${s.tag}`, first!.email);
    await handler(eventFor(`ok-${s.tag}`, first!.email));
    expect(await statusOf(s.meeting.id, first!.email)).toBe("absent");

    await store(`spam-${s.tag}`, second!.email);
    await handler(eventFor(`spam-${s.tag}`, second!.email, { spamVerdict: "FAIL" }));
    await handler(eventFor(`spam-${s.tag}`, second!.email, { spfVerdict: "FAIL", dkimVerdict: "FAIL" }));
    // Not stored (the S3 action failed): logged and skipped, not thrown.
    await handler(eventFor(`missing-${s.tag}`, second!.email));
    expect(await statusOf(s.meeting.id, second!.email)).toBe("no_answer");
  });
});
