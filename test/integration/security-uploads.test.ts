// Hostile uploads to the secretariat's pages and API: types that slip past the allow-list, files that would render as a page.
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.js";
import type { CookieBrowser } from "../support/browser-session.js";
import { hiddenField } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";
import { useSecretariatApp } from "./security-setup.js";

/**
 * "Safe to put on the internet": each test is named after an attack and proves it fails, over
 * HTTP against the real app, DynamoDB Local and the local SES.
 */
describe("safe to put on the internet", () => {
  let app!: TestApp;
  let api!: ApiClient;
  let secretariat!: CookieBrowser;
  const { tableSnapshot, uploadApi } = useSecretariatApp((a, c, b) => {
    app = a;
    api = c;
    secretariat = b;
  });

  it("an upload declaring Content-Type constructor or __proto__ slips past the allow-list: refused by the API and the page, nothing stored", async () => {
    const s = await meetingWithMembers(api, 1);
    const page = await (await secretariat.get(`/moter/${s.meeting.id}`)).text();
    const csrf = hiddenField(page, "csrf");
    const before = await tableSnapshot();
    for (const type of ["constructor", "__proto__", "tostring", "hasownproperty", "valueof"]) {
      const viaApi = await uploadApi(s.meeting.id, `lure-${type}.html`, type, "<script>alert(1)</script>");
      expect(viaApi.status, type).toBe(400);
      expect(viaApi.body.errors[0].message, type).toContain("ikke tillatt");

      const viaPage = await secretariat.post(`/moter/${s.meeting.id}/vedlegg`, {
        csrf,
        attachmentTitle: `Lure ${type}`,
        attachmentType: type,
      });
      expect(viaPage.status, type).toBe(400);
      const body = await viaPage.text();
      expect(body, type).toContain("ikke tillatt");
      expect(body, type).toContain('id="attachmentType-feil"');
      expect(body, type).not.toContain('enctype="multipart/form-data"');
    }
    expect(await tableSnapshot()).toEqual(before);
    expect((await api.get(`/api/meetings/${s.meeting.id}`)).body.attachments ?? []).toEqual([]);

    // An allowed type is stored as the allow-list spells it, whatever case and parameters were sent.
    const ok = await uploadApi(s.meeting.id, "notat.txt", "Text/Plain; charset=utf-8");
    expect(ok.status).toBe(201);
    expect(ok.body.contentType).toBe("text/plain");
  });

  it("an uploaded .txt or .docx rendered as a page (content sniffing, stored XSS): downloads are attachments with nosniff; PDF and images may open inline", async () => {
    const s = await meetingWithMembers(api, 1);
    const files: [string, string, string | Uint8Array][] = [
      ["notat.txt", "text/plain", "<html><script>alert(document.cookie)</script></html>"],
      [
        "sak.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "PK\u0003\u0004<script>alert(1)</script>",
      ],
      ["tall.csv", "text/csv", "a,b\n<script>alert(1)</script>,2"],
      ["rapport.pdf", "application/pdf", "%PDF-1.4 rapport"],
      ["kart.png", "image/png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ];
    const numbers: number[] = [];
    for (const [name, type, content] of files) {
      const res = await uploadApi(s.meeting.id, name, type, content);
      expect(res.status, name).toBe(201);
      numbers.push(res.body.number);
    }
    const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const token = replyLink((await emailsTo(app, s.tag))[0]!).split("/r/")[1]!;
    expect((await api.patch(`/api/meetings/${s.meeting.id}`, { published: true })).status).toBe(200);

    for (const [i, [name, type]] of files.entries()) {
      for (const path of [`/a/${token}/${numbers[i]}`, `/arkiv/mote/${s.meeting.id}/vedlegg/${numbers[i]}`]) {
        // The app's redirect carries nosniff; the presigned GET it points to carries the type and disposition.
        const redirect = await fetch(`${app.baseUrl}${path}`, { redirect: "manual" });
        expect(redirect.status, `${name} ${path}`).toBe(302);
        expect(redirect.headers.get("x-content-type-options"), name).toBe("nosniff");
        const res = await fetch(redirect.headers.get("location")!);
        expect(res.status, `${name} ${path}`).toBe(200);
        expect(res.headers.get("content-type"), name).toBe(type);
        const disposition = res.headers.get("content-disposition") ?? "";
        expect(disposition, name).toMatch(/^(inline|attachment); filename\*=UTF-8''/);
        expect(disposition.split(";")[0], name).toBe(/pdf|png/.test(name) ? "inline" : "attachment");
      }
    }
  });
});
