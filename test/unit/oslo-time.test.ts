// Europe/Oslo times: conversion, summer time, formatting; the meeting rules on them.
import { describe, expect, it } from "vitest";
import { checkMeetingTimes, replyOpen, toUtcIso } from "../../shared/meetings/index.js";
import { formatMeetingTime, formatOsloDateTime, osloLocalToUtc, osloYear, utcToOsloLocal } from "../../shared/time.js";

describe("Europe/Oslo times", () => {
  it("converts wall-clock time to UTC in summer (UTC+2) and winter (UTC+1)", () => {
    expect(osloLocalToUtc("2017-06-01T09:00")).toBe("2017-06-01T07:00:00.000Z");
    expect(osloLocalToUtc("2017-11-23T09:00")).toBe("2017-11-23T08:00:00.000Z");
  });

  it("handles the switch days: the missing spring hour moves forward, the repeated autumn hour takes the first", () => {
    expect(osloLocalToUtc("2026-03-29T02:30")).toBe("2026-03-29T01:30:00.000Z"); // 02:30 does not exist: 03:30 CEST
    expect(osloLocalToUtc("2026-03-29T01:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(osloLocalToUtc("2026-10-25T02:30")).toBe("2026-10-25T00:30:00.000Z"); // first 02:30 (CEST)
    expect(osloLocalToUtc("2026-10-25T03:30")).toBe("2026-10-25T02:30:00.000Z");
  });

  it("formats as in the seeds and round-trips for the form inputs", () => {
    expect(formatMeetingTime("2017-06-01T07:00:00Z", "2017-06-01T10:00:00Z")).toBe("Torsdag 01.06.2017 kl. 09.00 – 12.00");
    expect(formatMeetingTime("2017-11-23T08:00:00Z", "2017-11-23T10:15:00Z")).toBe("Torsdag 23.11.2017 kl. 09.00 – 11.15");
    expect(formatOsloDateTime("2017-06-04T21:59:00Z")).toBe("04.06.2017 kl. 23.59");
    expect(utcToOsloLocal(osloLocalToUtc("2030-12-31T23:30"))).toBe("2030-12-31T23:30");
    expect(osloYear("2016-12-31T23:30:00Z")).toBe(2017); // already New Year in Oslo: the sak number takes 2017
  });
});

describe("meeting rules", () => {
  it("accepts Oslo wall-clock or an instant", () => {
    expect(toUtcIso("2017-06-01T09:00")).toBe("2017-06-01T07:00:00.000Z");
    expect(toUtcIso("2017-06-01T09:00:00+02:00")).toBe("2017-06-01T07:00:00.000Z");
  });

  it("wants the end after the start and the deadline before the start", () => {
    expect(checkMeetingTimes({ startsAt: "2030-01-01T09:00:00.000Z", endsAt: "2030-01-01T08:00:00.000Z" })).toEqual([
      { field: "endsAt", message: "Slutt må være etter start." },
    ]);
    expect(
      checkMeetingTimes({
        startsAt: "2030-01-01T09:00:00.000Z",
        endsAt: "2030-01-01T10:00:00.000Z",
        replyDeadline: "2030-01-01T09:00:00.000Z",
      })[0]?.field,
    ).toBe("replyDeadline");
    expect(
      checkMeetingTimes({
        startsAt: "2030-01-01T09:00:00.000Z",
        endsAt: "2030-01-01T10:00:00.000Z",
        replyDeadline: "2029-12-30T09:00:00.000Z",
      }),
    ).toEqual([]);
  });

  it("keeps replies open until the deadline, or the start when there is none, and never for a cancelled meeting", () => {
    const m = { startsAt: "2030-01-10T09:00:00.000Z", replyDeadline: "2030-01-05T12:00:00.000Z", status: "invited" };
    expect(replyOpen(m, new Date("2030-01-05T11:59:00Z"))).toBe(true);
    expect(replyOpen(m, new Date("2030-01-05T12:00:00Z"))).toBe(false);
    expect(replyOpen({ ...m, replyDeadline: undefined }, new Date("2030-01-08T00:00:00Z"))).toBe(true);
    expect(replyOpen({ ...m, status: "cancelled" }, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });
});
