// The web pages: send the innkalling to people ticked on the send page; correct a member's address on /organ/:id.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDeliveries, recordSesNotifications } from "../../shared/sending/index.js";
import { type ApiClient, apiClient } from "../support/api.js";
import { type CookieBrowser, loggedInBrowser } from "../support/browser-session.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { countPerRecipient, emailsTo, meetingWithMembers, waitForSend } from "../support/scenario.js";

describe("web pages: send to selected people, correct a person's email", () => {
  let app: TestApp;
  let api: ApiClient;
  let nina: CookieBrowser & { csrf: string };
  beforeAll(async () => {
    app = await startTestApp();
    api = await apiClient(app, "api-utvalg@vestregionen.no");
    nina = await loggedInBrowser(app, "nina.utvalg@vestregionen.no");
  });
  afterAll(() => app.stop());

  const ticked = (fields: Record<string, string>, recipients: string[]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ csrf: nina.csrf, ...fields })) form.append(k, v);
    for (const r of recipients) form.append("recipients", r);
    return form;
  };
  const checkboxIds = (page: string) => [...page.matchAll(/name="recipients" value="([^"]+)"/g)].map((m) => m[1]!);

  it("sends the innkalling to the people ticked only (members never sent to included)", async () => {
    const { tag, meeting, members } = await meetingWithMembers(api, 4);
    const page = await (await nina.get(`/moter/${meeting.id}/send`)).text();
    expect(page).toContain("Send til utvalgte");
    const ids = checkboxIds(page);
    expect(ids).toHaveLength(4);
    for (const m of members) expect(page).toContain(m.email);

    const none = await nina.post(`/moter/${meeting.id}/send`, ticked({ audience: "selected" }, []));
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Velg minst én mottaker.");

    // Ticked in page order: the first and the third member.
    const pick = [ids[0]!, ids[2]!];
    const res = await nina.post(
      `/moter/${meeting.id}/send`,
      ticked({ audience: "selected", idempotencyKey: `utvalg-${tag}` }, pick),
    );
    expect(res.status).toBe(303);
    const sendId = res.headers.get("location")!.replace("/utsendelser/", "");
    expect(await waitForSend(api, sendId)).toMatchObject({ total: 2, sent: 2 });
    const to = [...countPerRecipient(await emailsTo(app, tag)).keys()].sort();
    expect(to).toEqual([members[0]!.email, members[2]!.email].sort());
    expect((await listDeliveries(app.ctx, sendId)).map((d) => d.invitationId).sort()).toEqual([...pick].sort());
  });

  it("marks a bounced address on the members and send pages, shows skipped ones in the progress, and corrects it", async () => {
    const { tag, meeting, body, members } = await meetingWithMembers(api, 2);
    const first = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, first.sendId);
    const bounced = (await listDeliveries(app.ctx, first.sendId)).find((d) => d.email === members[1]!.email)!;
    const bounce = readFileSync(new URL("../fixtures/ses-bounce.json", import.meta.url), "utf8")
      .replaceAll("MESSAGE_ID", bounced.messageId!)
      .replaceAll("RECIPIENT", bounced.email);
    await recordSesNotifications(app.ctx, [bounce]);

    const sendPage = await (await nina.get(`/moter/${meeting.id}/send`)).text();
    expect(sendPage).toContain("adressen er sperret");
    const second = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, second.sendId);
    const progress = await (await nina.get(`/utsendelser/${second.sendId}`)).text();
    expect(progress).toContain("1 ikke sendt fordi adressen er sperret");
    expect(progress).toContain("Ikke sendt: adressen har avvist e-post tidligere.");

    const membersPage = await (await nina.get(`/organ/${body.id}`)).text();
    expect(membersPage).toContain("E-post til adressen ble avvist");
    const listed = (await api.get(`/api/bodies/${body.id}/members`)).body.items as {
      id: string;
      personId: string;
      personEmail: string;
    }[];
    const [ok, broken] = [
      listed.find((m) => m.personEmail === members[0]!.email)!,
      listed.find((m) => m.personEmail === bounced.email)!,
    ];
    expect(membersPage).toContain(`action="/organ/${body.id}/personer/${broken.personId}"`);

    // Someone else's address: refused, the form again with the values and the reason.
    const clash = await nina.post(`/organ/${body.id}/personer/${broken.personId}`, {
      csrf: nina.csrf,
      memberId: broken.id,
      name: members[1]!.name,
      email: ok.personEmail,
    });
    expect(clash.status).toBe(409);
    const clashPage = await clash.text();
    expect(clashPage).toContain(`E-postadressen ${ok.personEmail} brukes allerede av en annen person.`);
    expect(clashPage).toMatch(new RegExp(`id="epost-${broken.id}"[^>]*value="${ok.personEmail}"`));

    const corrected = `rettet-${tag}@example.org`;
    const saved = await nina.post(`/organ/${body.id}/personer/${broken.personId}`, {
      csrf: nina.csrf,
      memberId: broken.id,
      name: members[1]!.name,
      email: corrected,
    });
    expect(saved.status).toBe(303);
    const page = await (await nina.get(saved.headers.get("location")!)).text();
    expect(page).toContain("Personen er oppdatert.");
    expect(page).toContain(corrected);
    expect(page).not.toContain("E-post til adressen ble avvist");
    expect((await nina.get(`/moter/${meeting.id}/send`)).ok).toBe(true);
    expect(await (await nina.get(`/moter/${meeting.id}/send`)).text()).not.toContain("adressen er sperret");
  });
});
