// The referat's emails carry the referat as PDF/A when the distribution asks for it (local SES's store, read with unpdf).
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo } from "../support/scenario.js";
import { AFTER_MEETING, heldMeeting, tickAndDrain } from "./minutes-setup.js";

describe("the referat PDF attached on request", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });
  afterAll(() => app.clock.set(new Date()));

  const distribute = async (attachPdf?: boolean) => {
    app.clock.set(new Date());
    const m = await heldMeeting(api);
    app.clock.set(AFTER_MEETING);
    expect((await api.post(`/api/meetings/${m.meeting.id}/minutes/approve`)).status).toBe(200);
    const scheduled = await api.post(`/api/meetings/${m.meeting.id}/minutes/schedule`, {
      at: "now",
      ...(attachPdf === undefined ? {} : { attachPdf }),
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.attachPdf).toBe(attachPdf === true);
    await tickAndDrain(app);
    return (await emailsTo(app, m.tag)).filter((e) => e.subject.startsWith("Referat fra møte i"));
  };

  it("attaches the referat as PDF to every copy when asked", async () => {
    const mails = await distribute(true);
    expect(mails.length).toBeGreaterThan(2);
    for (const mail of mails) expect(mail.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    const pdf = mails[0]!.attachments[0]!;
    expect(pdf.filename).toMatch(/^Referat .+ \d\d\.\d\d\.\d{4}\.pdf$/);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(pdf.content, "base64"))), {
      mergePages: true,
    });
    expect(text.replace(/\s+/g, " ")).toContain("Referat fra møte i");
    expect(text).toContain("Kommunehelsesamarbeidet");
  });

  it("attaches nothing otherwise", async () => {
    const mails = await distribute();
    expect(mails.length).toBeGreaterThan(2);
    for (const mail of mails) expect(mail.attachments).toEqual([]);
    expect((await api.post("/api/meetings/x/minutes/schedule", { at: "now", attachPdf: "ja" })).status).toBe(400);
  });
});
