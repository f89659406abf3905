// The referat email reads in seed 001's order: the facts, the opening, "Saker til behandling", then each case with
// its text, its sub-items and last the outcome of the whole case; a noted sub-item is not followed by a stock line.
import { describe, expect, it } from "vitest";
import type { MinutesEmailModel } from "../../../emails/model.js";
import { composeMinutesEmail, minutesShown } from "./compose.js";
import { recipient } from "./fixtures.js";

const model: MinutesEmailModel = {
  meetingId: "m-order",
  version: 424_242,
  bodyName: "Rådmannsgruppen",
  meetingTitle: "Møte",
  ...minutesShown,
  place: "Drammen rådhus",
  present: ["Erik Kjeldstadli, Bærum", "Kari Solberg Økland for Trond Julin, Drammen"],
  secretariat: [{ name: "Nina Solberg", organisation: "Vestregionen" }],
  absent: ["Torger Ødegaard, Hole"],
  items: [
    { number: null, title: "Godkjenning av innkalling og dagsorden", decision: "Godkjent.", status: "decided" },
    {
      number: "36/2017",
      title: "Prosjekter innen prioriterte satsingsområder",
      text: "Orienteringer fra prosjektene.",
      status: "noted",
      subItems: [
        { letter: "A", title: "Kommunehelsesamarbeidet", text: "Dialogmøte 15.6.", status: "noted" },
        { letter: "B", title: "KomUt", status: "noted" },
      ],
    },
    { number: "37/2017", title: "Budsjett", decision: "Budsjettet vedtas.", status: "decided" },
  ],
  attachments: [],
  secretariatContact: { name: "Nina", email: "nina@vestregionen.no" },
};

describe("the referat email's order", () => {
  it("follows seed 001: facts, opening, Saker til behandling, cases; a case's outcome after its sub-items", async () => {
    const mail = await composeMinutesEmail(model, recipient("Erik Kjeldstadli", "erik@example.org"));
    const text = mail.text.replace(/\s+/g, " ");
    const order = [
      "Tid:",
      "Sted: Drammen rådhus",
      "Til stede: Erik Kjeldstadli, Bærum, Kari Solberg Økland for Trond Julin, Drammen",
      "Sekretariatet: Nina Solberg, Vestregionen",
      "Forfall: Torger Ødegaard, Hole",
      "Godkjenning av innkalling og dagsorden Vedtak: Godkjent.",
      "Saker til behandling:",
      "Sak 36/2017 Prosjekter innen prioriterte satsingsområder Orienteringer fra prosjektene.",
      "A Kommunehelsesamarbeidet Dialogmøte 15.6. B KomUt Tatt til orientering.",
      "Sak 37/2017 Budsjett Vedtak: Budsjettet vedtas.",
    ].map((s) => text.indexOf(s));
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Said once, for the whole case, not after every sub-item.
    expect(text.split("Tatt til orientering.")).toHaveLength(2);
    expect(mail.html).toContain("Saker til behandling:");
  });
});
