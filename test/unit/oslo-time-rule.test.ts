// The summer-time rule of shared/time.ts checked against Intl's own Europe/Oslo tz data (the oracle).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatOsloDateTime, osloLocalToUtc, utcToOsloLocal } from "../../shared/time.js";

const oracle = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const intlLocal = (ms: number) => {
  const p = Object.fromEntries(oracle.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
};

// From 1996 (when Norway's rule became the EU's) to 2100, at minute precision.
const instants = fc.integer({ min: Date.UTC(1996, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 }).map((m) => m * 60_000);

describe("Europe/Oslo without Intl", () => {
  it("shows every instant as Intl's tz data does", () => {
    fc.assert(
      fc.property(instants, (ms) => {
        expect(utcToOsloLocal(new Date(ms).toISOString())).toBe(intlLocal(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it("shows the instants around every switch from 1996 to 2040 as Intl does", () => {
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const switchAt = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (const delta of [-61, -60, -1, 0, 1, 59, 60]) {
          const ms = switchAt + delta * 60_000;
          expect(utcToOsloLocal(new Date(ms).toISOString()), `${year}-${month + 1} ${delta} min`).toBe(intlLocal(ms));
        }
      }
    }
  });

  it("reads a wall-clock time back to the instant it shows (outside the repeated autumn hour)", () => {
    fc.assert(
      fc.property(instants, (ms) => {
        const local = utcToOsloLocal(new Date(ms).toISOString());
        const back = Date.parse(osloLocalToUtc(local));
        // In the repeated hour the first occurrence is meant, so the round trip may land an hour earlier.
        expect([0, 3_600_000]).toContain(ms - back);
        expect(utcToOsloLocal(new Date(back).toISOString())).toBe(local);
      }),
      { numRuns: 2000 },
    );
    expect(formatOsloDateTime("2017-06-01T07:00:00.000Z")).toBe("01.06.2017 kl. 09.00");
  });
});
