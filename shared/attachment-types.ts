// Attachment file types: the allow-list, the download headers, the magic-number check (kernel: the S3 adapter needs them too).
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
/** Uploads go straight to S3 (a presigned POST's content-length-range), never through a Lambda. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** The allowed types in the order a form offers them, each with its file extension. */
export const attachmentTypes: readonly { type: string; ext: string }[] = [...ALLOWED_ATTACHMENT_TYPES].map(([type, ext]) => ({
  type,
  ext,
}));

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

/** How many bytes from the start of a file contentMatchesType looks at. */
export const SNIFF_BYTES = 4096;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": .docx, .xlsx, .pptx and .odt are ZIP archives
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/**
 * The type an OpenDocument package names itself: ODF requires its first entry to be "mimetype",
 * stored uncompressed with no extra field, so the type stands as text at byte 38. Undefined for
 * any other ZIP (an Office Open XML file has no such entry).
 */
function odfMimetype(start: Uint8Array): string | undefined {
  if (!startsWith(start, ZIP) || !startsWith(start.subarray(26), [8, 0, 0, 0, ...ascii("mimetype")])) return undefined;
  const text = new TextDecoder("latin1").decode(start.subarray(38, 38 + 80));
  return /^[a-z0-9.+-]+\/[a-z0-9.+-]+/.exec(text)?.[0];
}

/**
 * Whether a file's first bytes are what its declared (allow-listed) type says: the magic numbers of
 * PDF, PNG, JPEG and ZIP-based Office files (an .odt must name its own type inside); text and CSV must
 * be valid UTF-8 without NUL. So an .exe renamed .pdf and declared application/pdf is caught, and so
 * is an .odt declared as .docx. `start` may end inside a UTF-8 sequence.
 */
export function contentMatchesType(type: string, start: Uint8Array): boolean {
  switch (allowedAttachmentType(type)) {
    case "application/pdf":
      return startsWith(start, [0x25, 0x50, 0x44, 0x46, 0x2d]); // "%PDF-"
    case "image/png":
      return startsWith(start, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/jpeg":
      return startsWith(start, [0xff, 0xd8, 0xff]);
    case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
    case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
    case "application/vnd.openxmlformats-officedocument.presentationml.presentation":
      // A ZIP, and not an OpenDocument file renamed .docx.
      return startsWith(start, ZIP) && odfMimetype(start) === undefined;
    case "application/vnd.oasis.opendocument.text":
      return odfMimetype(start) === "application/vnd.oasis.opendocument.text";
    case "text/plain":
    case "text/csv":
      if (start.length === 0 || start.includes(0)) return false;
      try {
        // stream: a sequence cut off at the end of the sample is not an error.
        new TextDecoder("utf-8", { fatal: true }).decode(start, { stream: true });
        return true;
      } catch {
        return false;
      }
    default:
      return false;
  }
}
