// The agenda through the JSON API once it matters: frozen case numbers, withdrawn cases, what an item may refer to, copies.
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.js";
import { meetingWithMembers, waitForSend } from "../support/scenario.js";
import { uploadViaApi } from "../support/uploads.js";
import { pdf, useAttachmentsApp } from "./attachment-setup.js";

type Item = { id: string; number: string | null; title: string; kind: string; withdrawn?: boolean };

describe("the agenda after the innkalling, through the API", () => {
  let api!: ApiClient;
  useAttachmentsApp((_a, c) => {
    api = c;
  });

  const agendaOf = async (id: string) => (await api.get(`/api/meetings/${id}`)).body.agenda as Item[];
  const remove = (id: string, itemId: string) =>
    api
      .raw(`/api/meetings/${id}/agenda/${itemId}`, { method: "DELETE" })
      .then(async (r) => ({ status: r.status, body: await r.json() }));
  const invite = async (id: string) =>
    waitForSend(api, (await api.post(`/api/meetings/${id}/sends`, { audience: "all" })).body.sendId);

  it("moving a case after the innkalling keeps every number; before it, the numbers follow the order", async () => {
    const s = await meetingWithMembers(api, 1);
    const third = (await api.post(`/api/meetings/${s.meeting.id}/agenda`, { title: "Møteplan" })).body as Item;
    expect(third.number).toBe("3/2030");
    await api.post(`/api/meetings/${s.meeting.id}/agenda/${third.id}/move`, { position: 0 });
    expect((await agendaOf(s.meeting.id)).map((i) => [i.title, i.number])).toEqual([
      ["Møteplan", "1/2030"],
      ["Referat fra forrige møte", "2/2030"],
      ["Budsjett", "3/2030"],
    ]);

    await invite(s.meeting.id);
    const moved = await api.post(`/api/meetings/${s.meeting.id}/agenda/${third.id}/move`, { position: 2 });
    expect(moved.status).toBe(200);
    expect((await agendaOf(s.meeting.id)).map((i) => [i.title, i.number])).toEqual([
      ["Referat fra forrige møte", "2/2030"],
      ["Budsjett", "3/2030"],
      ["Møteplan", "1/2030"],
    ]);
  });

  it("a case is deleted before the innkalling (no gap, the number given back) and withdrawn after it", async () => {
    const s = await meetingWithMembers(api, 1);
    const [referat, budsjett] = await agendaOf(s.meeting.id);
    const deleted = await remove(s.meeting.id, referat!.id);
    expect(deleted).toMatchObject({ status: 200, body: { outcome: "deleted" } });
    expect(deleted.body.agenda.map((i: Item) => [i.title, i.number])).toEqual([["Budsjett", "1/2030"]]);
    const next = await api.post(`/api/meetings/${s.meeting.id}/agenda`, { title: "Regnskap" });
    expect(next.body.number).toBe("2/2030");

    await invite(s.meeting.id);
    const withdrawn = await remove(s.meeting.id, budsjett!.id);
    expect(withdrawn).toMatchObject({ status: 200, body: { outcome: "withdrawn" } });
    expect(await agendaOf(s.meeting.id)).toMatchObject([
      { title: "Budsjett", number: "1/2030", withdrawn: true },
      { title: "Regnskap", number: "2/2030" },
    ]);
    const again = await remove(s.meeting.id, budsjett!.id);
    expect(again).toMatchObject({ status: 409, body: { detail: "Saken er allerede trukket." } });
  });

  it("attachmentNumbers must name the meeting's attachments, and sub-item letters differ (400 problems in Norwegian)", async () => {
    const s = await meetingWithMembers(api, 1);
    const unknown = await api.post(`/api/meetings/${s.meeting.id}/agenda`, { title: "Tertial", attachmentNumbers: [1] });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    expect(unknown.body.errors).toEqual([
      { field: "attachmentNumbers", message: "Vedlegg 1 finnes ikke på dette møtet. Last det opp først." },
    ]);
    expect(
      (await uploadViaApi(api, s.meeting.id, { title: "Tertial", filename: "t.pdf", type: "application/pdf", content: pdf("t") }))
        .status,
    ).toBe(201);
    const [referat] = await agendaOf(s.meeting.id);
    expect((await api.patch(`/api/meetings/${s.meeting.id}/agenda/${referat!.id}`, { attachmentNumbers: [1, 2] })).status).toBe(
      400,
    );
    expect((await api.patch(`/api/meetings/${s.meeting.id}/agenda/${referat!.id}`, { attachmentNumbers: [1] })).status).toBe(200);

    const letters = await api.post(`/api/meetings/${s.meeting.id}/agenda`, {
      title: "Orienteringer",
      subItems: [
        { letter: "A", title: "Fra kommunene" },
        { letter: "A", title: "Fra delregionene" },
      ],
    });
    expect(letters.status).toBe(400);
    expect(JSON.stringify(letters.body)).toContain("Bokstaven A er brukt flere ganger i samme sak");
  });

  it("an attachment is deleted only while no case points at it and no innkalling carried it", async () => {
    const s = await meetingWithMembers(api, 1);
    const up = (title: string) =>
      uploadViaApi(api, s.meeting.id, { title, filename: `${title}.pdf`, type: "application/pdf", content: pdf(title) });
    await up("Linket");
    await up("Feil fil");
    const [referat] = await agendaOf(s.meeting.id);
    await api.patch(`/api/meetings/${s.meeting.id}/agenda/${referat!.id}`, { attachmentNumbers: [1] });
    const del = (n: number) => api.raw(`/api/meetings/${s.meeting.id}/attachments/${n}`, { method: "DELETE" });
    const linked = await del(1);
    expect(linked.status).toBe(409);
    expect((await linked.json()).detail).toBe("Vedlegg 1 er knyttet til sak 1/2030. Fjern det fra saken først.");
    expect((await del(2)).status).toBe(200);
    expect((await api.get(`/api/meetings/${s.meeting.id}`)).body.attachments.map((a: { number: number }) => a.number)).toEqual([
      1,
    ]);
    expect((await del(2)).status).toBe(404);

    await api.patch(`/api/meetings/${s.meeting.id}/agenda/${referat!.id}`, { attachmentNumbers: [] });
    await invite(s.meeting.id);
    const sent = await del(1);
    expect(sent.status).toBe(409);
    expect((await sent.json()).detail).toContain("Vedlegg 1 er sendt ut med innkallingen og beholdes");
  });

  it("copies a meeting to a chosen day: same title, place, kind and hours, with the standing items only", async () => {
    const s = await meetingWithMembers(api, 1, { deadline: "2030-05-25T12:00" });
    const bad = await api.post(`/api/meetings/${s.meeting.id}/copy`, { date: "2030-02-30" });
    expect(bad.status).toBe(400);
    const copy = await api.post(`/api/meetings/${s.meeting.id}/copy`, { date: "2030-06-29" });
    expect(copy.status).toBe(201);
    expect(copy.body.meeting).toMatchObject({
      bodyId: s.body.id,
      title: s.meeting.title,
      place: s.meeting.place,
      kind: s.meeting.kind,
      status: "draft",
      startsAt: "2030-06-29T07:00:00.000Z",
      endsAt: "2030-06-29T10:00:00.000Z",
      replyDeadline: "2030-06-22T10:00:00.000Z",
    });
    expect((await agendaOf(copy.body.meeting.id)).map((i) => [i.title, i.kind, i.number])).toEqual([
      ["Referat fra forrige møte", "decision", "3/2030"],
      ["Eventuelt", "closing", null],
    ]);
  });
});
