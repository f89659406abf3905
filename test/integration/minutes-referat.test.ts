// The referat says what happened: sub-items with their own outcome, attendance from the replies (only members'
// seats are forfall), the secretariat with organisations, the referat's own attachments; through the JSON API.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../shared/store/keys.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers } from "../support/scenario.js";
import { uploadViaApi } from "../support/uploads.js";
import { pdf } from "./attachment-setup.js";
import { AFTER_MEETING, heldMeeting, tickAndDrain } from "./minutes-setup.js";

type SubItem = { letter: string; title: string; text?: string; decision?: string; status: string };
type Item = { itemId: string; title: string; decision?: string; status: string; subItems?: SubItem[] };

describe("the referat says what happened", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  let m!: Awaited<ReturnType<typeof heldMeeting>>;
  const minutesUrl = () => `/api/meetings/${m.meeting.id}/minutes`;
  const case18Of = (body: { items: Item[] }) => body.items.find((i) => i.itemId === m.case18.id)!;
  beforeAll(async () => {
    m = await heldMeeting(api);
  });
  afterAll(() => app.clock.set(new Date()));

  it("drafts each case's sub-items in order, and attendance from the replies", async () => {
    const draft = (await api.get(minutesUrl())).body;
    expect(case18Of(draft).subItems).toEqual([
      { letter: "A", title: "Kommunehelsesamarbeidet", text: "- Psykisk helse og rus", status: "noted" },
      { letter: "B", title: "KomUt", text: "- Status kjernejournal\n- Status helsestasjoner", status: "noted" },
      { letter: "C", title: "BPA", status: "noted" },
    ]);
    const names = (list: { name: string }[]) => list.map((a) => a.name.replace(` ${m.tag}`, ""));
    // The observer who said she would come is present; the deputy and the silent observer are no forfall.
    expect(names(draft.present)).toEqual(["Deltaker 1", "Olga"]);
    expect(names(draft.absent).sort()).toEqual(["Deltaker 2", "Deltaker 3"]);
    expect(draft.secretariat).toEqual([
      { name: `Nina ${m.tag}`, organisation: `Vestregionen ${m.tag}` },
      { name: `Lena ${m.tag}`, organisation: `Vestregionen ${m.tag}` },
    ]);
  });

  it("takes sub-items by letter, each with its own outcome; the same letter twice is refused in Norwegian", async () => {
    const twice = await api.put(minutesUrl(), {
      items: [{ itemId: m.case18.id, subItems: [{ letter: "A" }, { letter: "A", text: "x" }] }],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain("Bokstaven A er brukt to ganger i samme sak");

    const saved = await api.put(minutesUrl(), {
      items: [
        {
          itemId: m.case18.id,
          subItems: [
            { letter: "B", status: "decided", decision: "Kjernejournal innføres høsten 2030." },
            { letter: "C", status: "postponed", decision: "Tas opp igjen når revisjonen er ferdig." },
          ],
        },
      ],
    });
    expect(saved.status).toBe(200);
    const subs = case18Of((await api.get(minutesUrl())).body).subItems!;
    expect(subs.map((s) => [s.letter, s.status, s.decision])).toEqual([
      ["A", "noted", undefined],
      ["B", "decided", "Kjernejournal innføres høsten 2030."],
      ["C", "postponed", "Tas opp igjen når revisjonen er ferdig."],
    ]);
  });

  it("accepts the secretariat with organisations, and plain names as before", async () => {
    const plain = await api.put(minutesUrl(), { secretariat: ["Nina Solberg"] });
    expect(plain.status).toBe(200);
    expect(plain.body.secretariat).toEqual([{ name: "Nina Solberg" }]);
    const withOrgs = await api.put(minutesUrl(), {
      secretariat: [
        { name: "Nina Solberg", organisation: "Vestregionen" },
        { name: "Lena Hansson", organisation: "Vestregionen" },
        { name: "Kari Nordmann", organisation: "Bærum" },
      ],
    });
    expect(withOrgs.status).toBe(200);
  });

  it("still reads minutes stored with the secretariat as plain names", async () => {
    const other = (await meetingWithMembers(api, 1)).meeting as { id: string };
    const stored = {
      meetingId: other.id,
      version: 1,
      status: "draft",
      startedAt: "2030-06-01T07:00:00.000Z",
      endedAt: "2030-06-01T10:00:00.000Z",
      place: "Drammen",
      present: [],
      absent: [],
      secretariat: ["Nina Solberg", "Lena Hansson"],
      items: [{ itemId: "x", number: null, title: "Eventuelt", status: "noted" }],
      updatedAt: "2030-06-01T11:00:00.000Z",
      updatedBy: "nina@vestregionen.no",
    };
    await app.ctx.db.send(new PutCommand({ TableName: app.ctx.tableName, Item: { ...keys.minutes(other.id), ...stored } }));
    const read = await api.get(`/api/meetings/${other.id}/minutes`);
    expect(read.status).toBe(200);
    expect(read.body.secretariat).toEqual([{ name: "Nina Solberg" }, { name: "Lena Hansson" }]);
  });

  it("takes only existing attachments for the referat", async () => {
    const missing = await api.put(minutesUrl(), { attachmentNumbers: [1] });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain("Vedlegg 1 finnes ikke på dette møtet");
    for (const title of ["Saksdokument", "Presentasjon fra møtet"]) {
      const up = await uploadViaApi(api, m.meeting.id, {
        title,
        filename: "p.pdf",
        type: "application/pdf",
        content: pdf(title),
      });
      expect(up.status).toBe(201);
    }
    const chosen = await api.put(minutesUrl(), { attachmentNumbers: [2] });
    expect(chosen.status).toBe(200);
    expect(chosen.body.attachmentNumbers).toEqual([2]);
    // The page offers every attachment of the meeting, the chosen ones ticked.
    const web = await loggedInBrowser(app, `vedlegg-${m.tag}@vestregionen.no`);
    const html = await (await web.get(`/moter/${m.meeting.id}/referat`)).text();
    expect(html).toMatch(/<input type="checkbox" id="attachment\.1" name="attachment\.1" value="1"\s*\/?>/);
    expect(html).toMatch(/<input type="checkbox" id="attachment\.2" name="attachment\.2" value="1" checked/);
  });

  it("emails the referat with the secretariat by organisation, a postponed case's text, in Norwegian", async () => {
    const budget = (await api.get(minutesUrl())).body.items.find((i: Item) => i.title === "Budsjett") as Item;
    await api.put(minutesUrl(), {
      items: [{ itemId: budget.itemId, status: "postponed", decision: "Saken tas opp igjen i august etter høring." }],
    });
    app.clock.set(AFTER_MEETING);
    expect((await api.post(`${minutesUrl()}/approve`)).status).toBe(200);
    expect((await api.post(`${minutesUrl()}/schedule`, { at: "now" })).status).toBe(200);
    expect(await tickAndDrain(app)).toBe(0);
    const referat = (await emailsTo(app, m.tag)).filter((e) => e.subject.startsWith("Referat"));
    expect(referat.map((e) => e.destination.to[0]).sort()).toEqual(expect.arrayContaining(m.members.map((x) => x.email).sort()));
    const text = (referat[0]!.body.text ?? "").replace(/\s+/g, " ");
    expect(text).toContain("Sekretariatet: Nina Solberg og Lena Hansson, Vestregionen, Kari Nordmann, Bærum");
    expect(text).toContain("Saken ble utsatt. Saken tas opp igjen i august etter høring.");
    expect(referat[0]!.body.html).toMatch(/<html[^>]* lang="nb"/);
  });
});
