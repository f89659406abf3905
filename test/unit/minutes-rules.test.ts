// The minutes domain's pure rules: the first draft, an edit as the next version, an attendee's line.
import { describe, expect, it } from "vitest";
import { InvalidError } from "../../shared/errors.js";
import { attendeeLine, draftMinutes, editMinutes } from "../../shared/minutes/index.js";
import type { AgendaItem, Body, Invitation, Meeting, Member, Minutes } from "../../shared/model.js";

const meeting = {
  id: "m1",
  bodyId: "b1",
  startsAt: "2017-06-01T07:00:00.000Z",
  endsAt: "2017-06-01T10:00:00.000Z",
  place: "Drammen",
} as Meeting;
const body = {
  id: "b1",
  name: "Rådmannsgruppen",
  shortName: "RG",
  secretariat: { name: "Vestregionen", email: "s@v.no" },
} as Body;
const seat = (id: string, name: string, reply?: Invitation["reply"], role = "member") =>
  ({ id, name, organisationName: "Asker", reply, role }) as Invitation;
const agenda = [
  {
    id: "i1",
    number: "12/2017",
    title: "Budsjett",
    kind: "decision",
    proposedDecision: "Vedtas.",
    background: "Bakgrunn",
    subItems: [],
  },
  { id: "i2", number: "13/2017", title: "Orientering", kind: "information", subItems: [] },
] as unknown as AgendaItem[];
const now = new Date("2017-06-02T08:00:00.000Z");

describe("the first draft", () => {
  const invitations = [
    seat("a", "Erik", { status: "attending" } as Invitation["reply"]),
    seat("b", "Trond", { status: "substitute", substitute: { name: "Kari" } } as Invitation["reply"]),
    seat("c", "Nils"),
    { ...seat("d", "Per"), withdrawn: true } as Invitation,
  ];
  const draft = draftMinutes({ meeting, agenda, invitations }, body, [] as Member[], now);

  it("takes present, substitutes and absent from the replies; withdrawn seats are left out", () => {
    expect(draft.present).toEqual([
      { name: "Erik", organisation: "Asker" },
      { name: "Kari", organisation: "Asker", substituteFor: "Trond" },
    ]);
    expect(draft.absent).toEqual([{ name: "Nils", organisation: "Asker" }]);
    expect(draft.secretariat).toEqual([{ name: "Vestregionen" }]);
  });

  it("pre-fills decisions from the proposals; information is noted", () => {
    expect(draft.items.map((i) => [i.number, i.decision, i.status])).toEqual([
      ["12/2017", "Vedtas.", "decided"],
      ["13/2017", undefined, "noted"],
    ]);
  });
});

describe("an edit", () => {
  const base: Minutes = draftMinutes({ meeting, agenda, invitations: [] }, body, [], now);
  const approved: Minutes = { ...base, version: 3, status: "approved", approvedAt: now.toISOString(), approvedBy: "x" };

  it("is the next version, and leaves the read minutes untouched", () => {
    const next = editMinutes(base, { items: [{ itemId: "i1", decision: "Endret." }] }, "sekretær", now);
    expect(next.version).toBe(1);
    expect(next.items[0]?.decision).toBe("Endret.");
    expect(base.items[0]?.decision).toBe("Vedtas.");
  });

  it("refuses an end before the start and an unknown item", () => {
    expect(() => editMinutes(base, { endedAt: "2017-06-01T08:00" }, "s", now)).toThrow(InvalidError);
    expect(() => editMinutes(base, { items: [{ itemId: "zz" }] }, "s", now)).toThrow(InvalidError);
  });

  it("changes approved minutes only with a reason, back to draft", () => {
    expect(() => editMinutes(approved, { place: "Asker" }, "s", now)).toThrow(InvalidError);
    const corrected = editMinutes(approved, { place: "Asker", correctionReason: "Feil sted" }, "s", now);
    expect(corrected).toMatchObject({ status: "draft", place: "Asker", correctionReason: "Feil sted", version: 4 });
    expect(corrected.approvedAt).toBeUndefined();
  });
});

it("writes an attendee as in the seeds", () => {
  expect(attendeeLine({ name: "Kari Solberg Økland", substituteFor: "Trond Julin", organisation: "Drammen" })).toBe(
    "Kari Solberg Økland for Trond Julin, Drammen",
  );
  expect(attendeeLine({ name: "Erik Kjeldstadli" })).toBe("Erik Kjeldstadli");
});
