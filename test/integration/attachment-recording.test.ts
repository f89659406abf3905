// Recording an upload S3 took: content checked and refused in Norwegian, keys confined to the meeting, one attachment per key.
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { postToS3, uploadViaApi } from "../support/uploads.js";
import { pdf, useAttachmentsApp } from "./attachment-setup.js";

/**
 * Attachments go from the client straight to S3 with a presigned POST (here the local S3: s3rver
 * behind the front that enforces POST policies as S3 does), and the app records what arrived.
 * Over HTTP against the real app, DynamoDB Local and the local S3.
 */
describe("attachments straight to S3", () => {
  let app!: TestApp;
  let api!: ApiClient;
  const { meeting, attachmentsOf, ask } = useAttachmentsApp((a, c) => {
    app = a;
    api = c;
  });

  it("an .exe renamed .pdf and declared application/pdf is refused at the record step, in Norwegian, and deleted", async () => {
    const m = await meeting();
    const before = (await api.get(`/api/meetings/${m.id}`)).body.meeting.version;
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const asked = (await ask(m.id, "tertialrapport.pdf", "application/pdf")).body as {
      url: string;
      fields: Record<string, string>;
      key: string;
    };
    expect((await postToS3(asked, { filename: "tertialrapport.pdf", type: "application/pdf", content: exe })).status).toBe(204);
    expect(await app.ctx.blobs.head(asked.key)).toBeDefined();

    const recorded = await api.post(`/api/meetings/${m.id}/attachments`, {
      key: asked.key,
      title: "Tertialrapport",
      exempt: false,
    });
    expect(recorded.status).toBe(400);
    expect(recorded.body.errors).toEqual([
      {
        field: "file",
        message:
          "Innholdet i «tertialrapport.pdf» er ikke PDF. Filen er avvist og slettet; velg riktig filtype eller en annen fil.",
      },
    ]);
    expect(await app.ctx.blobs.head(asked.key)).toBeUndefined();
    expect(await attachmentsOf(m.id)).toEqual([]);
    expect((await api.get(`/api/meetings/${m.id}`)).body.meeting.version).toBe(before);

    // Text must be UTF-8 without NUL; real text passes.
    const nul = await uploadViaApi(api, m.id, {
      title: "Binær",
      filename: "data.txt",
      type: "text/plain",
      content: new Uint8Array([0x68, 0x00, 0x69]),
    });
    expect(nul.status).toBe(400);
    const latin1 = await uploadViaApi(api, m.id, {
      title: "Latin-1",
      filename: "gammel.csv",
      type: "text/csv",
      content: new Uint8Array([0x42, 0xe6, 0x72, 0x75, 0x6d]),
    });
    expect(latin1.status).toBe(400);
    const text = await uploadViaApi(api, m.id, {
      title: "Notat",
      filename: "notat.txt",
      type: "text/plain",
      content: "Bærum, Lier og Drammen\n",
    });
    expect(text.status).toBe(201);
    expect(text.body.number).toBe(1);
  });

  it("an OpenDocument file declared as Word (or a Word file as .odt) is refused from its content", async () => {
    const m = await meeting();
    const zipEntry = (name: string, body: string) =>
      new Uint8Array([
        0x50,
        0x4b,
        0x03,
        0x04,
        0x0a,
        ...Array<number>(21).fill(0),
        name.length,
        0,
        0,
        0,
        ...Buffer.from(name + body),
      ]);
    const odt = zipEntry("mimetype", "application/vnd.oasis.opendocument.text");
    const docx = zipEntry("[Content_Types].xml", "<?xml");
    const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const ODT = "application/vnd.oasis.opendocument.text";
    const up = (filename: string, type: string, content: Uint8Array) =>
      uploadViaApi(api, m.id, { title: filename, filename, type, content });
    const odtAsDocx = await up("sak.docx", DOCX, odt);
    expect(odtAsDocx.status).toBe(400);
    expect(odtAsDocx.body.errors[0].message).toContain("Innholdet i «sak.docx» er ikke");
    expect((await up("sak.odt", ODT, docx)).status).toBe(400);
    expect((await up("sak.odt", ODT, odt)).status).toBe(201);
    expect((await up("sak.docx", DOCX, docx)).status).toBe(201);
  });

  it("a key outside this meeting's upload prefix cannot be recorded, and the object is left alone", async () => {
    const mine = await meeting();
    const theirs = await meeting();
    const asked = (await ask(theirs.id, "budsjett.pdf", "application/pdf")).body as {
      url: string;
      fields: Record<string, string>;
      key: string;
    };
    expect((await postToS3(asked, { filename: "budsjett.pdf", type: "application/pdf", content: pdf("budsjett") })).status).toBe(
      204,
    );

    for (const key of [
      asked.key,
      asked.key.replace(`meetings/${theirs.id}/`, `meetings/${mine.id}/../${theirs.id}/`),
      `meetings/${mine.id}/uploads/../../${theirs.id}/uploads/x/budsjett.pdf`,
      `meetings/${mine.id}/attachments/01hx0000000000000000000000`,
      `previews/${mine.id}/1.html`,
    ]) {
      const res = await api.post(`/api/meetings/${mine.id}/attachments`, { key, title: "Lånt", exempt: false });
      expect(res.status, key).toBe(400);
      expect(res.body.errors[0], key).toEqual({ field: "key", message: "Filen hører ikke til en opplasting for dette møtet." });
    }
    expect(await app.ctx.blobs.head(asked.key)).toBeDefined();
    expect(await attachmentsOf(mine.id)).toEqual([]);
    // Its own meeting records it.
    expect(
      (await api.post(`/api/meetings/${theirs.id}/attachments`, { key: asked.key, title: "Budsjett", exempt: false })).status,
    ).toBe(201);
  });

  it("recording the same key twice, or twice at once, gives one attachment", async () => {
    const m = await meeting();
    const asked = (await ask(m.id, "referat.pdf", "application/pdf")).body as {
      url: string;
      fields: Record<string, string>;
      key: string;
    };
    expect((await postToS3(asked, { filename: "referat.pdf", type: "application/pdf", content: pdf("referat") })).status).toBe(
      204,
    );
    const first = await api.post(`/api/meetings/${m.id}/attachments`, { key: asked.key, title: "Referat", exempt: false });
    const again = await api.post(`/api/meetings/${m.id}/attachments`, { key: asked.key, title: "Referat", exempt: false });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);

    const racing = (await ask(m.id, "sakliste.pdf", "application/pdf")).body as {
      url: string;
      fields: Record<string, string>;
      key: string;
    };
    expect((await postToS3(racing, { filename: "sakliste.pdf", type: "application/pdf", content: pdf("sakliste") })).status).toBe(
      204,
    );
    const both = await Promise.all(
      [1, 2].map(() => api.post(`/api/meetings/${m.id}/attachments`, { key: racing.key, title: "Sakliste", exempt: false })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(both[0]!.body.number).toBe(both[1]!.body.number);
    expect((await attachmentsOf(m.id)).map((a) => [a.number, a.title])).toEqual([
      [1, "Referat"],
      [2, "Sakliste"],
    ]);
  });
});
