// The archival PDFs read back as text (unpdf, pdf.js): the email's content, æøå intact, PDF/A markers, the body's language.
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import type { MeetingEmailModel, MinutesEmailModel } from "../../emails/index.js";
import { innkallingPdf, referatPdf } from "../../shared/archival-pdf/index.js";

const textOf = async (bytes: Buffer) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
};

const meeting: MeetingEmailModel = {
  meetingId: "m1",
  version: 1,
  sequence: 0,
  status: "scheduled",
  bodyName: "Rådmannsgruppen",
  meetingTitle: "Møte i Rådmannsgruppen",
  startsAt: "2017-06-01T07:00:00.000Z",
  endsAt: "2017-06-01T10:00:00.000Z",
  date: "01.06.2017",
  when: "Torsdag 01.06.2017 kl. 09.00 – 12.00",
  deadline: "25.05.2017 kl. 12.00",
  place: "Drammen rådhus, møterom Øvre Eiker",
  kind: "physical",
  agenda: [
    {
      number: "12/2017",
      title: "Godkjenning av referat",
      kind: "decision",
      proposedDecision: "Referatet fra møtet 4. mai godkjennes.",
      subItems: [],
      attachmentNumbers: [],
    },
    {
      number: "18/2017",
      title: "Prosjekter innen prioriterte satsingsområder",
      kind: "information",
      subItems: [{ letter: "A", title: "Kommunehelsesamarbeidet", bullets: ["Psykisk helse og rus"] }],
      attachmentNumbers: [1],
    },
  ],
  attachments: [{ number: 1, title: "Notat om KomUt" }],
  secretariat: { name: "Nina Solberg", email: "nina@vestregionen.no" },
  organiserEmail: "svar@vestregionen.no",
};

const minutes: MinutesEmailModel = {
  meetingId: "m1",
  version: 2,
  bodyName: "Rådmannsgruppen",
  meetingTitle: "Møte i Rådmannsgruppen",
  date: "01.06.2017",
  when: "Torsdag 01.06.2017 kl. 09.00 – 11.15",
  place: "Drammen rådhus",
  present: ["Erik Kjeldstadli, Bærum", "Kari Solberg Økland for Trond Julin, Drammen"],
  secretariat: [
    { name: "Nina Solberg", organisation: "Vestregionen" },
    { name: "Lena Hansson", organisation: "Vestregionen" },
  ],
  absent: ["Åse Grønland, Sande"],
  items: [
    { number: "12/2017", title: "Godkjenning av referat", status: "decided", decision: "Referatet godkjennes." },
    {
      number: "18/2017",
      title: "Prosjekter",
      status: "noted",
      subItems: [
        { letter: "A", title: "KomUt", status: "decided", decision: "Kjernejournal innføres høsten 2017." },
        { letter: "B", title: "BPA", status: "postponed", text: "Revisjonen er ikke ferdig." },
      ],
    },
    { number: "19/2017", title: "Budsjett", status: "postponed", decision: "Tas opp igjen i august." },
  ],
  attachments: [{ number: 1, title: "Notat om KomUt" }],
  secretariatContact: { name: "Nina Solberg", email: "nina@vestregionen.no" },
};

describe("the archival PDFs", () => {
  it("the innkalling has the facts, the cases with proposed decisions and sub-items, and the attachments", async () => {
    const text = await textOf(await innkallingPdf(meeting, undefined));
    expect(text).toContain("Innkalling til møte i Rådmannsgruppen");
    expect(text).toContain("Drammen rådhus, møterom Øvre Eiker");
    expect(text).toContain("Svarfrist: 25.05.2017 kl. 12.00");
    expect(text).toContain("Sak 12/2017 Godkjenning av referat");
    expect(text).toContain("Forslag til vedtak: Referatet fra møtet 4. mai godkjennes.");
    expect(text).toContain("A Kommunehelsesamarbeidet");
    expect(text).toContain("Vedlegg 1: Notat om KomUt");
  });

  it("the referat has attendance, each outcome and the sub-items in order, with æøå intact", async () => {
    const text = await textOf(await referatPdf(minutes, "nb"));
    expect(text).toContain("Referat fra møte i Rådmannsgruppen 01.06.2017");
    expect(text).toContain("Til stede: Erik Kjeldstadli, Bærum, Kari Solberg Økland for Trond Julin, Drammen");
    expect(text).toContain("Sekretariatet: Nina Solberg og Lena Hansson, Vestregionen");
    expect(text).toContain("Forfall: Åse Grønland, Sande");
    expect(text).toContain("Vedtak: Referatet godkjennes.");
    const a = text.indexOf("A KomUt");
    const b = text.indexOf("B BPA – utsatt");
    expect(a > 0 && b > a, `${a} ${b}`).toBe(true);
    expect(text).toContain("Vedtak: Kjernejournal innføres høsten 2017.");
    expect(text).toContain("Tatt til orientering.");
    expect(text).toContain("Saken ble utsatt. Tas opp igjen i august.");
  });

  it("is PDF/A-2b: XMP identification, the embedded DejaVu font, no unembedded standard font", async () => {
    const raw = (await referatPdf(minutes, "nb")).toString("latin1");
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    expect(raw).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(raw).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(raw).toContain("/OutputIntents");
  });

  it("speaks nynorsk for a nynorsk body", async () => {
    const referat = await textOf(await referatPdf(minutes, "nn"));
    expect(referat).toContain("Referat frå møte i Rådmannsgruppen");
    expect(referat).toContain("Til stades:");
    expect(referat).toContain("Saka vart utsett.");
    const innkalling = await textOf(await innkallingPdf(meeting, "nn"));
    expect(innkalling).toContain("Framlegg til vedtak:");
    expect(innkalling).toContain("Saker til handsaming");
  });
});
