// Calendar answers count as answers: iMIP REPLYs as Outlook, Gmail and Apple Calendar send them (test/fixtures/imip/),
// delivered over SMTP to the local stand-in for SES inbound (smtp-server), recorded on the real app and DynamoDB Local.

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInboundSmtp } from "../../local/inbound-smtp.js";
import { calendarReplyAddress } from "../../shared/config.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, invitedMeeting } from "../support/scenario.js";

type Client = "outlook" | "gmail" | "apple";
const fixture = (name: string) => readFileSync(new URL(`../fixtures/imip/${name}`, import.meta.url), "utf8");

/** RFC 5545 folding at 75 octets (Apple folds its long ATTENDEE line). */
const fold = (ics: string) =>
  ics
    .split(/\r?\n/)
    .map((line) => (Buffer.byteLength(line) <= 75 ? line : (line.match(/.{1,60}/gu) ?? []).join("\r\n ")))
    .join("\r\n");
/** Quoted-printable as Apple Mail writes it: non-ASCII and "=" escaped, soft breaks before 76 characters. */
const quotedPrintable = (text: string) =>
  text
    .split("\r\n")
    .map((line) => {
      const escaped = [...Buffer.from(line, "utf8")]
        .map((b) => (b === 61 || b > 126 ? `=${b.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(b)))
        .join("");
      return escaped.match(/.{1,72}(?![0-9A-F]{0,1}$)|.+$/g)?.join("=\r\n") ?? "";
    })
    .join("\r\n");

interface Answer {
  uid: string;
  attendee: string;
  name: string;
  partstat: string;
  from?: string;
  organizer: string;
}

/** The client's message with the meeting's UID, the attendee and their answer filled in. */
function message(client: Client, a: Answer): string {
  const fill = (s: string) =>
    s
      .replaceAll("{{UID}}", a.uid)
      .replaceAll("{{ATTENDEE_UPPER}}", a.attendee.toUpperCase())
      .replaceAll("{{ATTENDEE}}", a.attendee)
      .replaceAll("{{NAME}}", a.name)
      .replaceAll("{{PARTSTAT}}", a.partstat)
      .replaceAll("{{ORGANIZER}}", a.organizer)
      .replaceAll("{{FROM}}", a.from ?? a.attendee)
      .replaceAll("{{RANDOM}}", randomUUID().slice(0, 8));
  const ics = fill(fixture(`${client}-reply.ics`)).replace(/\r?\n/g, "\r\n");
  const base64 = (
    Buffer.from(ics)
      .toString("base64")
      .match(/.{1,76}/g) ?? []
  ).join("\r\n");
  return fill(fixture(`${client}.eml`))
    .replace("{{CALENDAR_BASE64}}", base64)
    .replace("{{CALENDAR_BASE64}}", base64)
    .replace("{{CALENDAR_QP}}", quotedPrintable(fold(ics)))
    .replace("{{CALENDAR}}", ics);
}

describe("calendar answers (iMIP REPLY) count as replies", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  let smtp!: Awaited<ReturnType<typeof startInboundSmtp>>;
  beforeAll(async () => {
    smtp = await startInboundSmtp(app.ctx, 0);
  });
  afterAll(() => smtp?.stop());

  const deliver = async (raw: string, from: string) => {
    const transport = createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from, to: [calendarReplyAddress(app.ctx.config)] }, raw });
    transport.close();
  };
  const seats = async (meetingId: string) =>
    (await api.get(`/api/meetings/${meetingId}/replies`)).body.organisations.flatMap((o: { seats: unknown[] }) => o.seats) as {
      email: string;
      status: string;
      repliedBy?: string;
    }[];
  const history = async (meetingId: string) =>
    (await api.get(`/api/meetings/${meetingId}/replies/history`)).body.items as { name: string; status: string; from: string }[];

  it("the invitation's ORGANIZER is the calendar reply address, and each client's «Godta»/«Avslå» is recorded from «kalender»", async () => {
    const s = await invitedMeeting(app, api, 3);
    const invite = (await emailsTo(app, s.tag))[0]!;
    const calendar = invite.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
    const ics = Buffer.from(calendar.content, "base64").toString("utf8");
    expect(ics).toMatch(new RegExp(`ORGANIZER;CN=[^:]+:mailto:${calendarReplyAddress(app.ctx.config)}`, "i"));
    expect(ics).toContain("RSVP=TRUE");
    const uid = `${s.meeting.id}@moteinnkalling`;
    const organizer = calendarReplyAddress(app.ctx.config);
    const [outlook, gmail, apple] = s.members;
    await deliver(
      message("outlook", { uid, attendee: outlook!.email, name: outlook!.name, partstat: "ACCEPTED", organizer }),
      outlook!.email,
    );
    await deliver(
      message("gmail", { uid, attendee: gmail!.email, name: gmail!.name, partstat: "DECLINED", organizer }),
      gmail!.email,
    );
    await deliver(
      message("apple", { uid, attendee: apple!.email, name: apple!.name, partstat: "ACCEPTED", organizer }),
      apple!.email,
    );

    const byEmail = new Map((await seats(s.meeting.id)).map((x) => [x.email, x]));
    expect(byEmail.get(outlook!.email)).toMatchObject({ status: "attending", repliedBy: "kalender" });
    expect(byEmail.get(gmail!.email)).toMatchObject({ status: "absent", repliedBy: "kalender" });
    expect(byEmail.get(apple!.email)).toMatchObject({ status: "attending", repliedBy: "kalender" });
    const lines = await history(s.meeting.id);
    expect(lines.filter((l) => l.from === "kalender")).toHaveLength(3);
  });

  it("a tentative answer, a second identical answer, forged or mismatched replies change nothing", async () => {
    const s = await invitedMeeting(app, api, 2);
    const uid = `${s.meeting.id}@moteinnkalling`;
    const organizer = calendarReplyAddress(app.ctx.config);
    const [member, other] = s.members;
    const base = { uid, attendee: member!.email, name: member!.name, organizer };
    await deliver(message("outlook", { ...base, partstat: "TENTATIVE" }), member!.email);
    // Someone else's From answering for the member; an uninvited attendee; an unknown meeting; not our UID.
    await deliver(message("gmail", { ...base, partstat: "DECLINED", from: other!.email }), other!.email);
    await deliver(message("gmail", { ...base, attendee: "ukjent@example.org", partstat: "DECLINED" }), "ukjent@example.org");
    await deliver(message("apple", { ...base, uid: "finnes-ikke@moteinnkalling", partstat: "DECLINED" }), member!.email);
    await deliver(message("apple", { ...base, uid: "abc@google.com", partstat: "DECLINED" }), member!.email);
    // Not a calendar answer at all.
    await deliver(`From: ${member!.email}\r\nTo: ${organizer}\r\nSubject: Hei\r\n\r\nKommer du?\r\n`, member!.email);
    expect((await seats(s.meeting.id)).every((x) => x.status === "no_answer")).toBe(true);
    expect(await history(s.meeting.id)).toEqual([]);

    await deliver(message("outlook", { ...base, partstat: "ACCEPTED" }), member!.email);
    await deliver(message("outlook", { ...base, partstat: "ACCEPTED" }), member!.email);
    expect((await history(s.meeting.id)).filter((l) => l.from === "kalender")).toHaveLength(1);
  });

  it("after the reply deadline a calendar answer changes nothing (as the personal link)", async () => {
    const s = await invitedMeeting(app, api, 1, "2030-05-25T12:00");
    app.clock.set(new Date("2030-05-26T12:00:00Z"));
    try {
      const m = s.members[0]!;
      const organizer = calendarReplyAddress(app.ctx.config);
      await deliver(
        message("gmail", {
          uid: `${s.meeting.id}@moteinnkalling`,
          attendee: m.email,
          name: m.name,
          partstat: "DECLINED",
          organizer,
        }),
        m.email,
      );
      expect((await seats(s.meeting.id))[0]!.status).toBe("no_answer");
    } finally {
      app.clock.set(new Date());
    }
  });
});
