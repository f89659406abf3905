/**
 * Which files may be attached, and how a download of each is served.
 *
 * A Map, not an object literal: a lookup in `{...}` also finds what the prototype has, so a
 * declared Content-Type of "constructor" or "__proto__" would pass an allow-list check.
 */
const ALLOWED_ATTACHMENT_TYPES: ReadonlyMap<string, string> = new Map([
  ["application/pdf", "pdf"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
  ["application/vnd.oasis.opendocument.text", "odt"],
  ["text/plain", "txt"],
  ["text/csv", "csv"],
  ["image/png", "png"],
  ["image/jpeg", "jpg"],
]);
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Types a browser shows itself without running anything from the file; everything else is downloaded. */
const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg"]);

/**
 * The allow-listed type for a declared Content-Type ("Text/Plain; charset=utf-8" → "text/plain"),
 * or undefined. What is stored is always this value, never the text the client sent.
 */
export function allowedAttachmentType(declared: string): string | undefined {
  const type = declared.split(";")[0]!.trim().toLowerCase();
  return ALLOWED_ATTACHMENT_TYPES.has(type) ? type : undefined;
}

/**
 * The headers a download is served with. A type off the list (an old or tampered blob) becomes an
 * opaque download; only PDF and images may open in the browser. The name is RFC 5987-encoded.
 */
export function downloadHeaders(storedType: string, filename: string): { contentType: string; contentDisposition: string } {
  const contentType = allowedAttachmentType(storedType) ?? "application/octet-stream";
  const disposition = INLINE_TYPES.has(contentType) ? "inline" : "attachment";
  return { contentType, contentDisposition: `${disposition}; filename*=UTF-8''${encodeURIComponent(filename)}` };
}
