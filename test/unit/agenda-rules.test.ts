// The meetings domain's pure rules: case numbers, meeting changes, where a new item goes, edits and moves.
import { describe, expect, it } from "vitest";
import { ConflictError, InvalidError, NotFoundError } from "../../shared/errors.js";
import { AddAgendaItemInput, UpdateAgendaItemInput } from "../../shared/inputs.js";
import {
  checkAttachmentRemovable,
  checkMeetingTimes,
  compareCaseNumbers,
  copiedTimes,
  editAgendaItem,
  formatCaseNumber,
  meetingChanges,
  moveCase,
  planAgendaItem,
  removeCase,
  shownStatus,
  suggestedCopyDate,
} from "../../shared/meetings/index.js";
import type { AgendaItem, Attachment, Meeting } from "../../shared/model.js";

const meeting: Meeting = {
  id: "m1",
  bodyId: "b1",
  title: "Rådmannsgruppen",
  startsAt: "2016-12-31T23:30:00.000Z", // already 2017 in Oslo
  endsAt: "2017-01-01T01:00:00.000Z",
  place: "Drammen",
  kind: "physical",
  status: "draft",
  version: 1,
  sequence: 0,
  published: false,
  createdAt: "2016-12-01T00:00:00.000Z",
  updatedAt: "2016-12-01T00:00:00.000Z",
};
const item = (id: string, kind: AgendaItem["kind"], order: number, number: string | null): AgendaItem => ({
  id,
  meetingId: "m1",
  number,
  title: `Sak ${id}`,
  kind,
  subItems: [],
  attachmentNumbers: [],
  order,
});
const input = (kind: AgendaItem["kind"]) => ({ title: "Ny", kind, subItems: [], attachmentNumbers: [] });
const agenda = [
  item("open", "opening", -1_000_000, null),
  item("a", "decision", 10, "12/2017"),
  item("b", "information", 20, "13/2017"),
  item("c", "decision", 30, "14/2017"),
  item("close", "closing", 1_000_000, null),
];

describe("case numbers", () => {
  it("reads 12/2017 and orders by year, then number", () => {
    expect(formatCaseNumber(12, 2017)).toBe("12/2017");
    expect(["1/2018", "10/2017", "9/2017"].sort(compareCaseNumbers)).toEqual(["9/2017", "10/2017", "1/2018"]);
  });
});

describe("meeting changes", () => {
  it("converts times to UTC and turns a cleared deadline into a removal", () => {
    const changes = meetingChanges({ startsAt: "2017-06-01T09:00", replyDeadline: null });
    expect(changes).toEqual({ startsAt: "2017-06-01T07:00:00.000Z", replyDeadline: undefined });
    expect("replyDeadline" in changes).toBe(true);
    expect(meetingChanges({ title: "X" })).toEqual({ title: "X" });
  });

  it("refuses an end before the start and a deadline after it", () => {
    expect(checkMeetingTimes({ startsAt: "2017-06-01T07:00Z", endsAt: "2017-06-01T07:00Z" }).map((e) => e.field)).toEqual([
      "endsAt",
    ]);
    expect(
      checkMeetingTimes({ startsAt: "2017-06-01T07:00Z", endsAt: "2017-06-01T08:00Z", replyDeadline: "2017-06-01T07:00Z" }).map(
        (e) => e.field,
      ),
    ).toEqual(["replyDeadline"]);
  });
});

describe("a new agenda item", () => {
  it("puts a case after the last case, numbered in the Oslo year of the meeting", () => {
    expect(planAgendaItem(meeting, agenda, input("decision"), [])).toMatchObject({
      item: { order: 40, kind: "decision" },
      caseYear: 2017,
    });
    expect(planAgendaItem(meeting, [], input("information"), [])).toMatchObject({ item: { order: 10 }, caseYear: 2017 });
  });

  it("gives the opening and closing items fixed places and no number", () => {
    const plan = planAgendaItem(meeting, [], input("closing"), []);
    expect(plan.item.order).toBe(1_000_000);
    expect(plan.caseYear).toBeUndefined();
  });

  it("refuses a second opening or closing item, and any item on a cancelled meeting", () => {
    expect(() => planAgendaItem(meeting, agenda, input("opening"), [])).toThrow(ConflictError);
    expect(() => planAgendaItem(meeting, agenda, input("closing"), [])).toThrow(ConflictError);
    expect(() => planAgendaItem({ ...meeting, status: "cancelled" }, [], input("decision"), [])).toThrow(ConflictError);
  });
});

describe("editing and moving", () => {
  it("changes only the fields given; null clears the background", () => {
    const withText = [{ ...item("a", "decision", 10, "12/2017"), background: "B", proposedDecision: "P" }];
    const next = editAgendaItem(withText, "a", { background: null, proposedDecision: undefined, title: "Ny tittel" }, []);
    expect(next).toMatchObject({ title: "Ny tittel", proposedDecision: "P" });
    expect(next.background).toBeUndefined();
    expect(() => editAgendaItem(withText, "x", { background: undefined, proposedDecision: undefined }, [])).toThrow(
      NotFoundError,
    );
  });

  it("deals the meeting's numbers out again in the new order", () => {
    const moved = moveCase(agenda, "c", 0, false);
    expect(moved.map((i) => [i.id, i.number, i.order])).toEqual([
      ["c", "12/2017", 10],
      ["a", "13/2017", 20],
      ["b", "14/2017", 30],
    ]);
    expect(moveCase(agenda, "a", 99, false).map((i) => i.id)).toEqual(["b", "c", "a"]);
  });

  it("keeps the opening and closing items where they are", () => {
    expect(() => moveCase(agenda, "open", 1, false)).toThrow(ConflictError);
    expect(() => moveCase(agenda, "nope", 1, false)).toThrow(NotFoundError);
  });
});

