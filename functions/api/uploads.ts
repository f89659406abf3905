import { ALLOWED_ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../../shared/store/meetings.js";
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
  if (!(file instanceof File) || file.size === 0) errors.file = "Velg en fil (den kan ikke være tom).";
  else {
    if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, tooLarge: true, errors: { file: `Vedlegg kan være høyst ${maxUploadMb} MB.` } };
    const type = file.type.split(";")[0]!.trim().toLowerCase();
    if (!ALLOWED_ATTACHMENT_TYPES[type]) {
      errors.file = `Filtypen ${type || "(ukjent)"} er ikke tillatt. Tillatt: PDF, Word, Excel, PowerPoint, ODT, tekst, CSV, PNG, JPEG.`;
    }
  }
  if (Object.keys(errors).length) return { ok: false, tooLarge: false, errors };
  const f = file as File;
  return {
    ok: true,
    file: {
      title,
      // The name ends up in a Content-Disposition header: no quotes, slashes or line breaks.
      filename: f.name.replace(/[\r\n"\\/]/g, "_").slice(0, 200) || "vedlegg",
      contentType: f.type.split(";")[0]!.trim().toLowerCase(),
      body: new Uint8Array(await f.arrayBuffer()),
      exempt: form.exempt === "true" || form.exempt === "on",
    },
  };
}
