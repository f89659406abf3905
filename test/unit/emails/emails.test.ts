// The email templates, the calendar entry and the MIME message, on the seed meetings (no I/O).
import ICAL from "ical.js";
import mjml2html from "mjml";
import { describe, expect, it } from "vitest";
import { buildCalendar, calendarFor } from "../../../emails/ical.js";
import {
  fillEmail,
  type MeetingTemplateKind,
  personalCopy,
  prepareEmail,
  prepareMinutesEmail,
  type Recipient,
} from "../../../emails/index.js";
import { prepareMime } from "../../../emails/mime.js";
import type { MeetingEmailModel, MinutesEmailModel } from "../../../emails/model.js";
import { mjmlRenderCount, personalise, recipientValues, renderTemplateCached } from "../../../emails/render.js";
import { loginTemplate, meetingTemplate, minutesTemplate } from "../../../emails/templates.js";
import { seed000, seed001 } from "../../../local/seed-data.js";
import { formatMeetingTime, formatOsloDate, osloLocalToUtc } from "../../../shared/time.js";
import { recipient, seed000Model, sender, shown } from "./fixtures.js";

const minutesShown = {
  date: formatOsloDate("2017-11-23T08:00:00Z"),
  when: formatMeetingTime("2017-11-23T08:00:00Z", "2017-11-23T10:15:00Z"),
};

/** One recipient's email as the worker makes it: prepared once, filled in; with the copy the preview shows. */
async function composeEmail(kind: MeetingTemplateKind, model: MeetingEmailModel, to: Recipient) {
  const prepared = await prepareEmail(kind, model, sender);
  return { raw: fillEmail(prepared.email, to), ...personalCopy(prepared, to) };
}
async function composeMinutesEmail(model: MinutesEmailModel, to: Recipient) {
  const prepared = await prepareMinutesEmail(model, sender);
  return { raw: fillEmail(prepared.email, to), ...personalCopy(prepared, to) };
}
const buildInvitationIcs = (model: MeetingEmailModel, attendee: { name: string; email: string }, method: "REQUEST" | "CANCEL") =>
  calendarFor(buildCalendar(model, method), attendee);