describe("case numbers once the innkalling has gone out", () => {
  const invited: Meeting = { ...meeting, status: "invited", invitedVersion: 1 };

  it("a move keeps every number (only the order changes)", () => {
    expect(moveCase(agenda, "c", 0, true).map((i) => [i.id, i.number, i.order])).toEqual([
      ["c", "14/2017", 10],
      ["a", "12/2017", 20],
      ["b", "13/2017", 30],
    ]);
  });

  it("before it, a case is deleted and the rest numbered again; after it, withdrawn with its number", () => {
    expect(removeCase(meeting, agenda, "a")).toEqual({
      kind: "deleted",
      itemId: "a",
      freed: "14/2017",
      renumbered: [
        { ...agenda[2], number: "12/2017" },
        { ...agenda[3], number: "13/2017" },
      ],
    });
    expect(removeCase(invited, agenda, "a")).toEqual({ kind: "withdrawn", item: { ...agenda[1], withdrawn: true } });
    expect(() => removeCase(invited, [{ ...agenda[1]!, withdrawn: true }], "a")).toThrow("Saken er allerede trukket.");
    // «Eventuelt» has no number to keep: deleted even after the innkalling.
    expect(removeCase(invited, agenda, "close")).toEqual({ kind: "deleted", itemId: "close", renumbered: [] });
  });
});

describe("what an item may refer to", () => {
  const att = (number: number) => ({ number }) as Attachment;

  it("attachment numbers must be the meeting's own attachments", () => {
    const withAtt = { ...input("decision"), attachmentNumbers: [1, 3] };
    expect(() => planAgendaItem(meeting, agenda, withAtt, [att(1)])).toThrow(InvalidError);
    expect(() => planAgendaItem(meeting, agenda, withAtt, [att(1)])).toThrow("Vedlegg 3 finnes ikke på dette møtet.");
    expect(planAgendaItem(meeting, agenda, withAtt, [att(1), att(3)]).item.attachmentNumbers).toEqual([1, 3]);
    expect(() =>
      editAgendaItem(agenda, "a", { attachmentNumbers: [2], background: undefined, proposedDecision: undefined }, []),
    ).toThrow(InvalidError);
  });

  it("sub-item letters are unique within an item, in Norwegian", () => {
    const sub = (letter: string) => ({ letter, title: `Punkt ${letter}` });
    const add = AddAgendaItemInput.safeParse({ title: "Orienteringer", subItems: [sub("A"), sub("B"), sub("A")] });
    expect(add.success).toBe(false);
    expect(add.error?.issues[0]?.message).toContain("Bokstaven A er brukt flere ganger");
    expect(UpdateAgendaItemInput.safeParse({ subItems: [sub("A"), sub("A")] }).success).toBe(false);
    expect(UpdateAgendaItemInput.safeParse({ subItems: [sub("A"), sub("B")] }).success).toBe(true);
  });

  it("an attachment sent out, or still linked to a case, is not deleted", () => {
    const linked = [{ ...agenda[1]!, attachmentNumbers: [2] }];
    expect(() => checkAttachmentRemovable({ agenda: linked, attachment: att(2) })).toThrow("knyttet til sak 12/2017");
    expect(() => checkAttachmentRemovable({ agenda, attachment: att(2), sentNumbers: [1, 2] })).toThrow(ConflictError);
    expect(() => checkAttachmentRemovable({ agenda, attachment: att(3), sentNumbers: [1, 2] })).not.toThrow();
  });
});

describe("the meeting as shown, and its copy", () => {
  it("a meeting whose end has passed is shown as held", () => {
    expect(shownStatus({ ...meeting, status: "invited" }, new Date("2017-01-01T01:00:00Z"))).toBe("held");
    expect(shownStatus({ ...meeting, status: "invited" }, new Date("2017-01-01T00:59:00Z"))).toBe("invited");
    expect(shownStatus({ ...meeting, status: "cancelled" }, new Date("2018-01-01T00:00:00Z"))).toBe("cancelled");
  });

  it("a copy keeps the hours in Oslo time (across summer time) and the deadline's distance", () => {
    const june: Meeting = {
      ...meeting,
      startsAt: "2017-06-01T07:00:00.000Z", // Thursday 09:00 summer time
      endsAt: "2017-06-01T10:00:00.000Z",
      replyDeadline: "2017-05-25T10:00:00.000Z",
    };
    expect(suggestedCopyDate(june)).toBe("2017-06-29");
    expect(copiedTimes(june, "2017-11-02")).toEqual({
      startsAt: "2017-11-02T09:00",
      endsAt: "2017-11-02T12:00",
      replyDeadline: "2017-10-26T12:00",
    });
  });
});
