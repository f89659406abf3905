// The calendar entry of an invitation: stable UID, SEQUENCE, Oslo time in summer and winter, CANCEL (no I/O).
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, calendarFor } from "../../../emails/ical.js";
import type { MeetingEmailModel } from "../../../emails/model.js";
import { osloLocalToUtc } from "../../../shared/time.js";
import { seed000Model, shown } from "./fixtures.js";

const buildInvitationIcs = (model: MeetingEmailModel, attendee: { name: string; email: string }, method: "REQUEST" | "CANCEL") =>
  calendarFor(buildCalendar(model, method), attendee);

describe("iCalendar invitation", () => {
  const parse = (ics: string) => {
    const comp = new ICAL.Component(ICAL.parse(ics));
    const ev = comp.getFirstSubcomponent("vevent")!;
    return { method: comp.getFirstPropertyValue("method"), ev };
  };

  it("has a stable UID, the SEQUENCE, and correct Oslo time in summer and winter", () => {
    const summer = parse(buildInvitationIcs(seed000Model(), { name: "Erik", email: "erik@example.org" }, "REQUEST"));
    expect(summer.method).toBe("REQUEST");
    expect(summer.ev.getFirstPropertyValue("uid")).toBe("01seed000meeting0000000000@moteinnkalling");
    expect(summer.ev.getFirstPropertyValue("sequence")).toBe(0);
    expect((summer.ev.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2017-06-01T07:00:00.000Z");
    expect(String(summer.ev.getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:sekretariat@vestregionen.no");
    expect(String(summer.ev.getFirstPropertyValue("attendee")).toLowerCase()).toBe("mailto:erik@example.org");

    const winter = seed000Model({
      ...shown(osloLocalToUtc("2017-11-23T09:00"), osloLocalToUtc("2017-11-23T11:15")),
      sequence: 1,
    });
    const w = parse(buildInvitationIcs(winter, { name: "Erik", email: "erik@example.org" }, "REQUEST"));
    expect((w.ev.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2017-11-23T08:00:00.000Z");
    expect(w.ev.getFirstPropertyValue("uid")).toBe(summer.ev.getFirstPropertyValue("uid"));
    expect(w.ev.getFirstPropertyValue("sequence")).toBe(1);
  });

  it("a cancelled meeting sends CANCEL", () => {
    const c = parse(
      buildInvitationIcs(
        seed000Model({ status: "cancelled", sequence: 2 }),
        { name: "Erik", email: "erik@example.org" },
        "CANCEL",
      ),
    );
    expect(c.method).toBe("CANCEL");
    expect(c.ev.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(c.ev.getFirstPropertyValue("sequence")).toBe(2);
  });
});
