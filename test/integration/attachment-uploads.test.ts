// Attachments posted straight to S3 with a presigned form: size limits and pinned fields enforced by S3, and the page without JavaScript.
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import type { TestApp } from "../support/harness.js";
import { postToS3 } from "../support/uploads.js";
import { MB, pdf, useAttachmentsApp } from "./attachment-setup.js";

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

  it("a file over the Lambda payload limit goes to S3 with a pinned, encrypted form, is recorded, and the download link serves it", async () => {
    const m = await meeting();
    const asked = await ask(m.id, "Årsrapport 2030.pdf", "Application/PDF");
    expect(asked.status).toBe(200);
    const { url, fields, key } = asked.body as { url: string; fields: Record<string, string>; key: string };
    expect(new URL(url).origin).toBe(app.s3Endpoint);
    expect(key).toMatch(new RegExp(`^meetings/${m.id}/uploads/[0-9a-z]{26}/Årsrapport 2030\\.pdf$`));
    expect(fields).toMatchObject({ key, "Content-Type": "application/pdf", "x-amz-server-side-encryption": "AES256" });
    const policy = JSON.parse(Buffer.from(fields.Policy!, "base64").toString());
    expect(policy.conditions).toContainEqual(["content-length-range", 1, 50 * MB]);
    expect(policy.conditions).toContainEqual({ "Content-Type": "application/pdf" });

    // 7 MB: more than a Lambda invocation may carry.
    const content = new Uint8Array(7 * MB);
    content.set(Buffer.from(pdf("årsrapport")));
    content[content.length - 1] = 42;
    const stored = await postToS3({ url, fields }, { filename: "Årsrapport 2030.pdf", type: "application/pdf", content });
    expect(stored.status).toBe(204);

    const recorded = await api.post(`/api/meetings/${m.id}/attachments`, { key, title: "Årsrapport", exempt: false });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({
      number: 1,
      title: "Årsrapport",
      filename: "Årsrapport 2030.pdf",
      contentType: "application/pdf",
      size: 7 * MB,
    });
    expect(recorded.body.blobKey).toBeUndefined();
    // The upload itself is gone; the attachment is a copy no upload form can write to.
    expect(await app.ctx.blobs.head(key)).toBeUndefined();

    expect((await api.patch(`/api/meetings/${m.id}`, { published: true })).status).toBe(200);
    const link = await fetch(`${app.baseUrl}/arkiv/mote/${m.id}/vedlegg/1`, { redirect: "manual" });
    expect(link.status).toBe(302);
    const presigned = new URL(link.headers.get("location")!);
    expect(presigned.origin).toBe(app.s3Endpoint);
    expect(presigned.pathname).not.toContain("/uploads/");
    expect(presigned.searchParams.get("X-Amz-Expires")).toBe("300");
    const file = await fetch(presigned);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toBe(`inline; filename*=UTF-8''${encodeURIComponent("Årsrapport 2030.pdf")}`);
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(content))).toBe(true);
  });

  it("a file over 50 MB is refused by S3 while it streams (content-length-range), and nothing is stored", async () => {
    const m = await meeting();
    const asked = await ask(m.id, "stor.pdf", "application/pdf");
    const { url, fields, key } = asked.body as { url: string; fields: Record<string, string>; key: string };
    // A multipart body streamed from one reused 1 MB chunk: this process never holds 50 MB.
    const boundary = `----test${randomUUID()}`;
    const head = Buffer.from(
      Object.entries(fields)
        .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join("") +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const fileBytes = 50 * MB + 1;
    const chunk = Buffer.alloc(MB, 0x20);
    Buffer.from(pdf("")).copy(chunk);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          headers: {
            "content-type": `multipart/form-data; boundary=${boundary}`,
            "content-length": head.length + fileBytes + tail.length,
          },
        },
        (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      (async () => {
        req.write(head);
        for (let sent = 0; sent < fileBytes; ) {
          const part = chunk.subarray(0, Math.min(chunk.length, fileBytes - sent));
          sent += part.length;
          if (!req.write(part)) await new Promise((r) => req.once("drain", r));
        }
        req.end(tail);
      })().catch(reject);
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("<Code>EntityTooLarge</Code>");
    expect(await app.ctx.blobs.head(key)).toBeUndefined();
    const recorded = await api.post(`/api/meetings/${m.id}/attachments`, { key, title: "Stor", exempt: false });
    expect(recorded.status).toBe(400);
    expect(recorded.body.errors[0].message).toContain("Fant ikke den opplastede filen");
    expect(await attachmentsOf(m.id)).toEqual([]);
  });

  it("the form pins the type: S3 refuses another Content-Type, an extra field, or a type off the list is never presigned", async () => {
    const m = await meeting();
    const { url, fields } = (await ask(m.id, "notat.pdf", "application/pdf")).body as {
      url: string;
      fields: Record<string, string>;
    };
    const otherType = await postToS3(
      { url, fields: { ...fields, "Content-Type": "text/html" } },
      { filename: "notat.pdf", type: "text/html", content: "<script>" },
    );
    expect(otherType.status).toBe(403);
    expect(await otherType.text()).toContain("Policy Condition failed");
    const extra = await postToS3(
      { url, fields: { ...fields, "x-amz-meta-owner": "someone" } },
      { filename: "notat.pdf", type: "application/pdf", content: pdf("x") },
    );
    expect(extra.status).toBe(403);
    const otherKey = await postToS3(
      { url, fields: { ...fields, key: `meetings/${m.id}/attachments/x` } },
      { filename: "notat.pdf", type: "application/pdf", content: pdf("x") },
    );
    expect(otherKey.status).toBe(403);

    for (const type of ["application/x-msdownload", "text/html", "constructor", "__proto__"]) {
      const refused = await ask(m.id, "x.exe", type);
      expect(refused.status, type).toBe(400);
      expect(refused.body.errors[0].message, type).toContain("ikke tillatt");
    }
  });

  it("the page works without JavaScript: a plain form to S3 (file last), S3 redirects back, the app records it once", async () => {
    const m = await meeting();
    const b = await loggedInBrowser(app, `vedlegg-${randomUUID().slice(0, 8)}@vestregionen.no`);
    const editor = await b.get(`/moter/${m.id}`);
    const formAction = (editor.headers.get("content-security-policy") ?? "")
      .split(";")
      .find((d) => d.trim().startsWith("form-action"));
    expect(formAction?.trim()).toBe(`form-action 'self' ${app.s3Endpoint}`);

    // Step 1: what the file is (a missing title is answered with the form again).
    const blank = await b.post(`/moter/${m.id}/vedlegg`, {
      csrf: b.csrf,
      attachmentTitle: "",
      attachmentType: "application/pdf",
    });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain('id="attachmentTitle-feil"');
    const step1 = await b.post(`/moter/${m.id}/vedlegg`, {
      csrf: b.csrf,
      attachmentTitle: "Budsjett 2031",
      attachmentType: "application/pdf",
      exempt: "true",
    });
    expect(step1.status).toBe(200);
    const page = await step1.text();

    // Step 2: the page's form, as a browser without scripts would send it.
    const form = /<form method="post" action="([^"]+)" enctype="multipart\/form-data">([\s\S]*?)<\/form>/.exec(page)!;
    const unescapeHtml = (s: string) =>
      s
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, "&");
    expect(unescapeHtml(form[1]!)).toBe(`${app.s3Endpoint}/${app.ctx.config.BUCKET_NAME}`);
    const inputs = [...form[2]!.matchAll(/<input ([^>]*)\/?>/g)].map((i) => i[1]!);
    expect(inputs.at(-1)).toMatch(/type="file"/); // the file last, as S3 requires
    expect(inputs.some((i) => /name="csrf"/.test(i))).toBe(false);
    const fields = Object.fromEntries(
      inputs.slice(0, -1).map((i) => [unescapeHtml(/name="([^"]+)"/.exec(i)![1]!), unescapeHtml(/value="([^"]*)"/.exec(i)![1]!)]),
    );
    expect(fields.key).toMatch(new RegExp(`^meetings/${m.id}/uploads/[0-9a-z]{26}/\\$\\{filename\\}$`));
    expect(fields["Content-Type"]).toBe("application/pdf");

    const stored = await postToS3(
      { url: unescapeHtml(form[1]!), fields },
      { filename: "Budsjett & plan #2.pdf", type: "application/pdf", content: pdf("budsjett") },
    );
    expect(stored.status).toBe(303);
    const back = new URL(stored.headers.get("location")!);
    expect(back.origin).toBe(app.baseUrl);
    expect(back.pathname).toBe(`/moter/${m.id}/vedlegg/mottatt`);

    const recorded = await b.get(`${back.pathname}${back.search}`);
    expect(recorded.status).toBe(303);
    expect(recorded.headers.get("location")).toBe(`/moter/${m.id}?ok=${encodeURIComponent("Vedlegget er lastet opp.")}`);
    // A refresh of that URL records nothing new.
    expect((await b.get(`${back.pathname}${back.search}`)).status).toBe(303);
    expect(await attachmentsOf(m.id)).toMatchObject([
      { number: 1, title: "Budsjett 2031", filename: "Budsjett & plan #2.pdf", exempt: true },
    ]);
    expect(await (await b.get(`/moter/${m.id}`)).text()).toContain("Vedlegg 1: Budsjett 2031");

    // A file that is not what the form said: the meeting page again, with the reason.
    const step1b = await (
      await b.post(`/moter/${m.id}/vedlegg`, { csrf: b.csrf, attachmentTitle: "Bilde", attachmentType: "image/png" })
    ).text();
    const formB = /<form method="post" action="([^"]+)" enctype="multipart\/form-data">([\s\S]*?)<\/form>/.exec(step1b)!;
    const fieldsB = Object.fromEntries(
      [...formB[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((i) => [
        unescapeHtml(i[1]!),
        unescapeHtml(i[2]!),
      ]),
    );
    const storedB = await postToS3(
      { url: unescapeHtml(formB[1]!), fields: fieldsB },
      { filename: "kart.png", type: "image/png", content: "GIF89a" },
    );
    const backB = new URL(storedB.headers.get("location")!);
    const refused = await b.get(`${backB.pathname}${backB.search}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Innholdet i «kart.png» er ikke PNG-bilde.");
    expect(await attachmentsOf(m.id)).toHaveLength(1);
  });
});
