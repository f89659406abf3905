/** The secretariat pages' text-area formats: attendees, sub-items, attachment numbers. */
import { describe, expect, it } from "vitest";
import { parseAttendeeLines, parseNumberList, parseSubItems } from "../../functions/api/web/parse.js";

describe("secretariat page text formats", () => {
  it("reads attendees as the minutes write them (seed 001)", () => {
    expect(parseAttendeeLines("Erik Kjeldstadli, Bærum\nKari Solberg Økland for Trond Julin, Drammen\n\nNina Solberg")).toEqual([
      { name: "Erik Kjeldstadli", organisation: "Bærum" },
      { name: "Kari Solberg Økland", substituteFor: "Trond Julin", organisation: "Drammen" },
      { name: "Nina Solberg", organisation: undefined },
    ]);
  });

  it("reads sub-items with bullets (seed 000, Sak 18)", () => {
    expect(
      parseSubItems(
        "A Kommnehelsesamarbeidet\n- Psykisk helse og rus\n- Funksjonsorienterte pasientforløp\nB KomUt\nD Folkehelse",
      ),
    ).toEqual([
      { letter: "A", title: "Kommnehelsesamarbeidet", bullets: ["Psykisk helse og rus", "Funksjonsorienterte pasientforløp"] },
      { letter: "B", title: "KomUt", bullets: [] },
      { letter: "D", title: "Folkehelse", bullets: [] },
    ]);
  });

  it("reads attachment numbers like «Vedlegg 4+5+6»", () => {
    expect(parseNumberList("4+5+6")).toEqual([4, 5, 6]);
    expect(parseNumberList("")).toEqual([]);
  });
});
