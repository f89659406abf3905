// Attachment uploads as a client does them: ask for the form, post the file to S3 (file last), record it.
import type { ApiClient } from "./api.js";

export interface UploadFile {
  title: string;
  filename: string;
  type: string;
  content: string | Uint8Array;
  exempt?: boolean;
}

/** Posts a file to a presigned POST as a browser form does: every field, then the file last. */
export async function postToS3(
  upload: { url: string; fields: Record<string, string> },
  file: { filename: string; type: string; content: string | Uint8Array },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append(
    "file",
    new File([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], file.filename, {
      type: file.type,
    }),
  );
  return fetch(upload.url, { method: "POST", body: form, redirect: "manual" });
}

/**
 * The two steps as an API client takes them: ask for an upload form, post the file to S3 with
 * it, record it. Returns the record step's response (201 with the attachment, or a problem).
 */
export async function uploadViaApi(api: ApiClient, meetingId: string, file: UploadFile) {
  const asked = await api.post(`/api/meetings/${meetingId}/attachments/upload`, {
    filename: file.filename,
    contentType: file.type,
  });
  if (asked.status !== 200) return { status: asked.status, body: asked.body, headers: asked.headers };
  const stored = await postToS3(asked.body, file);
  if (stored.status !== 204) throw new Error(`S3 refused the upload: ${stored.status} ${await stored.text()}`);
  return api.post(`/api/meetings/${meetingId}/attachments`, {
    key: asked.body.key,
    title: file.title,
    exempt: file.exempt ?? false,
  });
}
