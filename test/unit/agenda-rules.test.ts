// The meetings domain's pure rules: case numbers, meeting changes, where a new item goes, edits and moves.
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "../../shared/errors.js";
import {
  checkMeetingTimes,
  compareCaseNumbers,
  editAgendaItem,
  formatCaseNumber,
  meetingChanges,
  moveCase,
  planAgendaItem,
} from "../../shared/meetings/index.js";
import type { AgendaItem, Meeting } from "../../shared/model.js";

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
    expect(planAgendaItem(meeting, agenda, input("decision"))).toMatchObject({
      item: { order: 40, kind: "decision" },
      caseYear: 2017,
    });
    expect(planAgendaItem(meeting, [], input("information"))).toMatchObject({ item: { order: 10 }, caseYear: 2017 });
  });

  it("gives the opening and closing items fixed places and no number", () => {
    const plan = planAgendaItem(meeting, [], input("closing"));
    expect(plan.item.order).toBe(1_000_000);
    expect(plan.caseYear).toBeUndefined();
  });

  it("refuses a second opening or closing item, and any item on a cancelled meeting", () => {
    expect(() => planAgendaItem(meeting, agenda, input("opening"))).toThrow(ConflictError);
    expect(() => planAgendaItem(meeting, agenda, input("closing"))).toThrow(ConflictError);
    expect(() => planAgendaItem({ ...meeting, status: "cancelled" }, [], input("decision"))).toThrow(ConflictError);
  });
});

describe("editing and moving", () => {
  it("changes only the fields given; null clears the background", () => {
    const withText = [{ ...item("a", "decision", 10, "12/2017"), background: "B", proposedDecision: "P" }];
    const next = editAgendaItem(withText, "a", { background: null, proposedDecision: undefined, title: "Ny tittel" });
    expect(next).toMatchObject({ title: "Ny tittel", proposedDecision: "P" });
    expect(next.background).toBeUndefined();
    expect(() => editAgendaItem(withText, "x", { background: undefined, proposedDecision: undefined })).toThrow(NotFoundError);
  });

  it("deals the meeting's numbers out again in the new order", () => {
    const moved = moveCase(agenda, "c", 0);
    expect(moved.map((i) => [i.id, i.number, i.order])).toEqual([
      ["c", "12/2017", 10],
      ["a", "13/2017", 20],
      ["b", "14/2017", 30],
    ]);
    expect(moveCase(agenda, "a", 99).map((i) => i.id)).toEqual(["b", "c", "a"]);
  });

  it("keeps the opening and closing items where they are", () => {
    expect(() => moveCase(agenda, "open", 1)).toThrow(ConflictError);
    expect(() => moveCase(agenda, "nope", 1)).toThrow(NotFoundError);
  });
});
