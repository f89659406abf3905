// The MIME message's headers: multipart with a calendar part, no injected headers, placeholders never in a header (no I/O).
import { describe, expect, it } from "vitest";
import { fillEmail, type Recipient } from "../../../emails/index.js";
import { prepareMime } from "../../../emails/mime.js";
import { personalise, recipientValues } from "../../../emails/render.js";
import { composeEmail, composeMinutesEmail, minutesShown } from "./compose.js";
import { recipient, seed000Model } from "./fixtures.js";

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
