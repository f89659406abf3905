import { describe, expect, it } from "vitest";
import { demoMeetingTimes } from "../../local/demo-dates.js";
import { seed000 } from "../../local/seed-data.js";

const weekday = (local: string) => new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
const seed = { startsAt: "2017-06-01T09:00", endsAt: "2017-06-01T12:00", replyDeadline: "2017-05-29T12:00" };

/** The demo meeting lies ahead on any day: next month, the seed's weekday and hours, its deadline a week or more away. */
describe("the demo meeting's dates", () => {
  it("moves seed 000 (Thursday 1 June 2017, 09–12, answer by Monday 12:00) to the first Thursday of next month", () => {
    expect(demoMeetingTimes(seed, "2025-03-10")).toEqual({
      startsAt: "2025-04-03T09:00",
      endsAt: "2025-04-03T12:00",
      replyDeadline: "2025-03-31T12:00",
    });
    // December rolls over into January of the next year.
    expect(demoMeetingTimes(seed, "2025-12-02").startsAt).toBe("2026-01-01T09:00");
  });

  it("takes the week after when the deadline would be less than a week ahead (end of the month)", () => {
    // 1 May 2025 is a Thursday: its deadline (28 April) would be only two days after 26 April.
    expect(demoMeetingTimes(seed, "2025-04-26")).toEqual({
      startsAt: "2025-05-08T09:00",
      endsAt: "2025-05-08T12:00",
      replyDeadline: "2025-05-05T12:00",
    });
  });

  it("on every day of two years: next month or the first days after it, same weekday and hours, deadline ≥ 7 days ahead", () => {
    const times = seed000.meeting;
    for (let d = Date.UTC(2025, 0, 1); d < Date.UTC(2027, 0, 1); d += 86_400_000) {
      const today = new Date(d).toISOString().slice(0, 10);
      const r = demoMeetingTimes(times, today);
      expect(weekday(r.startsAt), today).toBe(weekday(times.startsAt));
      expect(r.startsAt.slice(10), today).toBe(times.startsAt.slice(10));
      expect(r.endsAt, today).toBe(`${r.startsAt.slice(0, 10)}${times.endsAt.slice(10)}`);
      const ahead = (Date.parse(`${r.replyDeadline.slice(0, 10)}T00:00:00Z`) - d) / 86_400_000;
      expect(ahead, today).toBeGreaterThanOrEqual(7);
      const nextMonth = new Date(Date.UTC(new Date(d).getUTCFullYear(), new Date(d).getUTCMonth() + 1, 1));
      expect(r.startsAt.slice(0, 7), today).toBe(nextMonth.toISOString().slice(0, 7));
    }
  });
});
