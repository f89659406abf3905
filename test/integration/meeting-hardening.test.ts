// Bad input and races on the meeting pages and API: cancel, copy, delete or withdraw, the case-number form.
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeAgendaItem } from "../../shared/meetings/index.js";
import { listSendsOfMeeting } from "../../shared/sending/index.js";
import { type ApiClient, apiClient } from "../support/api.js";
import { type CookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { meetingWithMembers, waitForSend } from "../support/scenario.js";
import { uploadViaApi } from "../support/uploads.js";

describe("meetings under bad input and races", () => {
  let app: TestApp;
  let api: ApiClient;
  let nina: CookieBrowser & { csrf: string };
  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "api-herding@vestregionen.no");
    nina = await loggedInBrowser(app, "nina.herding@vestregionen.no");
  });
  afterAll(() => app.stop());

  const post = (path: string, fields: Record<string, string> = {}) => nina.post(path, { csrf: nina.csrf, ...fields });
  const meetingOf = async (id: string) => (await api.get(`/api/meetings/${id}`)).body;
  const invite = async (id: string) =>
    waitForSend(api, (await api.post(`/api/meetings/${id}/sends`, { audience: "all" })).body.sendId);
  const sendsOf = (id: string) => listSendsOfMeeting(app.ctx, id);

  it("a deletion decided just before the innkalling went out becomes a withdrawal: the sent numbers stay", async () => {
    const s = await meetingWithMembers(api, 1);
    const [referat, budsjett] = (await meetingOf(s.meeting.id)).agenda;
    let fired = false;
    // The innkalling goes out between the deletion's read and its write.
    const racing = {
      ...app.ctx,
      db: {
        send: async (cmd: unknown) => {
          if (cmd instanceof TransactWriteCommand && !fired) {
            fired = true;
            await invite(s.meeting.id);
          }
          return app.ctx.db.send(cmd as Parameters<typeof app.ctx.db.send>[0]);
        },
      },
    } as unknown as typeof app.ctx;
    const removed = await removeAgendaItem(racing, s.meeting.id, referat.id);
    expect(fired).toBe(true);
    expect(removed.outcome).toBe("withdrawn");
    const agenda = (await meetingOf(s.meeting.id)).agenda;
    expect(agenda.map((i: { number: string; withdrawn?: boolean }) => [i.number, Boolean(i.withdrawn)])).toEqual([
      ["1/2030", true],
      ["2/2030", false],
    ]);
    expect(agenda[1].id).toBe(budsjett.id);
  });

  it("two cancels at once (two tabs) make one cancellation send; neither is a 500", async () => {
    for (let round = 0; round < 3; round++) {
      const s = await meetingWithMembers(api, 2);
      await invite(s.meeting.id);
      const [a, b] = await Promise.all(
        ["a", "b"].map((k) => post(`/moter/${s.meeting.id}/avlys`, { confirm: "yes", idempotencyKey: `avlys-${k}-${s.tag}` })),
      );
      expect([a!.status, b!.status]).toEqual([303, 303]);
      const cancels = (await sendsOf(s.meeting.id)).filter((x) => x.template === "cancellation");
      expect(cancels, `round ${round}`).toHaveLength(1);
      expect((await meetingOf(s.meeting.id)).meeting.status).toBe("cancelled");
      // The API's second cancel to everyone: a Norwegian 409, no second send.
      const again = await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all", template: "cancellation" });
      expect(again.status).toBe(409);
      expect(again.body.detail).toBe("Møtet er allerede avlyst.");
    }
  });

  it("copy: a past day or a broken date is refused (API problem, form kept); a cancelled meeting can be copied", async () => {
    const s = await meetingWithMembers(api, 1);
    for (const date of ["2020-01-06", "2030-13-01", "", 20300601]) {
      const res = await api.post(`/api/meetings/${s.meeting.id}/copy`, { date });
      expect(res.status, String(date)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const past = await api.post(`/api/meetings/${s.meeting.id}/copy`, { date: "2020-01-06" });
    expect(JSON.stringify(past.body)).toContain("Datoen har passert.");
    const form = await post(`/moter/${s.meeting.id}/kopier`, { date: "2020-01-06" });
    expect(form.status).toBe(400);
    const html = await form.text();
    expect(html).toContain("Datoen har passert.");
    expect(html).toContain('value="2020-01-06"');
    expect((await api.post("/api/meetings/ukjent-mote/copy", { date: "2030-07-01" })).status).toBe(404);

    await post(`/moter/${s.meeting.id}/avlys`, { confirm: "yes" });
    const copy = await api.post(`/api/meetings/${s.meeting.id}/copy`, { date: "2030-06-29" });
    expect(copy.status).toBe(201);
    expect(copy.body.meeting.status).toBe("draft");
  });

  it("the copy's referat case is numbered in the copy's year and names the meeting copied", async () => {
    const s = await meetingWithMembers(api, 1, { start: "2030-12-10T09:00" });
    const copy = await api.post(`/api/meetings/${s.meeting.id}/copy`, { date: "2031-01-07" });
    expect(copy.status).toBe(201);
    const [referat, eventuelt] = copy.body.agenda;
    expect(referat).toMatchObject({
      title: "Referat fra forrige møte",
      number: "1/2031",
      background: `Referat fra møtet 10.12.2030 («${s.meeting.title}»).`,
    });
    expect(eventuelt).toMatchObject({ title: "Eventuelt", number: null });
  });

  it("deleting a case or an attachment: unknown, twice, and at once give 404s, never a 500", async () => {
    const s = await meetingWithMembers(api, 1);
    const [, budsjett] = (await meetingOf(s.meeting.id)).agenda;
    const del = (path: string) => api.raw(path, { method: "DELETE" });
    expect((await del(`/api/meetings/${s.meeting.id}/agenda/ukjent`)).status).toBe(404);
    const twice = await Promise.all([1, 2].map(() => del(`/api/meetings/${s.meeting.id}/agenda/${budsjett.id}`)));
    expect(twice.map((r) => r.status).sort()).toEqual([200, 404]);
    expect((await del(`/api/meetings/${s.meeting.id}/agenda/${budsjett.id}`)).status).toBe(404);
    expect((await post(`/moter/${s.meeting.id}/saker/${budsjett.id}/slett`)).status).toBe(404);

    await uploadViaApi(api, s.meeting.id, {
      title: "Utkast",
      filename: "utkast.pdf",
      type: "application/pdf",
      content: "%PDF-1.4 utkast",
    });
    expect((await del(`/api/meetings/${s.meeting.id}/attachments/7`)).status).toBe(404);
    expect((await del(`/api/meetings/${s.meeting.id}/attachments/abc`)).status).toBe(400);
    const both = await Promise.all([1, 2].map(() => del(`/api/meetings/${s.meeting.id}/attachments/1`)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 404]);
  });

  it("a case deleted while others are added: every number stays unique", async () => {
    const s = await meetingWithMembers(api, 1);
    const [referat] = (await meetingOf(s.meeting.id)).agenda;
    await Promise.all([
      api.raw(`/api/meetings/${s.meeting.id}/agenda/${referat.id}`, { method: "DELETE" }),
      ...[1, 2, 3].map((i) => api.post(`/api/meetings/${s.meeting.id}/agenda`, { title: `Ny sak ${i}` })),
    ]);
    const numbers = (await meetingOf(s.meeting.id)).agenda.map((i: { number: string }) => i.number);
    expect(numbers).toEqual(["1/2030", "2/2030", "3/2030", "4/2030"]);
  });

  it("the case-number form keeps the value and says what is wrong in Norwegian; cancel twice on the page is calm", async () => {
    const s = await meetingWithMembers(api, 1);
    for (const next of ["abc", "0", "99999", ""]) {
      const res = await post(`/moter/${s.meeting.id}/saksnummer`, { next });
      expect(res.status, next).toBe(400);
      const html = await res.text();
      expect(html).toContain(`value="${next}"`);
      expect(html).not.toMatch(/Invalid|expected/);
    }
    const low = await post(`/moter/${s.meeting.id}/saksnummer`, { next: "1" });
    expect(low.status).toBe(409);
    expect(await low.text()).toContain("ville gitt dubletter");
    expect((await post("/moter/ukjent/saksnummer", { next: "5" })).status).toBe(404);
    expect((await post("/moter/ukjent/avlys", { confirm: "yes" })).status).toBe(404);
  });
});
