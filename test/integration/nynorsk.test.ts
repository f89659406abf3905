// A body that writes nynorsk, over HTTP on the real twins: its innkalling and confirmation emails (local SES), the
// participant's reply page (lang="nn", errors and receipt too) and its public archive are in nynorsk.
import { describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import { hiddenField, postForm } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";

describe("a nynorsk body", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  it("emails, the reply page and the archive speak nynorsk; a bokmål body's stay bokmål", async () => {
    const s = await meetingWithMembers(api, 1, { deadline: "2030-05-28T12:00" }); // 2030-06-01 is a Saturday
    expect((await api.patch(`/api/bodies/${s.body.id}`, { language: "nn" })).status).toBe(200);
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    const [invite] = await emailsTo(app, s.tag);
    expect(invite!.subject).toBe(`Innkalling: Organ ${s.tag} – Møte ${s.tag} 01.06.2030`);
    expect(invite!.body.html).toContain('lang="nn"');
    expect(invite!.body.text).toContain("Svar på innkallinga");
    expect(invite!.body.text).toContain("Laurdag 01.06.2030 kl. 09.00 – 12.00");
    expect(invite!.body.text).toContain("SAKER TIL HANDSAMING");
    expect(invite!.body.text).not.toContain("Svar på innkallingen");

    const link = replyLink(invite!).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    const page = await (await fetch(link)).text();
    expect(page).toContain('<html lang="nn">');
    expect(page).toContain("Kjem du?");
    expect(page).toContain("Ja, eg kjem");
    expect(page).toContain("Du har ikkje svart enno.");

    const csrf = hiddenField(page, "csrf");
    const bad = await postForm(link, { csrf, status: "" });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain("Svaret vart ikkje lagra. Rett opp dette:");
    expect(badPage).toContain("Vel eitt av svara.");

    const noName = await (await postForm(link, { csrf, status: "substitute", substituteName: "", substituteEmail: "x" })).text();
    expect(noName).toContain("Skriv namnet på stadfortredaren.");
    expect(noName).toContain("Skriv ei gyldig e-postadresse for stadfortredaren.");

    const ok = await postForm(link, { csrf, status: "attending" });
    expect(ok.status).toBe(303);
    const receipt = await (await fetch(`${app.baseUrl}${ok.headers.get("location")}`)).text();
    expect(receipt).toContain("Takk! Svaret ditt er registrert. Du får ei stadfesting på e-post.");
    expect(receipt).toContain("Du kjem.");
    await app.ctx.queue.drained();
    const confirmation = (await emailsTo(app, s.tag)).find((e) => e.subject.startsWith("Svaret ditt er registrert"))!;
    expect(confirmation.body.text).toContain("Me har registrert svaret ditt:");
    expect(confirmation.body.text).toContain("Du kjem.");

    expect((await api.patch(`/api/meetings/${s.meeting.id}`, { published: true })).status).toBe(200);
    const archive = await (await fetch(`${app.baseUrl}/arkiv/mote/${s.meeting.id}`)).text();
    expect(archive).toContain('<html lang="nn">');
    expect(archive).toContain("Innkalling: saker til handsaming");
    expect(archive).toContain("Framlegg til vedtak:");
    expect(archive).toContain("Stad");
    const bodyPage = await (await fetch(`${app.baseUrl}/arkiv/${s.body.id}`)).text();
    expect(bodyPage).toContain("Møta for eInnsyn (JSON-LD)");

    // The same flow for a body without a language: bokmål.
    const nb = await meetingWithMembers(api, 1, { deadline: "2030-05-28T12:00" });
    await waitForSend(api, (await api.post(`/api/meetings/${nb.meeting.id}/sends`, { audience: "all" })).body.sendId);
    const [nbInvite] = await emailsTo(app, nb.tag);
    expect(nbInvite!.body.text).toContain("Svar på innkallingen");
    expect(nbInvite!.body.text).toContain("Lørdag 01.06.2030");
    const nbPage = await (await fetch(replyLink(nbInvite!).replace(/^https?:\/\/[^/]+/, app.baseUrl))).text();
    expect(nbPage).toContain('<html lang="nb">');
    expect(nbPage).toContain("Kommer du?");
  });
});
