// A nynorsk body's referat, over HTTP on the real twins: the referat email (local SES) and the public archive's meeting
// page with its referat and PDF links are in nynorsk; a bokmål body's referat email stays bokmål.
import { afterAll, describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo } from "../support/scenario.js";
import { AFTER_MEETING, heldMeeting, tickAndDrain } from "./minutes-setup.js";

describe("a nynorsk body's referat", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  afterAll(() => app.clock.set(new Date()));

  /** A held meeting of a body in the language given, its referat approved and sent: the referat emails. */
  const distribute = async (language?: "nn") => {
    app.clock.set(new Date());
    const m = await heldMeeting(api);
    if (language) {
      // Switched after the innkalling went out (its snapshot says bokmål): the referat follows the body as it is now.
      expect((await api.patch(`/api/bodies/${m.body.id}`, { language })).status).toBe(200);
    }
    app.clock.set(AFTER_MEETING);
    expect((await api.post(`/api/meetings/${m.meeting.id}/minutes/approve`)).status).toBe(200);
    expect((await api.post(`/api/meetings/${m.meeting.id}/minutes/schedule`, { at: "now" })).status).toBe(200);
    await tickAndDrain(app);
    const mails = (await emailsTo(app, m.tag)).filter((e) => e.subject.startsWith("Referat "));
    return { m, mails };
  };

  it("sends the referat and shows it in the archive in nynorsk", async () => {
    const { m, mails } = await distribute("nn");
    expect(mails.length).toBeGreaterThan(2);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Referat frå møte i Organ ${m.tag} 01.06.2030`);
    expect(mail.body.html).toContain('lang="nn"');
    expect(mail.body.text).toContain("Til stades");
    expect(mail.body.text).toContain("Teke til orientering.");
    expect(mail.body.text).not.toContain("Tatt til orientering.");

    expect((await api.patch(`/api/meetings/${m.meeting.id}`, { published: true })).status).toBe(200);
    const page = await (await fetch(`${app.baseUrl}/arkiv/mote/${m.meeting.id}`)).text();
    expect(page).toContain('<html lang="nn">');
    expect(page).toContain("Til stades");
    expect(page).toContain(`href="/arkiv/mote/${m.meeting.id}/innkalling.pdf">Innkallinga som PDF (arkivformat)</a>`);
    expect(page).toContain(`href="/arkiv/mote/${m.meeting.id}/referat.pdf">Referatet som PDF (arkivformat)</a>`);
  });

  it("stays bokmål for a body without a language", async () => {
    const { m, mails } = await distribute();
    expect(mails[0]!.subject).toBe(`Referat fra møte i Organ ${m.tag} 01.06.2030`);
    expect(mails[0]!.body.text).toContain("Til stede");
  });
});
