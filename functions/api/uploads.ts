/** Attachment uploads, the same for the JSON API and the pages: a presigned POST straight to S3, then checking and recording what arrived. */
import { z } from "zod";
import type { AppContext } from "../../shared/context.js";
import { InvalidError } from "../../shared/errors.js";
import { nbPages } from "../../shared/i18n/nb-pages.js";
import * as meetings from "../../shared/meetings/index.js";
import {
  allowedAttachmentType,
  attachmentTypes,
  contentMatchesType,
  MAX_ATTACHMENT_BYTES,
  SNIFF_BYTES,
} from "../../shared/meetings/index.js";
import type { Attachment } from "../../shared/model.js";
import { newId } from "../../shared/store/keys.js";

/**
 * Attachments in two steps, the same for the JSON API and the pages, so no file ever passes
 * through a Lambda (its payload limit is 6 MB):
 *  1. createUpload: a presigned POST for one file of an allow-listed type (pinned by the policy),
 *     1 byte to 50 MB, under this meeting's upload prefix; the client sends the file to S3.
 *  2. recordUpload: the app checks what arrived (size, stored type, first bytes), copies it to
 *     a key no upload form can write, numbers it, and deletes the upload. Idempotent per key.
 */
const m = nbPages.uploads;

export const maxUploadMb = MAX_ATTACHMENT_BYTES / 1024 / 1024;
/** How long an upload form (the presigned POST) can be used. */
const UPLOAD_FORM_SECONDS = 3600;

const uploadPrefix = (meetingId: string) => `meetings/${meetingId}/uploads/`;

/** A file name fit for a key and a Content-Disposition header: no control characters, quotes or slashes. */
const safeFilename = (name: string) =>
  [...name]
    .map((ch) => (ch < " " || ch === "\u007f" || ch === '"' || ch === "\\" || ch === "/" ? "_" : ch))
    .join("")
    .trim()
    .slice(0, 200) || m.defaultFilename;
/** S3's own placeholder in a presigned POST's key: S3 puts the chosen file's name there. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's placeholder, not a JavaScript template.
const S3_FILENAME = "${filename}";

/** The allow-list's own spelling of a declared type ("Text/Plain; charset=utf-8" → "text/plain"). */
export const attachmentContentType = z
  .string()
  .max(200)
  .refine((t) => allowedAttachmentType(t) !== undefined, m.typeNotAllowed)
  .transform((t) => allowedAttachmentType(t)!);

/** Step 1 in the JSON API: the file's name and type. */
export const AttachmentUploadRequest = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  contentType: attachmentContentType,
});

/** Step 2 in the JSON API: the key step 1 gave, and what the attachment is called. */
export const RecordAttachmentInput = z.strictObject({
  key: z.string().min(1).max(1024),
  title: z.string().trim().min(1).max(300),
  exempt: z.boolean().default(false),
});

/**
 * Keys this meeting's upload forms write: meetings/<id>/uploads/<ulid>/<file name>. Anything
 * else (another meeting's upload, a recorded attachment, a preview) can never be "recorded" here.
 */
const uploadKeyOf = (meetingId: string) =>
  z
    .string()
    .max(1024)
    .refine(
      (key) =>
        key.startsWith(uploadPrefix(meetingId)) && /^[0-9a-z]{26}\/[^/]{1,255}$/.test(key.slice(uploadPrefix(meetingId).length)),
      m.notThisMeeting,
    );

export interface CreatedUpload {
  url: string;
  fields: Record<string, string>;
  key: string;
}

/**
 * A presigned POST for one attachment of this meeting. With a file name (the API), the key is
 * final; without (a plain HTML form), it ends in ${filename} and S3 puts the chosen file's name
 * there. With `redirect`, S3 answers a successful post with a 303 to it (plus bucket, key, etag).
 */
export async function createUpload(
  ctx: AppContext,
  meetingId: string,
  opts: { contentType: string; filename?: string; redirect?: string },
): Promise<CreatedUpload> {
  await meetings.getMeetingRecord(ctx, meetingId);
  const contentType = allowedAttachmentType(opts.contentType);
  if (!contentType) throw new InvalidError([{ field: "contentType", message: m.typeNotAllowed }]);
  const key = `${uploadPrefix(meetingId)}${newId()}/${opts.filename ? safeFilename(opts.filename) : S3_FILENAME}`;
  const { url, fields } = await ctx.blobs.presignUpload({
    key,
    contentType,
    maxBytes: MAX_ATTACHMENT_BYTES,
    redirect: opts.redirect,
    expiresInSeconds: UPLOAD_FORM_SECONDS,
  });
  return { url, fields, key };
}

