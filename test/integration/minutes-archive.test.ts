// The public archive shows the referat as the email does: sub-items with their outcome, a postponed case's text,
// the secretariat by organisation; never an exempt attachment; the last approved referat while a correction is made.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { uploadViaApi } from "../support/uploads.js";
import { AFTER_MEETING, heldMeeting } from "./minutes-setup.js";

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

describe("the referat in the public archive", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  let m!: Awaited<ReturnType<typeof heldMeeting>>;
  const archive = async () => await (await fetch(`${app.baseUrl}/arkiv/mote/${m.meeting.id}`)).text();
  /** The referat's part of the archive page (after the agenda, which has sub-items too). */
  const referatOf = (html: string) => textOf(html.slice(html.indexOf("<h2>Referat</h2>")));
  beforeAll(async () => {
    m = await heldMeeting(api);
    for (const [title, exempt] of [
      ["Presentasjon KomUt", false],
      ["Personalsak Hemmelig", true],
    ] as const) {
      const up = await uploadViaApi(api, m.meeting.id, {
        title,
        filename: "f.pdf",
        type: "application/pdf",
        content: "%PDF-1.4 x",
        exempt,
      });
      expect(up.status).toBe(201);
    }
    expect((await api.patch(`/api/meetings/${m.meeting.id}`, { published: true })).status).toBe(200);
    app.clock.set(AFTER_MEETING);
  });
  afterAll(() => app.clock.set(new Date()));

  it("shows sub-items with their outcome, a postponed case's text and the secretariat with organisations", async () => {
    const minutes = (await api.get(`/api/meetings/${m.meeting.id}/minutes`)).body;
    const budget = minutes.items.find((i: { title: string }) => i.title === "Budsjett").itemId;
    const saved = await api.put(`/api/meetings/${m.meeting.id}/minutes`, {
      secretariat: [
        { name: "Nina Solberg", organisation: "Vestregionen" },
        { name: "Lena Hansson", organisation: "Vestregionen" },
        { name: "Kari Nordmann", organisation: "Bærum" },
      ],
      items: [
        { itemId: budget, status: "postponed", decision: "Tas opp igjen i august etter ny høring." },
        {
          itemId: m.case18.id,
          subItems: [
            { letter: "B", status: "decided", decision: "Kjernejournal innføres høsten 2017." },
            { letter: "C", status: "postponed", text: "Revisjonen er ikke ferdig." },
          ],
        },
      ],
      attachmentNumbers: [1, 2],
    });
    expect(saved.status).toBe(200);
    expect((await api.post(`/api/meetings/${m.meeting.id}/minutes/approve`)).status).toBe(200);

    const page = await archive();
    expect(page).toContain("<h2>Referat</h2>");
    const referat = referatOf(page);
    expect(referat).toContain("Sekretariatet Nina Solberg og Lena Hansson, Vestregionen, Kari Nordmann, Bærum");
    expect(referat).toContain("Saken ble utsatt. Tas opp igjen i august etter ny høring.");
    const a = referat.indexOf("A Kommunehelsesamarbeidet");
    const b = referat.indexOf("B KomUt");
    const c = referat.indexOf("C BPA – utsatt");
    expect([a, b, c].every((i) => i > 0) && a < b && b < c, `${a} ${b} ${c}`).toBe(true);
    expect(referat).toContain("Vedtak: Kjernejournal innføres høsten 2017.");
    expect(referat).toContain("Revisjonen er ikke ferdig.");
    expect(referat).toContain("Psykisk helse og rus");
    expect(page).toContain("Presentasjon KomUt");
    expect(page).not.toContain("Personalsak");
  });

  it("keeps showing the approved referat while a correction is being made", async () => {
    const corrected = await api.put(`/api/meetings/${m.meeting.id}/minutes`, {
      place: "Utkast: ikke godkjent sted",
      correctionReason: "Feil sted",
    });
    expect(corrected.status).toBe(200);
    const page = await archive();
    expect(referatOf(page)).toContain("Saken ble utsatt. Tas opp igjen i august etter ny høring.");
    expect(page).not.toContain("Utkast: ikke godkjent sted");
  });
});
