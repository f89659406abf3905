// The referat email tells what happened (sub-items, postponed texts, the secretariat by organisation, a correction);
// every email is marked Norwegian; a substitute's invitation says they may answer too.
import { describe, expect, it } from "vitest";
import type { MinutesEmailModel } from "../../../emails/model.js";
import { composeEmail, composeMinutesEmail, minutesShown } from "./compose.js";
import { recipient, seed000Model } from "./fixtures.js";

const referat = (over: Partial<MinutesEmailModel> = {}): MinutesEmailModel => ({
  meetingId: "m",
  version: Math.floor(Math.random() * 1e9),
  bodyName: "Rådmannsgruppen",
  meetingTitle: "Møte",
  ...minutesShown,
  place: "Drammen rådhus",
  present: ["Erik Kjeldstadli, Bærum"],
  secretariat: [
    { name: "Nina Solberg", organisation: "Vestregionen" },
    { name: "Lena Hansson", organisation: "Vestregionen" },
    { name: "Kari Nordmann", organisation: "Bærum" },
  ],
  absent: [],
  items: [
    {
      number: "18/2016",
      title: "Prosjekter innen prioriterte satsingsområder",
      status: "noted",
      subItems: [
        { letter: "A", title: "Kommunehelsesamarbeidet", text: "Dialogmøte 15.6.", status: "noted" },
        { letter: "B", title: "KomUt", decision: "Kjernejournal innføres høsten 2017.", status: "decided" },
        { letter: "C", title: "BPA", status: "postponed" },
      ],
    },
    { number: "19/2016", title: "Budsjett", decision: "Tas opp igjen i august etter ny høring.", status: "postponed" },
  ],
  attachments: [],
  secretariatContact: { name: "Nina", email: "nina@vestregionen.no" },
  ...over,
});
const flat = (s: string) => s.replace(/\s+/g, " ");
const erik = recipient("Erik Kjeldstadli", "erik@example.org");

describe("the referat email", () => {
  it("shows each case's sub-items in order with their own outcome, and a postponed case keeps its text", async () => {
    const mail = await composeMinutesEmail(referat(), erik);
    const text = flat(mail.text);
    const a = text.indexOf("A Kommunehelsesamarbeidet");
    const b = text.indexOf("B KomUt");
    const c = text.indexOf("C BPA – utsatt");
    expect(a).toBeGreaterThan(text.indexOf("Sak 18/2016"));
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(text).toContain("Dialogmøte 15.6.");
    expect(text).toContain("Vedtak: Kjernejournal innføres høsten 2017.");
    expect(text).toContain("Saken ble utsatt. Tas opp igjen i august etter ny høring.");
    expect(flat(mail.html)).toContain("C BPA – utsatt");
    expect(flat(mail.html)).toContain("Tas opp igjen i august etter ny høring.");
  });

  it("names the secretariat's organisations, grouped", async () => {
    const mail = await composeMinutesEmail(referat(), erik);
    expect(mail.text).toContain("Sekretariatet: Nina Solberg og Lena Hansson, Vestregionen, Kari Nordmann, Bærum");
    // Older models with plain names still read.
    const old = await composeMinutesEmail(referat({ secretariat: ["Nina Solberg", "Lena Hansson"] }), erik);
    expect(old.text).toContain("Sekretariatet: Nina Solberg og Lena Hansson");
  });

  it("says it is a corrected referat, with the reason", async () => {
    const mail = await composeMinutesEmail(referat({ correction: "Feil vedtak i sak 19/2016" }), erik);
    expect(mail.subject).toBe(`Korrigert referat fra møte i Rådmannsgruppen ${minutesShown.date}`);
    expect(mail.text).toContain("Dette er et korrigert referat. Grunnen til rettelsen: Feil vedtak i sak 19/2016");
    expect(mail.html).toContain("Grunnen til rettelsen: Feil vedtak i sak 19/2016");
  });
});

describe("every email", () => {
  it('is marked Norwegian: <html lang="nb">', async () => {
    const mails = [
      await composeMinutesEmail(referat(), erik),
      ...(await Promise.all(
        (["invitation", "reminder", "confirmation", "substitute-released"] as const).map((k) =>
          composeEmail(k, seed000Model({ version: 7001 }), erik),
        ),
      )),
    ];
    for (const m of mails) expect(m.html).toMatch(/<html[^>]* lang="nb"/);
  });

  it("a substitute's invitation says they may answer through the link or send forfall; others' do not", async () => {
    const substitute = { ...recipient("Kari Solberg Økland", "kari@example.org"), substituteFor: "Trond Julin" };
    const help = "Som stedfortreder for Trond Julin kan du selv svare gjennom lenken";
    for (const kind of ["invitation", "reminder"] as const) {
      const mail = await composeEmail(kind, seed000Model(), substitute);
      expect(flat(mail.text)).toContain(help);
      expect(flat(mail.text)).toContain("meld forfall");
      expect(flat(mail.html)).toContain(help);
      expect(flat((await composeEmail(kind, seed000Model(), erik)).text)).not.toContain("Som stedfortreder");
    }
  });
});
