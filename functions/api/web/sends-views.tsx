/** The send pages: the email's preview and the send form, and a send's progress. */
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { nbSending } from "../../../shared/i18n/nb-sending.js";
import type { Body, Meeting } from "../../../shared/model.js";
import { formatOsloDateTime } from "../../../shared/time.js";
import { Csrf, type Frame, Shell } from "./shell.js";

const s = nbPages;
const ns = nbSending;

/** One person the innkalling may be sent to alone (an invitation, or a member not yet invited: `m-<memberId>`). */
export interface PickRow {
  id: string;
  name: string;
  email: string;
  organisationName?: string;
  blocked?: "bounce" | "complaint";
}

/** The warning when the deadline or the start has passed, and the confirmation every send form then needs. */
function LateConfirm(p: { warning?: string; idSuffix: string }) {
  if (!p.warning) return null;
  return (
    <div class="choice">
      <input type="checkbox" id={`confirmLate-${p.idSuffix}`} name="confirmLate" value="yes" required />
      <label for={`confirmLate-${p.idSuffix}`}>{ns.lateConfirm}</label>
    </div>
  );
}

export function SendPage(
  p: Frame & {
    meeting: Meeting;
    body: Body;
    recipients: number;
    previewUrl?: string;
    previewRequested: boolean;
    sends: { id: string; template: string; createdAt: string; total: number }[];
    /** What has passed (the deadline, the start), if anything: every send then needs a confirmation. */
    late?: string;
    people: PickRow[];
    pickError?: string;
  },
) {
  const id = p.meeting.id;
  const sendLabel = p.late ? ns.sendAnyway : s.sendInvitation;
  return (
    <Shell title={s.sendTitle} user={p.user} csrf={p.csrf}>
      <h1>{s.sendHeading(p.meeting.title)}</h1>
      <h2>{s.previewHeading}</h2>
      {p.previewUrl ? (
        // The email is the secretariat's text rendered by MJML: a sandboxed frame (no scripts, no
        // same-origin access) whose document has its own CSP (web/sends.tsx).
        <iframe sandbox="" title={s.previewFrame} src={p.previewUrl} class="preview" />
      ) : p.previewRequested ? (
        <p class="notice" role="status">
          {s.previewPending} <a href={`/moter/${id}/send?forhandsvisning=bestilt`}>{s.refresh}</a>
          <meta http-equiv="refresh" content="2" />
        </p>
      ) : (
        // Opening this page only reads (a GET never writes); making the preview is a POST.
        <form method="post" action={`/moter/${id}/forhandsvisning`}>
          <Csrf csrf={p.csrf} />
          <p class="notice">{s.noPreview}</p>
          <button type="submit" class="secondary">
            {s.makePreview}
          </button>
        </form>
      )}
      <h2>{s.send}</h2>
      {p.late && (
        <div class="errors" id="sent-varsel">
          <h3>{ns.lateWarningHeading}</h3>
          <p>{p.late}</p>
        </div>
      )}
      <form method="post" action={`/moter/${id}/send`}>
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="audience" value="all" />
        <input type="hidden" name="idempotencyKey" value={`${id}-${p.meeting.version}-${Date.now()}`} />
        <p>{s.sendsTo(p.recipients, p.body.name)}</p>
        <div class="choice">
          <input type="checkbox" id="confirm" name="confirm" value="yes" required aria-describedby="confirm-hint" />
          <label for="confirm">{s.confirmSend}</label>
        </div>
        <p class="muted" id="confirm-hint">
          {s.resendHint}
        </p>
        <LateConfirm warning={p.late} idSuffix="alle" />
        <button type="submit">{sendLabel}</button>
      </form>
      <PickForm meetingId={id} version={p.meeting.version} csrf={p.csrf} people={p.people} late={p.late} error={p.pickError} />
      {p.sends.length > 0 && (
        <>
          <h2>{s.earlierSends}</h2>
          <ul>
            {p.sends.map((x) => (
              <li>
                <a href={`/utsendelser/${x.id}`}>
                  {s.earlierSend(formatOsloDateTime(x.createdAt), nbSending.templateNames[x.template] ?? x.template, x.total)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Shell>
  );
}

/** Send the innkalling to the people ticked (new members, someone who did not get it). */
function PickForm(p: { meetingId: string; version: number; csrf: string; people: PickRow[]; late?: string; error?: string }) {
  if (p.people.length === 0) return null;
  return (
    <>
      <h2 id="utvalgte">{ns.selectedHeading}</h2>
      <form method="post" action={`/moter/${p.meetingId}/send`}>
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="audience" value="selected" />
        <input type="hidden" name="idempotencyKey" value={`${p.meetingId}-${p.version}-utvalg-${Date.now()}`} />
        <p class="muted">{ns.selectedHint}</p>
        {p.error && (
          <p class="error" id="mottakere-feil" role="alert">
            {p.error}
          </p>
        )}
        <fieldset>
          <legend>{ns.selectedLegend}</legend>
          {p.people.map((x) => (
            <div class="choice">
              <input type="checkbox" id={`mottaker-${x.id}`} name="recipients" value={x.id} disabled={Boolean(x.blocked)} />
              <label for={`mottaker-${x.id}`}>
                {x.name}
                {x.organisationName ? `, ${x.organisationName}` : ""} <span class="muted">({x.email})</span>
                {x.blocked && ` – ${ns.blockedMark}`}
              </label>
            </div>
          ))}
        </fieldset>
        <LateConfirm warning={p.late} idSuffix="utvalgte" />
        <button type="submit">{p.late ? ns.sendAnyway : ns.sendSelected}</button>
      </form>
    </>
  );
}

type Progress = {
  id: string;
  meetingId: string;
  total: number;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  suppressed: number;
  done: boolean;
  failures: { name: string; email: string; reason: string }[];
};

/** The same line static/send-progress.js writes from the same template while the send runs. */
const progressLine = (pr: Progress) =>
  s.progressTemplate.replace(/\{(\w+)\}/g, (_, k: string) => String(pr[k as keyof Progress])) + (pr.done ? s.progressDone : "");

export function ProgressPage(p: Frame & { progress: Progress }) {
  const pr = p.progress;
  const pct = pr.total ? Math.round(((pr.total - pr.queued) / pr.total) * 100) : 100;
  return (
    <Shell title={s.sendProgress} user={p.user} csrf={p.csrf} scripts={["send-progress.js"]}>
      {!pr.done && <meta http-equiv="refresh" content="3" />}
      <h1>{s.sendProgress}</h1>
      <label for="fremdrift">{s.progress}</label>
      {/* static/send-progress.js keeps the bar and the line current from these attributes. */}
      <progress
        id="fremdrift"
        max={pr.total}
        value={pr.total - pr.queued}
        data-progress-url={`/api/sends/${pr.id}`}
        data-done={String(pr.done)}
        data-template={s.progressTemplate}
        data-done-text={s.progressDone}
      >
        {pct} %
      </progress>
      <p role="status" id="fremdrift-tekst">
        {progressLine(pr)}
      </p>
      {pr.suppressed > 0 && <p id="sperret">{ns.suppressedCount(pr.suppressed)}</p>}
      {pr.failures.length > 0 && (
        <>
          <h2>{s.errors}</h2>
          <ul>
            {pr.failures.map((f) => (
              <li>
                {f.name} ({f.email}): {f.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`/moter/${pr.meetingId}/svar`}>{s.toReplies}</a> · <a href={`/moter/${pr.meetingId}`}>{s.toMeeting}</a>
      </p>
    </Shell>
  );
}
