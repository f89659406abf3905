// The drafted referat's opening reads as seed 001: "Godkjenning av innkalling og dagsorden — Vedtak: Godkjent."
import { describe, expect, it } from "vitest";
import { draftMinutes } from "../../shared/minutes/index.js";
import type { AgendaItem, Body, Meeting } from "../../shared/model.js";

const meeting = {
  id: "m1",
  startsAt: "2017-11-23T08:00:00.000Z",
  endsAt: "2017-11-23T10:15:00.000Z",
  place: "Drammen",
} as Meeting;
const body = { name: "Rådmannsgruppen", secretariat: { name: "Vestregionen", email: "s@v.no" } } as Body;
const item = (id: string, kind: string, proposedDecision?: string) =>
  ({ id, number: null, title: id, kind, subItems: [], attachmentNumbers: [], proposedDecision }) as unknown as AgendaItem;

describe("the drafted opening", () => {
  it("is approved unless the agenda proposed something else; other cases keep their proposal or none", () => {
    const agenda = [
      item("opening", "opening"),
      item("other-opening", "opening", "Godkjent med endringer."),
      item("case", "decision"),
    ];
    const draft = draftMinutes({ meeting, agenda, invitations: [] }, body, [], new Date("2017-11-24T08:00:00Z"));
    expect(draft.items.map((i) => i.decision)).toEqual(["Godkjent.", "Godkjent med endringer.", undefined]);
  });
});
