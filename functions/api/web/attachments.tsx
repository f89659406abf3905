/** The secretariat's attachment pages: step 1 (what the file is), S3's redirect back (/mottatt), and the exempt toggle. */
import { Hono } from "hono";
import { z } from "zod";
import { ConflictError, InvalidError, NotFoundError } from "../../../shared/errors.js";
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { deleteAttachment, getMeetingRecord, setAttachmentExempt } from "../../../shared/meetings/index.js";
import { formFields, validate } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { acceptFor, attachmentContentType, createUpload, maxUploadMb, recordUpload, typeLabel } from "../uploads.js";
import { UploadPage } from "./attachments-views.js";
import { editorPage } from "./meetings.js";
import { done, frame } from "./page.js";

const msg = nbPages.notices;

/** The attachment form (step 1 of an upload). */
const AttachmentForm = z.object({
  attachmentTitle: z.string().trim().min(1).max(300),
  attachmentType: attachmentContentType,
  exempt: z
    .literal("true")
    .optional()
    .transform((x) => x === "true"),
});
/** Where S3 sends the browser after storing the file: our parameters, and S3's key (bucket, etag ignored). */
const ReceivedQuery = z.object({
  key: z.string().min(1).max(1024),
  tittel: z.string().trim().min(1).max(300),
  unntatt: z.enum(["true", "false"]).default("false"),
});

/** Attachments (functions/api/uploads.ts): the upload page posts the file straight to S3, which redirects to /mottatt. */
export function attachmentPages() {
  const app = new Hono<AppEnv>();
  app.post("/moter/:id/vedlegg", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const v = validate(AttachmentForm, f);
    if (!v.ok) return editorPage(c, id, { uploadValues: f, uploadErrors: v.errors }, 400);
    const meeting = await getMeetingRecord(ctx, id);
    // Back to the origin the browser is on (S3 appends bucket, key and etag); the signed policy pins this URL.
    const back = new URL(`/moter/${id}/vedlegg/mottatt`, new URL(c.req.url).origin);
    back.searchParams.set("tittel", v.data.attachmentTitle);
    back.searchParams.set("unntatt", String(v.data.exempt));
    const upload = await createUpload(ctx, id, { contentType: v.data.attachmentType, redirect: back.href });
    const type = v.data.attachmentType;
    return sendPage(
      c,
      <UploadPage
        {...frame(c)}
        meeting={meeting}
        title={v.data.attachmentTitle}
        typeLabel={typeLabel(type)}
        accept={acceptFor(type)}
        exempt={v.data.exempt}
        maxMb={maxUploadMb}
        upload={upload}
      />,
    );
  });
  // A GET that writes, because S3's redirect is a GET: it records only an object already uploaded
  // under this meeting's upload prefix (an unguessable key from a form we signed), and only once.
  app.get("/moter/:id/vedlegg/mottatt", async (c) => {
    const id = c.req.param("id");
    const q = ReceivedQuery.safeParse(c.req.query());
    if (!q.success) return editorPage(c, id, { uploadErrors: { file: nbPages.uploads.missing } }, 400);
    try {
      const result = await recordUpload(c.get("ctx"), id, {
        key: q.data.key,
        title: q.data.tittel,
        exempt: q.data.unntatt === "true",
      });
      if (!result.ok)
        return editorPage(
          c,
          id,
          { uploadValues: { attachmentTitle: q.data.tittel }, uploadErrors: { file: result.message } },
          400,
        );
    } catch (err) {
      if (err instanceof InvalidError)
        return editorPage(c, id, { uploadErrors: { file: err.errors[0]?.message ?? nbPages.uploads.missing } }, 400);
      throw err;
    }
    return done(c, `/moter/${id}`, msg.attachmentUploaded);
  });
  app.post("/moter/:id/vedlegg/:n/unntak", async (c) => {
    const { id, n } = c.req.param();
    const f = await formFields(c.req);
    await setAttachmentExempt(c.get("ctx"), id, Number(n), f.exempt === "true").catch(() => {
      throw new NotFoundError(nbPages.attachmentWhat(n));
    });
    return done(c, `/moter/${id}`);
  });
  app.post("/moter/:id/vedlegg/:n/slett", async (c) => {
    const { id, n } = c.req.param();
    if (!/^\d{1,6}$/.test(n)) throw new NotFoundError(nbPages.attachmentWhat(n));
    try {
      await deleteAttachment(c.get("ctx"), id, Number(n));
    } catch (err) {
      if (err instanceof ConflictError)
        return editorPage(c, id, { notice: nbMeetings.notices.attachmentNotDeleted(err.message) }, 409);
      throw err;
    }
    return done(c, `/moter/${id}`, nbMeetings.notices.attachmentDeleted);
  });
  return app;
}
