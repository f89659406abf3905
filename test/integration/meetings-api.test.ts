/** The JSON API over meetings, agendas, members and CSV import, against DynamoDB Local. */
import { beforeAll, describe, expect, it } from "vitest";
import { seed000 } from "../../local/seed-data.js";
import { type ApiClient, setupBody, useApiApp } from "../support/api.js";
import { uploadViaApi } from "../support/uploads.js";

describe("secretariat API: bodies, members, meetings and agendas", () => {
  let api!: ApiClient;
  useApiApp((_app, client) => {
    api = client;
  });

  it("rebuilds seed 000 through the API and reads every number, title, proposed decision and sub-item back", async () => {
    const { body } = await setupBody(api, "Rådmannsgruppen");
    expect((await api.put(`/api/bodies/${body.id}/case-numbers`, { year: 2017, next: 12 })).status).toBe(200);
    const meeting = await api.post("/api/meetings", { bodyId: body.id, ...seed000.meeting });
    expect(meeting.status).toBe(201);
    // 09:00 in Oslo in June is 07:00 UTC (summer time).
    expect(meeting.body.startsAt).toBe("2017-06-01T07:00:00.000Z");
    // An item may only name attachments the meeting has: the seed's Vedlegg 1–8 first.
    for (const n of new Set(seed000.agenda.flatMap((i) => ("attachmentNumbers" in i ? i.attachmentNumbers : [])))) {
      const file = { title: `Vedlegg ${n}`, filename: `vedlegg-${n}.pdf`, type: "application/pdf", content: "%PDF-1.4" };
      expect((await uploadViaApi(api, meeting.body.id, file)).body.number).toBe(n);
    }
    for (const item of seed000.agenda) {
      const res = await api.post(`/api/meetings/${meeting.body.id}/agenda`, item);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const read = await api.get(`/api/meetings/${meeting.body.id}`);
    expect(read.status).toBe(200);
    const agenda = read.body.agenda as {
      number: string | null;
      title: string;
      proposedDecision?: string;
      subItems: { letter: string; title: string; bullets: string[] }[];
    }[];
    expect(agenda.map((i) => i.number)).toEqual([
      null,
      "12/2017",
      "13/2017",
      "14/2017",
      "15/2017",
      "16/2017",
      "17/2017",
      "18/2017",
      "19/2017",
      "20/2017",
    ]);
    seed000.agenda.forEach((item, i) => {
      expect(agenda[i]!.title).toBe(item.title);
      expect(agenda[i]!.proposedDecision).toBe(item.proposedDecision);
      expect(agenda[i]!.subItems).toEqual((item as { subItems?: unknown[] }).subItems ?? []);
    });
    // The seed's slip "Sak 18/2016" inside a 2017 meeting cannot happen: every number carries the meeting's year.
    expect(agenda.filter((i) => i.number).every((i) => i.number!.endsWith("/2017"))).toBe(true);
  });

  it("gives 20 agenda items added at once to two meetings of one body 20 distinct consecutive numbers", async () => {
    const { body } = await setupBody(api, "Styringsgruppen");
    const m1 = (
      await api.post("/api/meetings", {
        bodyId: body.id,
        title: "Møte 1",
        startsAt: "2025-03-01T09:00",
        endsAt: "2025-03-01T11:00",
        place: "Drammen",
      })
    ).body;
    const m2 = (
      await api.post("/api/meetings", {
        bodyId: body.id,
        title: "Møte 2",
        startsAt: "2025-04-01T09:00",
        endsAt: "2025-04-01T11:00",
        place: "Asker",
      })
    ).body;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.post(`/api/meetings/${i % 2 ? m1.id : m2.id}/agenda`, { title: `Sak ${i}`, kind: "decision" }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => Number(String(r.body.number).split("/")[0])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("keeps numbers in agenda order when a case is moved", async () => {
    const { body } = await setupBody(api, "KHS");
    const m = (
      await api.post("/api/meetings", {
        bodyId: body.id,
        title: "Ordførermøte",
        startsAt: "2017-06-15T10:00",
        endsAt: "2017-06-15T11:00",
        place: "Elvebakken gård",
      })
    ).body;
    const ids: string[] = [];
    for (const title of ["A", "B", "C"]) ids.push((await api.post(`/api/meetings/${m.id}/agenda`, { title })).body.id);
    const moved = await api.post(`/api/meetings/${m.id}/agenda/${ids[2]}/move`, { position: 0 });
    expect(moved.status).toBe(200);
    expect(moved.body.agenda.map((i: { title: string; number: string }) => `${i.number} ${i.title}`)).toEqual([
      "1/2017 C",
      "2/2017 A",
      "3/2017 B",
    ]);
  });

  it("imports a distribution list from CSV, all or nothing", async () => {
    const { body } = await setupBody(api, "Importorgan");
    await api.post("/api/organisations", { name: "Lier" });
    const broken =
      "name,email,organisation,role\nBente Gravdal,bente@example.org,Lier,medlem\nUten Epost,ikke-epost,Lier,medlem\nOla Ukjent,ola@example.org,Atlantis,medlem\n";
    const bad = await api.post(`/api/bodies/${body.id}/members/import`, broken, { "content-type": "text/csv" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(["rad 3.email"]);
    const unknownOrg = await api.post(
      `/api/bodies/${body.id}/members/import`,
      "name,email,organisation\nOla Ukjent,ola@example.org,Atlantis\n",
      { "content-type": "text/csv" },
    );
    expect(unknownOrg.status).toBe(400);
    expect(unknownOrg.body.errors).toEqual([{ field: "rad 2.organisation", message: "Ukjent organisasjon «Atlantis»." }]);
    expect((await api.get(`/api/bodies/${body.id}/members`)).body.items).toHaveLength(0);
    const good =
      "name;email;organisation;role\nBente Gravdal;bente@example.org;Lier;medlem\nKari Observatør;kari@example.org;;observatør\n";
    const ok = await api.post(`/api/bodies/${body.id}/members/import`, good, { "content-type": "text/csv" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const members = (await api.get(`/api/bodies/${body.id}/members`)).body.items;
    expect(
      members.map((m: { personName: string; role: string; organisationName?: string }) => [
        m.personName,
        m.role,
        m.organisationName ?? null,
      ]),
    ).toEqual([
      ["Bente Gravdal", "member", "Lier"],
      ["Kari Observatør", "observer", null],
    ]);
  });

  it("uploads an attachment (straight to S3, then recorded), numbers it, and refuses disallowed types", async () => {
    const { body } = await setupBody(api, "Vedleggsorgan");
    const m = (
      await api.post("/api/meetings", {
        bodyId: body.id,
        title: "Møte",
        startsAt: "2026-12-01T09:00",
        endsAt: "2026-12-01T10:00",
        place: "Lier",
      })
    ).body;
    const up = await uploadViaApi(api, m.id, {
      title: "Referat fra møte 23.02.2017",
      filename: "referat.pdf",
      type: "application/pdf",
      content: "%PDF-1.4 demo",
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ number: 1, title: "Referat fra møte 23.02.2017", contentType: "application/pdf" });
    const second = await uploadViaApi(api, m.id, { title: "Notat", filename: "notat.txt", type: "text/plain", content: "Notat" });
    expect(second.body.number).toBe(2);

    const refused = await api.post(`/api/meetings/${m.id}/attachments/upload`, {
      filename: "virus.exe",
      contentType: "application/x-msdownload",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toContain("ikke tillatt");
    // Files over the limit never reach the app: S3 refuses them (test/integration/attachment-uploads.test.ts).

    // The old multipart upload to the API is gone: the record step takes JSON only.
    const form = new FormData();
    form.set("title", "Gammel");
    form.set("file", new File(["%PDF-1.4"], "gammel.pdf", { type: "application/pdf" }));
    const multipart = await api.raw(`/api/meetings/${m.id}/attachments`, { method: "POST", body: form });
    expect(multipart.status).toBeGreaterThanOrEqual(400);
    expect(multipart.status).toBeLessThan(500);
    expect((await api.get(`/api/meetings/${m.id}`)).body.attachments).toHaveLength(2);
  });

  describe("bad input is answered 4xx with a clear Norwegian message", () => {
    let bodyId: string;
    beforeAll(async () => {
      bodyId = (await setupBody(api, "Feilorgan")).body.id;
    });

    it("missing and unknown fields", async () => {
      const res = await api.post("/api/meetings", { bodyId, title: "", startsAt: "2026-01-01T09:00", place: "X", colour: "red" });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["title", "endsAt"]));
      expect(JSON.stringify(res.body.errors)).toMatch(/Må fylles ut|Ukjente felt: colour/);
      expect(res.body.title).toBe("Ugyldige data");
    });

    it("malformed email", async () => {
      const res = await api.post("/api/people", { name: "Ola", email: "ola-at-example" });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: "email", message: "Ugyldig e-postadresse." }]);
    });

    it("end before start, and a deadline after the meeting", async () => {
      const a = await api.post("/api/meetings", {
        bodyId,
        title: "M",
        startsAt: "2026-01-01T10:00",
        endsAt: "2026-01-01T09:00",
        place: "X",
      });
      expect(a.status).toBe(400);
      expect(a.body.errors).toEqual([{ field: "endsAt", message: "Slutt må være etter start." }]);
      const b = await api.post("/api/meetings", {
        bodyId,
        title: "M",
        startsAt: "2026-01-01T10:00",
        endsAt: "2026-01-01T11:00",
        place: "X",
        replyDeadline: "2026-01-02T10:00",
      });
      expect(b.status).toBe(400);
      expect(b.body.errors[0].field).toBe("replyDeadline");
    });

    it("unknown ids", async () => {
      expect((await api.get("/api/meetings/finnesikke")).status).toBe(404);
      const res = await api.post("/api/meetings", {
        bodyId: "finnesikke",
        title: "M",
        startsAt: "2026-01-01T10:00",
        endsAt: "2026-01-01T11:00",
        place: "X",
      });
      expect(res.status).toBe(404);
      expect(res.body.detail).toContain("Fant ikke");
    });

    it("broken JSON and a wrong content type", async () => {
      const broken = await api.raw("/api/meetings", {
        method: "POST",
        body: "{not json",
        headers: { "content-type": "application/json" },
      });
      expect(broken.status).toBe(400);
      const text = await api.raw("/api/meetings", {
        method: "POST",
        body: "title=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(text.status).toBeGreaterThanOrEqual(400);
      expect(text.status).toBeLessThan(500);
    });

    it("a number lower than the next free one would duplicate and is refused", async () => {
      await api.put(`/api/bodies/${bodyId}/case-numbers`, { year: 2026, next: 30 });
      const res = await api.put(`/api/bodies/${bodyId}/case-numbers`, { year: 2026, next: 5 });
      expect(res.status).toBe(409);
    });
  });

  it("publishes its OpenAPI document with the named operations", async () => {
    const res = await api.get("/api/openapi.json");
    expect(res.status).toBe(200);
    const ids = Object.values(res.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        "createOrganisation",
        "listOrganisations",
        "createPerson",
        "createBody",
        "listBodies",
        "addMember",
        "importMembers",
        "createMeeting",
        "getMeeting",
        "updateMeeting",
        "listMeetings",
        "addAgendaItem",
        "updateAgendaItem",
        "moveAgendaItem",
        "createAttachmentUpload",
        "recordAttachment",
        "sendInvitations",
        "getSend",
      ]),
    );
  });

  // Last in the file: the server closes the connection after refusing the rest of a body that large.
  it("refuses an oversized JSON body with 413", async () => {
    const res = await api.post("/api/organisations", { name: "x".repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.detail).toContain("for stort");
  });
});
