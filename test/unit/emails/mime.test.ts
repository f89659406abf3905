// A recipient's copy of a prepared message: valid quoted-printable, the preview's content, their own calendar and headers.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { fillEmail, personalCopy, prepareEmail, type Recipient } from "../../../emails/index.js";
import { recipient, seed000Model, sender } from "./fixtures.js";

describe("a recipient's copy of the prepared message", () => {
  /** The body of the part with this content type, as it stands in the message (still encoded). */
  const partBody = (raw: string, contentType: string) => {
    const at = raw.indexOf(`Content-Type: ${contentType}`);
    expect(at, `no ${contentType} part`).toBeGreaterThan(0);
    const start = raw.indexOf("\r\n\r\n", at) + 4;
    return raw.slice(start, raw.indexOf("\r\n--", start));
  };
  /** Quoted-printable decoding as a mail reader does it, refusing anything RFC 2045 does not allow. */
  const decodeQp = (body: string) => {
    for (const line of body.split("\r\n")) {
      expect(line.length, `line over 76 octets: ${line}`).toBeLessThanOrEqual(76);
      expect(line).toMatch(/^([\x21-\x3c\x3e-\x7e\t ]|=[0-9A-F]{2})*=?$/);
      expect(line, "whitespace at the end of a line").not.toMatch(/[ \t]$/);
    }
    const bytes = body
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  };
  const awkward: Recipient = {
    name: `Kari "Q" Sølberg-Økland = <kari> ${"æøå ".repeat(30)}  `,
    email: "kari@example.org",
    replyUrl: `https://moter.example.org/r/${"x".repeat(120)}=`,
    attachmentBaseUrl: "https://moter.example.org/a/abc",
    substituteFor: "Trond Jülin",
  };

  it("decodes to exactly the copy the preview shows, with lines a mail reader accepts", async () => {
    const prepared = await prepareEmail("invitation", seed000Model({ meetingId: "fill" }), sender);
    const raw = fillEmail(prepared.email, awkward).toString("utf8");
    expect(raw).not.toMatch(/[^\r]\n/);
    for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
    const copy = personalCopy(prepared, awkward);
    expect(decodeQp(partBody(raw, "text/html"))).toBe(copy.html.replace(/\r?\n/g, "\r\n"));
    expect(decodeQp(partBody(raw, "text/plain"))).toBe(copy.text.replace(/\r?\n/g, "\r\n"));
    expect(copy.html).toContain("Kari &quot;Q&quot; Sølberg-Økland = &lt;kari&gt;");
    expect(copy.html).toContain(`href="${awkward.replyUrl}"`);
  });

  it("carries the recipient's own calendar entry, To header and Message-ID", async () => {
    const prepared = await prepareEmail("invitation", seed000Model({ meetingId: "fill-cal" }), sender);
    const a = fillEmail(prepared.email, awkward).toString("utf8");
    const b = fillEmail(prepared.email, recipient("Ola Nordmann", "ola@example.org")).toString("utf8");
    for (const [raw, who] of [
      [a, awkward.email],
      [b, "ola@example.org"],
    ] as const) {
      const ics = Buffer.from(partBody(raw, "text/calendar").replace(/\r\n/g, ""), "base64").toString("utf8");
      const ev = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
      expect(String(ev.getFirstPropertyValue("attendee")).toLowerCase()).toBe(`mailto:${who}`);
      expect(Buffer.from(partBody(raw, "application/ics").replace(/\r\n/g, ""), "base64").toString("utf8")).toBe(ics);
      // Folded header lines unfolded, as a reader does.
      expect(raw.replace(/\r\n[ \t]+/g, " ")).toMatch(new RegExp(`^To: [^\\r]*<${who}>\\r$`, "m"));
    }
    const id = (raw: string) => /^Message-ID: (.*)$/m.exec(raw)?.[1];
    expect(id(a)).toMatch(/^<[0-9a-f-]+@vestregionen\.no>\r?$/);
    expect(id(a)).not.toBe(id(b));
  });
});
