// The email templates on the seed meetings: strict MJML, the invitation's content, escaping, render caching, the minutes (no I/O).
import mjml2html from "mjml";
import { describe, expect, it } from "vitest";
import { minutesTemplate } from "../../../emails/minutes-template.js";
import type { MinutesEmailModel } from "../../../emails/model.js";
import { mjmlRenderCount, personalise, recipientValues, renderTemplateCached } from "../../../emails/render.js";
import { loginTemplate, meetingTemplate } from "../../../emails/templates.js";
import { seed000, seed001 } from "../../../local/seed-data.js";
import { composeEmail, composeMinutesEmail, minutesShown } from "./compose.js";
import { recipient, seed000Model } from "./fixtures.js";

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
