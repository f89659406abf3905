/** Attachments on the meeting page (list, exempt toggle, step 1 of an upload) and the upload page (step 2, straight to S3). */
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { attachmentTypes } from "../../../shared/meetings/index.js";
import type { Attachment, Meeting } from "../../../shared/model.js";
import { Csrf, ErrorSummary, Field, type Frame, Shell } from "./shell.js";

const s = nbPages;

export function AttachmentsSection(p: {
  meeting: Meeting;
  attachments: Attachment[];
  csrf: string;
  uploadValues?: Record<string, string>;
  uploadErrors?: Record<string, string>;
}) {
  const m = p.meeting;
  const errors = p.uploadErrors ?? {};
  const values = p.uploadValues ?? {};
  return (
    <>
      <h2>{s.attachments}</h2>
      {p.attachments.length > 0 ? (
        <ul>
          {p.attachments.map((a) => (
            <li>
              {s.attachmentLine(a.number, a.title, a.filename, Math.ceil(a.size / 1024))}{" "}
              <form method="post" action={`/moter/${m.id}/vedlegg/${a.number}/unntak`} class="inline">
                <Csrf csrf={p.csrf} />
                <input type="hidden" name="exempt" value={a.exempt ? "false" : "true"} />
                <button type="submit" class="secondary">
                  {a.exempt ? s.makePublic : s.makeExempt}
                </button>
              </form>{" "}
              <form method="post" action={`/moter/${m.id}/vedlegg/${a.number}/slett`} class="inline">
                <Csrf csrf={p.csrf} />
                <button type="submit" class="secondary">
                  {nbMeetings.pages.deleteAttachment(a.number)}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{s.noAttachments}</p>
      )}
      {/* Step 1 of 2: what the file is. Step 2 (UploadPage) posts the file itself straight to S3. */}
      <form method="post" action={`/moter/${m.id}/vedlegg`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field name="attachmentTitle" label={s.attachmentTitle} value={values.attachmentTitle} errors={errors} />
        <label for="attachmentType">{s.attachmentType}</label>
        <select
          id="attachmentType"
          name="attachmentType"
          {...(errors.attachmentType ? { "aria-invalid": "true", "aria-describedby": "attachmentType-feil" } : {})}
        >
          {attachmentTypes.map((a) => (
            <option value={a.type} selected={(values.attachmentType ?? "application/pdf") === a.type}>
              {s.uploads.types[a.ext] ?? a.type}
            </option>
          ))}
        </select>
        {errors.attachmentType && (
          <p class="error" id="attachmentType-feil">
            {errors.attachmentType}
          </p>
        )}
        {errors.file && (
          <p class="error" id="file">
            {errors.file}
          </p>
        )}
        <div class="choice">
          <input type="checkbox" id="exempt" name="exempt" value="true" checked={values.exempt === "true"} />
          <label for="exempt">{s.exempt}</label>
        </div>
        <p>
          <button type="submit">{s.chooseFile}</button>
        </p>
      </form>
    </>
  );
}

/**
 * Step 2 of an upload: a plain form whose action is the presigned S3 URL and whose hidden fields
 * are the presigned fields (every one pinned by the signed policy), the file input last (S3
 * ignores what follows the file). S3 stores the file and redirects (303) back to the app, which
 * checks and records it. No CSRF field here: it would go to S3, and the policy does not allow it.
 */
export function UploadPage(
  p: Frame & {
    meeting: Meeting;
    title: string;
    typeLabel: string;
    accept: string;
    exempt: boolean;
    maxMb: number;
    upload: { url: string; fields: Record<string, string> };
  },
) {
  const u = s.uploads;
  return (
    <Shell title={u.heading} user={p.user} csrf={p.csrf}>
      <h1>{u.heading}</h1>
      <p>
        {p.meeting.title}: {u.chosen(p.title, p.typeLabel)} {p.exempt ? u.exemptNote : ""}
      </p>
      <form method="post" action={p.upload.url} enctype="multipart/form-data">
        {Object.entries(p.upload.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label for="file">{u.fileLabel(p.typeLabel, p.maxMb)}</label>
        <p class="muted" id="file-hint">
          {u.hint}
        </p>
        <input type="file" id="file" name="file" accept={p.accept} required aria-describedby="file-hint" />
        <p>
          <button type="submit">{s.upload}</button>
        </p>
      </form>
      <p>
        <a href={`/moter/${p.meeting.id}`}>{u.cancel}</a>
      </p>
    </Shell>
  );
}
