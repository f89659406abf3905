import { describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";
import { uploadViaApi } from "../support/uploads.js";

/** Attachment links go through the app: the personal link, or a published meeting and a file not exempt. */
describe("attachment links and the public archive", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  async function upload(meetingId: string, title: string, content: string, exempt = false) {
    const res = await uploadViaApi(api, meetingId, { title, filename: `${title}.pdf`, type: "application/pdf", content, exempt });
    expect(res.status).toBe(201);
    return res.body.number as number;
  }

  it("serves an attachment through the personal link, and refuses a wrong or revoked link", async () => {
    const s = await meetingWithMembers(api, 1);
    const n = await upload(s.meeting.id, "Tertialrapport", "%PDF-1.4 tertial");
    const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const mail = (await emailsTo(app, s.tag))[0]!;
    const token = replyLink(mail).split("/r/")[1]!;
    expect(mail.body.html).toContain(`/a/${token}/${n}`);

    // The app checks the link, then redirects to a short-lived presigned GET on the bucket.
    const redirect = await fetch(`${app.baseUrl}/a/${token}/${n}`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get("location")!);
    expect(location.origin).toBe(app.s3Endpoint);
    expect(location.searchParams.get("X-Amz-Expires")).toBe("300");
    const ok = await fetch(location);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''Tertialrapport.pdf");
    expect(await ok.text()).toBe("%PDF-1.4 tertial");

    expect((await fetch(`${app.baseUrl}/a/${token}/99`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/a/${token.slice(0, -2)}xx/${n}`)).status).toBe(404);

    const invitationId = token.split(".")[1]!;
    expect((await api.post(`/api/meetings/${s.meeting.id}/invitations/${invitationId}/revoke`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/a/${token}/${n}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/r/${token}`)).status).toBe(404);
  });

  it("shows a published meeting in the archive with its attachments, except the exempt one", async () => {
    const s = await meetingWithMembers(api, 1);
    const open = await upload(s.meeting.id, "Budsjett", "%PDF-1.4 budsjett");
    const exempt = await upload(s.meeting.id, "Personalsak", "%PDF-1.4 hemmelig", true);
    // Not published yet: nothing public.
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${s.meeting.id}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${s.meeting.id}/vedlegg/${open}`)).status).toBe(404);

    expect((await api.patch(`/api/meetings/${s.meeting.id}`, { published: true })).status).toBe(200);
    const page = await (await fetch(`${app.baseUrl}/arkiv/mote/${s.meeting.id}`)).text();
    expect(page).toContain("Budsjett");
    expect(page).not.toContain("Personalsak");
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${s.meeting.id}/vedlegg/${open}`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${s.meeting.id}/vedlegg/${exempt}`)).status).toBe(404);
    const index = await (await fetch(`${app.baseUrl}/arkiv/${s.body.id}`)).text();
    expect(index).toContain("2030");
    expect(index).toContain(`/arkiv/mote/${s.meeting.id}`);
  });
});