export type RecordResult = { ok: true; attachment: Attachment; created: boolean } | { ok: false; message: string };

/**
 * Records an uploaded file as the meeting's next attachment, or refuses it (and deletes it) with
 * a message for the person: gone, empty, too large, a type off the list, or content that is not
 * what the type says. A key already recorded gives that attachment again (created: false). A key
 * outside this meeting's upload prefix is a InvalidError (400), and nothing is touched.
 */
export async function recordUpload(
  ctx: AppContext,
  meetingId: string,
  input: { key: string; title: string; exempt: boolean },
): Promise<RecordResult> {
  const key = uploadKeyOf(meetingId).safeParse(input.key);
  if (!key.success) throw new InvalidError([{ field: "key", message: m.notThisMeeting }]);
  await meetings.getMeetingRecord(ctx, meetingId);
  const recorded = await meetings.findRecordedUpload(ctx, meetingId, input.key);
  if (recorded) return { ok: true, attachment: recorded, created: false };

  const head = await ctx.blobs.head(input.key);
  if (!head) {
    // Recorded by a request that raced this one (and deleted the upload since)?
    const raced = await meetings.findRecordedUpload(ctx, meetingId, input.key);
    return raced ? { ok: true, attachment: raced, created: false } : { ok: false, message: m.missing };
  }
  const filename = safeFilename(input.key.slice(input.key.lastIndexOf("/") + 1));
  const refuse = async (message: string): Promise<RecordResult> => {
    await ctx.blobs.delete(input.key).catch((err: unknown) => ctx.log.warn("refused upload not deleted", { meetingId, err }));
    return { ok: false, message };
  };
  if (head.size === 0) return refuse(m.empty);
  if (head.size > MAX_ATTACHMENT_BYTES) return refuse(m.tooLarge(maxUploadMb));
  const contentType = allowedAttachmentType(head.contentType);
  if (!contentType) return refuse(m.typeNotAllowed);
  // A request recording the same key at once may delete the upload under us: then its record is the answer.
  const racedOr = async (err: unknown): Promise<RecordResult> => {
    const raced = await meetings.findRecordedUpload(ctx, meetingId, input.key);
    if (raced) return { ok: true, attachment: raced, created: false };
    throw err;
  };
  let start: Uint8Array;
  try {
    start = await ctx.blobs.readStart(input.key, SNIFF_BYTES, head.etag);
  } catch (err) {
    return racedOr(err);
  }
  if (!contentMatchesType(contentType, start)) return refuse(m.mismatch(filename, typeLabel(contentType)));

  // The copy is what the attachment serves: an upload form still valid could overwrite the upload.
  const blobKey = `meetings/${meetingId}/attachments/${newId()}`;
  try {
    await ctx.blobs.copy(input.key, blobKey, head.etag);
  } catch (err) {
    return racedOr(err);
  }
  let result: { attachment: Attachment; created: boolean };
  try {
    result = await meetings.addAttachment(
      ctx,
      meetingId,
      { title: input.title, filename, contentType, size: head.size, blobKey, exempt: input.exempt, uploadKey: input.key },
      ctx.clock.now(),
    );
  } catch (err) {
    await ctx.blobs.delete(blobKey).catch(() => undefined);
    throw err;
  }
  if (!result.created) await ctx.blobs.delete(blobKey).catch(() => undefined);
  await ctx.blobs.delete(input.key).catch((err: unknown) => ctx.log.warn("recorded upload not deleted", { meetingId, err }));
  return { ok: true, ...result };
}

/** "PDF", "Word (.docx)" … for a type on the list. */
export function typeLabel(contentType: string): string {
  const ext = attachmentTypes.find((t) => t.type === contentType)?.ext ?? "";
  return m.types[ext] ?? contentType;
}

/** What a file input may offer for a type: its extension and the type itself. */
export function acceptFor(contentType: string): string {
  const ext = attachmentTypes.find((t) => t.type === contentType)?.ext;
  return [ext === "jpg" ? ".jpg,.jpeg" : ext ? `.${ext}` : "", contentType].filter(Boolean).join(",");
}
