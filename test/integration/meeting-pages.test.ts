// The meeting page's own actions for a logged-in secretary: cancel (with the CANCEL), delete/withdraw, case numbers, copy, held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../support/api.js";
import { type CookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, waitForSend } from "../support/scenario.js";
import { uploadViaApi } from "../support/uploads.js";

describe("the meeting page's actions", () => {
  let app: TestApp;
  let api: ApiClient;
  let nina: CookieBrowser & { csrf: string };
  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "api-moter@vestregionen.no");
    nina = await loggedInBrowser(app, "nina.moter@vestregionen.no");
  });
  afterAll(() => app.stop());

  const post = (path: string, fields: Record<string, string> = {}) => nina.post(path, { csrf: nina.csrf, ...fields });
  const page = async (path: string) => (await nina.get(path)).text();
  const meetingOf = async (id: string) => (await api.get(`/api/meetings/${id}`)).body;
  const invite = async (id: string) =>
    waitForSend(api, (await api.post(`/api/meetings/${id}/sends`, { audience: "all" })).body.sendId);
  /** Follows a 303 to the page it names and returns that page's text. */
  const landing = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(303);
    return page(res.headers.get("location")!);
  };

  it("cancels an invited meeting after a confirm step: status cancelled and everyone gets the calendar CANCEL", async () => {
    const s = await meetingWithMembers(api, 2);
    await invite(s.meeting.id);
    expect(await page(`/moter/${s.meeting.id}`)).toContain(`href="/moter/${s.meeting.id}/avlys"`);
    const confirm = await page(`/moter/${s.meeting.id}/avlys`);
    expect(confirm).toContain("Alle som fikk innkallingen får en avlysning med kalenderoppdatering");
    // Without the confirm field nothing happens.
    expect((await post(`/moter/${s.meeting.id}/avlys`)).headers.get("location")).toBe(`/moter/${s.meeting.id}/avlys`);
    expect((await meetingOf(s.meeting.id)).meeting.status).toBe("invited");

    const res = await post(`/moter/${s.meeting.id}/avlys`, { confirm: "yes", idempotencyKey: `avlys-${s.meeting.id}-test` });
    expect(res.status).toBe(303);
    const sendId = res.headers.get("location")!.split("/utsendelser/")[1]!;
    await waitForSend(api, sendId);
    expect((await meetingOf(s.meeting.id)).meeting.status).toBe("cancelled");
    const cancels = (await emailsTo(app, s.tag)).filter((e) => e.subject.startsWith("Avlyst"));
    expect(cancels.flatMap((e) => e.destination.to).sort()).toEqual(s.members.map((m) => m.email).sort());
    const ics = cancels[0]!.attachments.find((a) => a.contentType.includes("calendar"))!;
    expect(Buffer.from(ics.content, "base64").toString("utf8")).toContain("METHOD:CANCEL");
    expect(await landing(await post(`/moter/${s.meeting.id}/avlys`, { confirm: "yes" }))).toContain("Møtet er allerede avlyst.");
  });

  it("cancels a draft without sending anything", async () => {
    const s = await meetingWithMembers(api, 1);
    expect(await page(`/moter/${s.meeting.id}/avlys`)).toContain("Innkallingen er ikke sendt, så ingen får e-post.");
    expect(await landing(await post(`/moter/${s.meeting.id}/avlys`, { confirm: "yes" }))).toContain("Møtet er avlyst.");
    expect((await meetingOf(s.meeting.id)).meeting.status).toBe("cancelled");
    expect(await emailsTo(app, s.tag)).toEqual([]);
  });

  it("deletes a case before the innkalling and withdraws one after it (shown as «Trukket»)", async () => {
    const s = await meetingWithMembers(api, 1);
    const [referat, budsjett] = (await meetingOf(s.meeting.id)).agenda;
    expect(await page(`/moter/${s.meeting.id}`)).toContain("Slett saken");
    expect(await landing(await post(`/moter/${s.meeting.id}/saker/${referat.id}/slett`))).toContain("Saken er slettet.");
    expect((await meetingOf(s.meeting.id)).agenda.map((i: { number: string }) => i.number)).toEqual(["1/2030"]);

    await invite(s.meeting.id);
    expect(await page(`/moter/${s.meeting.id}`)).toContain("Trekk saken");
    const shown = await landing(await post(`/moter/${s.meeting.id}/saker/${budsjett.id}/slett`));
    expect(shown).toContain("Saken er trukket.");
    expect(shown).toMatch(/Budsjett\s*<strong class="withdrawn"> \(Trukket\)<\/strong>/);
    expect((await meetingOf(s.meeting.id)).agenda).toMatchObject([{ title: "Budsjett", number: "1/2030", withdrawn: true }]);
  });

  it("deletes an attachment from the page, and says why one linked to a case stays", async () => {
    const s = await meetingWithMembers(api, 1);
    for (const title of ["Linket", "Utkast"])
      await uploadViaApi(api, s.meeting.id, {
        title,
        filename: `${title}.pdf`,
        type: "application/pdf",
        content: `%PDF-1.4 ${title}`,
      });
    const [referat] = (await meetingOf(s.meeting.id)).agenda;
    await api.patch(`/api/meetings/${s.meeting.id}/agenda/${referat.id}`, { attachmentNumbers: [1] });
    expect(await page(`/moter/${s.meeting.id}`)).toContain("Slett vedlegg 2");
    const refused = await post(`/moter/${s.meeting.id}/vedlegg/1/slett`);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Vedlegget ble ikke slettet: Vedlegg 1 er knyttet til sak 1/2030.");
    expect(await landing(await post(`/moter/${s.meeting.id}/vedlegg/2/slett`))).toContain("Vedlegget er slettet.");
    expect((await meetingOf(s.meeting.id)).attachments.map((a: { number: number }) => a.number)).toEqual([1]);
  });

  it("an item's attachment numbers and sub-item letters are checked on the case form", async () => {
    const s = await meetingWithMembers(api, 1);
    const [referat] = (await meetingOf(s.meeting.id)).agenda;
    const form = { title: "Referat", background: "", proposedDecision: "", subItems: "", attachmentNumbers: "" };
    const noAtt = await post(`/moter/${s.meeting.id}/saker/${referat.id}`, { ...form, attachmentNumbers: "4" });
    expect(noAtt.status).toBe(400);
    expect(await noAtt.text()).toContain("Vedlegg 4 finnes ikke på dette møtet.");
    const twice = await post(`/moter/${s.meeting.id}/saker/${referat.id}`, { ...form, subItems: "A Asker\nA Bærum" });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("Bokstaven A er brukt flere ganger i samme sak");
  });

  it("sets the next case number from the agenda: never lower, errors on the form", async () => {
    const s = await meetingWithMembers(api, 1);
    expect(await page(`/moter/${s.meeting.id}`)).toContain("Neste saksnummer i 2030");
    const lower = await post(`/moter/${s.meeting.id}/saksnummer`, { next: "1" });
    expect(lower.status).toBe(409);
    expect(await lower.text()).toMatch(/id="saksnr-next"[^>]*aria-invalid="true"/);
    expect((await post(`/moter/${s.meeting.id}/saksnummer`, { next: "tolv" })).status).toBe(400);
    expect(await landing(await post(`/moter/${s.meeting.id}/saksnummer`, { next: "41" }))).toContain(
      "Neste sak får nummer 41/2030.",
    );
    expect((await api.post(`/api/meetings/${s.meeting.id}/agenda`, { title: "Ny sak" })).body.number).toBe("41/2030");
  });

  it("copies the meeting to the chosen day from the page (the same weekday four weeks on is proposed)", async () => {
    const s = await meetingWithMembers(api, 1);
    expect(await page(`/moter/${s.meeting.id}`)).toMatch(/type="date" value="2030-06-29"/);
    const bad = await post(`/moter/${s.meeting.id}/kopier`, { date: "29.06.2030" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="29.06.2030"');
    const res = await post(`/moter/${s.meeting.id}/kopier`, { date: "2030-06-29" });
    const copyPage = await landing(res);
    expect(copyPage).toContain("Møtet er kopiert.");
    const copyId = res.headers.get("location")!.split("?")[0]!.split("/moter/")[1]!;
    const copy = await meetingOf(copyId);
    expect(copy.meeting).toMatchObject({ title: s.meeting.title, startsAt: "2030-06-29T07:00:00.000Z", status: "draft" });
    expect(copy.agenda.map((i: { title: string }) => i.title)).toEqual(["Referat fra forrige møte", "Eventuelt"]);
  });

  it("shows a meeting whose end has passed as held («Avholdt»), and offers no cancel", async () => {
    const s = await meetingWithMembers(api, 1, { start: "2020-03-05T09:00" });
    const shown = await page(`/moter/${s.meeting.id}`);
    expect(shown).toContain("<strong>Avholdt</strong>");
    expect(shown).not.toContain(`href="/moter/${s.meeting.id}/avlys"`);
    expect(await landing(await post(`/moter/${s.meeting.id}/avlys`, { confirm: "yes" }))).toContain(
      "Møtet er avholdt og kan ikke avlyses.",
    );
  });
});
