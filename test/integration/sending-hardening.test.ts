// Bad input on the send page and the people routes: forged ticks, withdrawn or foreign invitations, unknown people.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDeliveries, recordSesNotifications } from "../../shared/sending/index.js";
import { type ApiClient, apiClient } from "../support/api.js";
import { type CookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, waitForSend } from "../support/scenario.js";

describe("sending under bad input", () => {
  let app: TestApp;
  let api: ApiClient;
  let nina: CookieBrowser & { csrf: string };
  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "api-sendeherding@vestregionen.no");
    nina = await loggedInBrowser(app, "nina.sendeherding@vestregionen.no");
  });
  afterAll(() => app.stop());

  const ticked = (recipients: string[]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ csrf: nina.csrf, audience: "selected" })) form.append(k, v);
    for (const r of recipients) form.append("recipients", r);
    return form;
  };
  const checkboxIds = (page: string) => [...page.matchAll(/name="recipients" value="([^"]+)"/g)].map((m) => m[1]!);
  const sendAll = async (meetingId: string) =>
    (await api.post(`/api/meetings/${meetingId}/sends`, { audience: "all" })).body.sendId as string;
  const bounce = async (sendId: string, email: string) => {
    const d = (await listDeliveries(app.ctx, sendId)).find((x) => x.email === email)!;
    const text = readFileSync(new URL("../fixtures/ses-bounce.json", import.meta.url), "utf8")
      .replaceAll("MESSAGE_ID", d.messageId!)
      .replaceAll("RECIPIENT", d.email);
    await recordSesNotifications(app.ctx, [text]);
  };

  it("a tick that is not on this meeting's list (unknown, withdrawn, another meeting's) shows the list again with why", async () => {
    const s = await meetingWithMembers(api, 2);
    const other = await meetingWithMembers(api, 1);
    const otherSend = await sendAll(other.meeting.id);
    await waitForSend(api, otherSend);
    const foreign = (await listDeliveries(app.ctx, otherSend))[0]!.invitationId;
    const ids = checkboxIds(await (await nina.get(`/moter/${s.meeting.id}/send`)).text());
    for (const bad of [["finnes-ikke"], [ids[0]!, foreign]]) {
      const res = await nina.post(`/moter/${s.meeting.id}/send`, ticked(bad));
      expect(res.status, bad.join()).toBe(400);
      const html = await res.text();
      expect(html).toContain("Ingenting ble sendt.");
      expect(html).toContain("Send til utvalgte");
    }
    expect(await emailsTo(app, s.tag)).toEqual([]);
    // The API says the same as a 404 problem, in Norwegian.
    const api404 = await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: { invitationIds: [foreign] } });
    expect(api404.status).toBe(404);
    expect(api404.headers.get("content-type")).toContain("application/problem+json");
  });

  it("a ticked person withdrawn meanwhile, and a blocked address ticked by a forged post, get nothing", async () => {
    const s = await meetingWithMembers(api, 3);
    const first = await sendAll(s.meeting.id);
    await waitForSend(api, first);
    await bounce(first, s.members[2]!.email);
    const invitations = await listDeliveries(app.ctx, first);
    const of = (i: number) => invitations.find((x) => x.email === s.members[i]!.email)!.invitationId;
    const page = await (await nina.get(`/moter/${s.meeting.id}/send`)).text();
    // The blocked person's box is disabled on the page, and says why.
    expect(page).toMatch(new RegExp(`value="${of(2)}" disabled`));
    expect(page).toContain("får ikke e-post: adressen er sperret til den rettes på organets medlemsside");
    const members = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items as { id: string; personEmail: string }[];
    const m1 = members.find((m) => m.personEmail === s.members[1]!.email)!;
    await api.raw(`/api/bodies/${s.body.id}/members/${m1.id}`, { method: "DELETE" });

    const withdrawn = await nina.post(`/moter/${s.meeting.id}/send`, ticked([of(0), of(1)]));
    expect(withdrawn.status).toBe(400);
    expect(await withdrawn.text()).toContain("Ingenting ble sendt.");

    const forged = await nina.post(`/moter/${s.meeting.id}/send`, ticked([of(2)]));
    expect(forged.status).toBe(303);
    const progress = await waitForSend(api, forged.headers.get("location")!.replace("/utsendelser/", ""));
    expect(progress).toMatchObject({ total: 1, sent: 0, suppressed: 1 });
    const to2 = (await emailsTo(app, s.tag)).filter((e) => e.destination.to.includes(s.members[2]!.email));
    expect(to2).toHaveLength(1); // the first innkalling only
  });

  it("confirmLate must be a boolean; the members page says a flagged address gets nothing until corrected", async () => {
    const s = await meetingWithMembers(api, 2);
    for (const confirmLate of ["yes", 1, null]) {
      const res = await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all", confirmLate });
      expect(res.status, String(confirmLate)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const first = await sendAll(s.meeting.id);
    await waitForSend(api, first);
    await bounce(first, s.members[0]!.email);
    const membersPage = await (await nina.get(`/organ/${s.body.id}`)).text();
    expect(membersPage).toContain("E-post til adressen ble avvist: får ingen utsendelser før adressen er rettet");
    const progress = (await api.get(`/api/sends/${first}`)).body;
    const reason = progress.failures.find((f: { email: string }) => f.email === s.members[0]!.email).reason as string;
    expect(reason).toContain("Adressen får ingen flere utsendelser før den er rettet på organets medlemsside.");

    // Corrected on the page: the next send goes to the new address, and only there.
    const person = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items.find(
      (m: { personEmail: string }) => m.personEmail === s.members[0]!.email,
    );
    const fixed = `rettet-${s.tag}@example.org`;
    const saved = await nina.post(`/organ/${s.body.id}/personer/${person.personId}`, {
      csrf: nina.csrf,
      memberId: person.id,
      name: person.personName,
      email: fixed,
    });
    expect(saved.status).toBe(303);
    const second = await sendAll(s.meeting.id);
    await waitForSend(api, second);
    const toFixed = (await listDeliveries(app.ctx, second)).find((d) => d.email === fixed);
    expect(toFixed?.status).toBe("sent");
  });

  it("people routes: unknown ids are 404s, bad fields 400 with the form kept, never a 500", async () => {
    const s = await meetingWithMembers(api, 1);
    expect((await api.patch("/api/people/finnes-ikke", { name: "Ny" })).status).toBe(404);
    const person = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items[0];
    for (const body of [{}, { email: "ikke-en-adresse" }, { name: "" }, { name: 5 }, { role: "member" }]) {
      const res = await api.patch(`/api/people/${person.personId}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const unknown = await nina.post(`/organ/${s.body.id}/personer/finnes-ikke`, {
      csrf: nina.csrf,
      memberId: person.id,
      name: "Ny",
      email: `ny-${s.tag}@example.org`,
    });
    expect(unknown.status).toBe(404);
    const bad = await nina.post(`/organ/${s.body.id}/personer/${person.personId}`, {
      csrf: nina.csrf,
      memberId: person.id,
      name: "",
      email: "feil@",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="feil@"');
  });
});
