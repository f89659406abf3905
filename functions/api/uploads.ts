import { allowedAttachmentType, MAX_ATTACHMENT_BYTES } from "../../shared/meetings/attachment-types.js";
import { t } from "../../shared/i18n/nb.js";

/** An attachment upload from a multipart form, checked the same way for the JSON API and the pages. */
export type UploadCheck =
  | { ok: true; file: { title: string; filename: string; contentType: string; body: Uint8Array; exempt: boolean } }
  | { ok: false; tooLarge: boolean; errors: Record<string, string> };

export const maxUploadMb = MAX_ATTACHMENT_BYTES / 1024 / 1024;

export async function readUpload(form: Record<string, unknown>, titleField: string): Promise<UploadCheck> {
  const file = form.file;
  const title = typeof form[titleField] === "string" ? (form[titleField] as string).trim() : "";
  const errors: Record<string, string> = {};
  if (!title) errors[titleField] = t.validation.required;
  else if (title.length > 300) errors[titleField] = t.validation.tooLong(300);
  // The type stored is the allow-list's own spelling, never the text the client sent.
  let contentType: string | undefined;
  if (!(file instanceof File) || file.size === 0) errors.file = "Velg en fil (den kan ikke være tom).";
  else {
    if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, tooLarge: true, errors: { file: `Vedlegg kan være høyst ${maxUploadMb} MB.` } };
    contentType = allowedAttachmentType(file.type);
    if (!contentType) {
      const declared = file.type.split(";")[0]!.trim().slice(0, 100);
      errors.file = `Filtypen ${declared || "(ukjent)"} er ikke tillatt. Tillatt: PDF, Word, Excel, PowerPoint, ODT, tekst, CSV, PNG, JPEG.`;
    }
  }
  if (Object.keys(errors).length || !contentType) return { ok: false, tooLarge: false, errors };
  const f = file as File;
  return {
    ok: true,
    file: {
      title,
      // The name ends up in a Content-Disposition header: no quotes, slashes or line breaks.
      filename: f.name.replace(/[\r\n"\\/]/g, "_").slice(0, 200) || "vedlegg",
      contentType,
      body: new Uint8Array(await f.arrayBuffer()),
      exempt: form.exempt === "true" || form.exempt === "on",
    },
  };
}