describe("email templates", () => {
  it("pass mjml validation at level strict (every template)", async () => {
    const minutes: MinutesEmailModel = {
      meetingId: "m",
      version: 1,
      bodyName: "Rådmannsgruppen",
      meetingTitle: "Møte",
      ...minutesShown,
      place: "Drammen rådhus",
      present: ["Erik Kjeldstadli, Bærum"],
      secretariat: ["Nina Solberg"],
      absent: [],
      items: [{ number: "29/2017", title: "Referat", decision: "Godkjent.", status: "decided" }],
      attachments: [],
      secretariatContact: { name: "Nina", email: "nina@vestregionen.no" },
    };
    const sources = [
      ...(["invitation", "reminder", "confirmation", "substitute-released"] as const).map((k) =>
        meetingTemplate(k, seed000Model()),
      ),
      meetingTemplate("invitation", seed000Model({ status: "cancelled" })),
      minutesTemplate(minutes),
      loginTemplate(),
    ];
    for (const s of sources) {
      const out = await mjml2html(s.mjml, { validationLevel: "strict" });
      expect(out.errors).toEqual([]);
    }
  });

  it("the invitation shows the time in Norwegian form, every case, title and proposed decision, and the sub-items", async () => {
    const mail = await composeEmail("invitation", seed000Model(), recipient("Erik Kjeldstadli", "erik@example.org"));
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Torsdag 01.06.2017 kl. 09.00 – 12.00");
      for (let n = 12; n <= 20; n++) expect(part).toContain(`Sak ${n}/2017`);
      expect(part).not.toContain("2016");
    }
    const flat = (s: string) => s.replace(/\s+/g, " ").replace(/&#39;|&amp;/g, (e) => (e === "&amp;" ? "&" : "'"));
    for (const item of seed000.agenda) {
      expect(flat(mail.text)).toContain(item.title);
      if ((item as { proposedDecision?: string }).proposedDecision)
        expect(flat(mail.text)).toContain((item as { proposedDecision: string }).proposedDecision);
    }
    expect(mail.text).toContain("G Ungdomssymfonikerne");
    expect(mail.text).toContain("Status evaluering av orkesteret; resultater fra undersøkelse");
    expect(mail.html).toContain('href="https://moter.example.org/r/erik@example.org"');
    expect(mail.html).toContain('href="https://moter.example.org/a/erik@example.org/4"');
  });

  it("escapes user text in HTML and never substitutes a placeholder written by a user", async () => {
    const evil = seed000Model({ meetingId: "evil", meetingTitle: `<script>alert(1)</script> & "x" %%NAVN%%` });
    const mail = await composeEmail("invitation", evil, recipient("Ola", "ola@example.org"));
    expect(mail.html).not.toContain("<script>alert(1)</script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.text).not.toMatch(/alert\(1\)<\/script> & "x" Ola/);
    expect(mail.subject).not.toContain("\n");
  });

  it("renders MJML once per meeting version, then personalises per recipient", async () => {
    const model = seed000Model({ meetingId: "cache-test" });
    const before = mjmlRenderCount();
    const a = await composeEmail("invitation", model, recipient("Tuss Benum", "tuss@example.org"));
    const b = await composeEmail("invitation", model, recipient("Bente Gravdal", "bente@example.org"));
    expect(mjmlRenderCount() - before).toBe(1);
    expect(a.html).toContain("Tuss Benum");
    expect(b.html).toContain("Bente Gravdal");
    expect(a.html.replaceAll("Tuss Benum", "X").replaceAll("tuss@example.org", "Y")).toBe(
      b.html.replaceAll("Bente Gravdal", "X").replaceAll("bente@example.org", "Y"),
    );
    await composeEmail("invitation", { ...model, version: 2 }, recipient("Tuss Benum", "tuss@example.org"));
    expect(mjmlRenderCount() - before).toBe(2);
    const html = personalise(
      await renderTemplateCached("x", () => meetingTemplate("invitation", model)),
      recipientValues(recipient(`<b>"Ola"</b>`, "o@example.org"), "none"),
    );
    expect(html.html).toContain("&lt;b&gt;&quot;Ola&quot;&lt;/b&gt;");
  });

  it("the minutes read like seed 001", async () => {
    const minutes: MinutesEmailModel = {
      meetingId: "seed001",
      version: 3,
      bodyName: "Rådmannsgruppen",
      meetingTitle: "Møte",
      ...minutesShown,
      place: "Drammen rådhus",
      present: ["Erik Kjeldstadli, Bærum", "Kari Solberg Økland for Trond Julin, Drammen"],
      secretariat: seed001.secretariat,
      absent: ["Torger Ødegaard, Hole"],
      items: [
        {
          number: "29/2017",
          title: "Referat fra møte i Rådmannsgruppen",
          text: "Til behandling forelå referat fra møte 14.09.2017",
          decision: "Framlagt forslag til referat godkjennes.",
          status: "decided",
        },
        { number: "30/2017", title: "Utsatt sak", status: "postponed" },
      ],
      attachments: [],
      secretariatContact: { name: "Nina Solberg", email: "nina@vestregionen.no" },
    };
    const mail = await composeMinutesEmail(minutes, recipient("Erik", "erik@example.org"));
    expect(mail.subject).toBe("Referat fra møte i Rådmannsgruppen 23.11.2017");
    expect(mail.text).toContain("Tid: Torsdag 23.11.2017 kl. 09.00 – 11.15");
    expect(mail.text).toContain("Til stede: Erik Kjeldstadli, Bærum, Kari Solberg Økland for Trond Julin, Drammen");
    expect(mail.text).toContain("Sekretariatet: Nina Solberg og Lena Hansson");
    expect(mail.text).toContain("Forfall: Torger Ødegaard, Hole");
    expect(mail.text).toContain("Vedtak:\nFramlagt forslag til referat godkjennes.");
    expect(mail.text).toContain("Saken ble utsatt.");
  });
});

describe("iCalendar invitation", () => {
  const parse = (ics: string) => {
    const comp = new ICAL.Component(ICAL.parse(ics));
    const ev = comp.getFirstSubcomponent("vevent")!;
    return { method: comp.getFirstPropertyValue("method"), ev };
  };

  it("has a stable UID, the SEQUENCE, and correct Oslo time in summer and winter", () => {
    const summer = parse(buildInvitationIcs(seed000Model(), { name: "Erik", email: "erik@example.org" }, "REQUEST"));
    expect(summer.method).toBe("REQUEST");
    expect(summer.ev.getFirstPropertyValue("uid")).toBe("01seed000meeting0000000000@moteinnkalling");
    expect(summer.ev.getFirstPropertyValue("sequence")).toBe(0);
    expect((summer.ev.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2017-06-01T07:00:00.000Z");
    expect(String(summer.ev.getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:sekretariat@vestregionen.no");
    expect(String(summer.ev.getFirstPropertyValue("attendee")).toLowerCase()).toBe("mailto:erik@example.org");

    const winter = seed000Model({
      ...shown(osloLocalToUtc("2017-11-23T09:00"), osloLocalToUtc("2017-11-23T11:15")),
      sequence: 1,
    });
    const w = parse(buildInvitationIcs(winter, { name: "Erik", email: "erik@example.org" }, "REQUEST"));
    expect((w.ev.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2017-11-23T08:00:00.000Z");
    expect(w.ev.getFirstPropertyValue("uid")).toBe(summer.ev.getFirstPropertyValue("uid"));
    expect(w.ev.getFirstPropertyValue("sequence")).toBe(1);
  });

  it("a cancelled meeting sends CANCEL", () => {
    const c = parse(
      buildInvitationIcs(
        seed000Model({ status: "cancelled", sequence: 2 }),
        { name: "Erik", email: "erik@example.org" },
        "CANCEL",
      ),
    );
    expect(c.method).toBe("CANCEL");
    expect(c.ev.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(c.ev.getFirstPropertyValue("sequence")).toBe(2);
  });
});

describe("MIME message", () => {
  it("is multipart/alternative with a text/calendar REQUEST part, Reply-To, and a UTF-8 subject", async () => {
    const mail = await composeEmail(
      "invitation",
      seed000Model({ meetingId: "mime" }),
      recipient("Kari Solberg Økland", "kari@example.org"),
    );
    const raw = mail.raw.toString("utf8");
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    expect(raw).toMatch(/^Reply-To: nina@vestregionen\.no/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
  });

  it("cannot be given extra headers through a subject or a name", async () => {
    const prepared = await prepareMime(
      {
        from: { name: "Sekretariatet\r\nBcc: evil@example.com", address: "s@example.org" },
        subject: "Møte\r\nBcc: evil@example.com",
        html: "<p>%%NAVN%%</p>",
        text: "%%NAVN%%",
      },
      "none",
    );
    const raw = fillEmail(prepared, {
      name: "Ola\r\nBcc: evil@example.com",
      email: "ola@example.org",
      attachmentBaseUrl: "",
    }).toString("utf8");
    const headers = raw.split(/\r?\n\r?\n/)[0]!;
    expect(headers).not.toMatch(/^Bcc:/im);
  });
});

describe("placeholders never reach a header", () => {
  /** The header block of a raw message, unfolded, with RFC 2047 encoded words decoded. */
  const headerBlock = (raw: Buffer) =>
    raw
      .toString("utf8")
      .split(/\r?\n\r?\n/)[0]!
      .replace(/\r?\n[ \t]+/g, " ")
      .replace(/(=\?UTF-8\?[BQ]\?[^?]*\?=[ \t]*)+/gi, (run) =>
        Buffer.concat(
          [...run.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
            enc!.toUpperCase() === "B"
              ? Buffer.from(text!, "base64")
              : Buffer.from(
                  text!.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
                  "latin1",
                ),
          ),
        ).toString("utf8"),
      );

  it("%%SVARLENKE%% in a meeting title or body name puts the personal link in the Subject: every template keeps it inert", async () => {
    const evil = {
      bodyName: "Organ %%SVARLENKE%% %%NAVN%%",
      meetingTitle: "Møte %%SVARLENKE%% %%VEDLEGG%% %%STEDFORTREDER%% %%SVAR%%",
    };
    const to: Recipient = {
      ...recipient("Erik Kjeldstadli", "erik@example.org"),
      substituteFor: "Trond Julin",
      reply: { status: "attending" },
    };
    const kinds = ["invitation", "reminder", "confirmation", "substitute-released"] as const;
    const mails = [
      ...(await Promise.all(kinds.map((k, i) => composeEmail(k, seed000Model({ meetingId: `subject-${i}`, ...evil }), to)))),
      await composeEmail("invitation", seed000Model({ meetingId: "subject-cancel", status: "cancelled", ...evil }), to),
      await composeEmail("invitation", seed000Model({ meetingId: "subject-update", sequence: 1, ...evil }), to),
      await composeMinutesEmail(
        {
          meetingId: "subject-minutes",
          version: 1,
          bodyName: evil.bodyName,
          meetingTitle: evil.meetingTitle,
          ...minutesShown,
          place: "Drammen rådhus",
          present: [],
          secretariat: [],
          absent: [],
          items: [],
          attachments: [],
          secretariatContact: { name: "Nina", email: "nina@vestregionen.no" },
        },
        to,
      ),
    ];
    for (const mail of mails) {
      expect(mail.subject).not.toContain("moter.example.org");
      expect(mail.subject).not.toContain("Erik Kjeldstadli");
      expect(mail.subject).toContain("Organ %%SVARLENKE%% %%NAVN%%");
      const headers = headerBlock(mail.raw);
      expect(headers).not.toContain("/r/");
      expect(headers).not.toContain("/a/");
      expect(headers).toContain("Organ %%SVARLENKE%% %%NAVN%%");
    }
    // The body is still personalised: the link is where the template put it.
    expect(mails[0]!.html).toContain('href="https://moter.example.org/r/erik@example.org"');
    expect(mails[0]!.text).toContain("Erik Kjeldstadli");
  });

  it("personalise substitutes in the body parts only, never in the subject", () => {
    const copy = personalise(
      {
        subject: "Innkalling %%SVARLENKE%% %%NAVN%%",
        html: '<a href="%%SVARLENKE%%">%%NAVN%%</a>',
        text: "%%NAVN%%: %%SVARLENKE%%",
      },
      recipientValues(recipient("Ola", "ola@example.org"), "none"),
    );
    expect(copy.subject).toBe("Innkalling %%SVARLENKE%% %%NAVN%%");
    expect(copy.html).toBe('<a href="https://moter.example.org/r/ola@example.org">Ola</a>');
    expect(copy.text).toBe("Ola: https://moter.example.org/r/ola@example.org");
  });
});
