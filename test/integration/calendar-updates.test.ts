// Calendar entries through the whole pipeline: REQUEST, an update with SEQUENCE+1, CANCEL.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, waitForSend } from "../support/scenario.js";

/** The calendar part of the emails in the local SES store, parsed back with ical.js. */
describe("calendar invitations through the pipeline", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  const calendars = async (tag: string) =>
    (await emailsTo(app, tag))
      .sort((a, b) => a.at - b.at)
      .map((e) =>
        e.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.contentType.startsWith("application/ics")),
      )
      .filter(Boolean)
      .map((a) => {
        const comp = new ICAL.Component(ICAL.parse(Buffer.from(a!.content, "base64").toString("utf8")));
        const ev = comp.getFirstSubcomponent("vevent")!;
        return {
          method: comp.getFirstPropertyValue("method"),
          uid: ev.getFirstPropertyValue("uid"),
          sequence: ev.getFirstPropertyValue("sequence"),
          start: (ev.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
        };
      });

  it("sends REQUEST, then an update with SEQUENCE+1 after a change, then CANCEL", async () => {
    const s = await meetingWithMembers(api, 1);
    const send = async (template: string) =>
      waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all", template })).body.sendId);
    await send("invitation");
    await api.patch(`/api/meetings/${s.meeting.id}`, { startsAt: "2030-06-01T10:00", endsAt: "2030-06-01T13:00" });
    await send("invitation");
    await send("cancellation");
    const [first, update, cancel] = await calendars(s.tag);
    expect(first).toMatchObject({ method: "REQUEST", sequence: 0, start: "2030-06-01T07:00:00.000Z" });
    expect(update).toMatchObject({ method: "REQUEST", sequence: 1, uid: first!.uid, start: "2030-06-01T08:00:00.000Z" });
    expect(cancel).toMatchObject({ method: "CANCEL", sequence: 2, uid: first!.uid });
    const subjects = (await emailsTo(app, s.tag)).sort((a, b) => a.at - b.at).map((e) => e.subject.split(":")[0]);
    expect(subjects).toEqual(["Innkalling", "Endret innkalling", "Avlyst"]);
  });
});
