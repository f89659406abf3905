import type { Attachment, AgendaItem, Body, Meeting, Member, Organisation } from "../../../../shared/model.js";
import { formatMeetingTime, formatOsloDateTime, utcToOsloLocal } from "../../../../shared/time.js";
import type { SeatView } from "../../../../shared/invitations/index.js";
import type { Minutes } from "../../../../shared/minutes/index.js";
import { attendeeLine } from "../../../../shared/minutes/index.js";
import { nbPages } from "../../../../shared/i18n/nb-pages.js";
import { attachmentTypes } from "../../../../shared/meetings/index.js";
import { ErrorSummary, Field, Shell } from "./shell.js";

/** The secretariat's pages (Norwegian, server-rendered, every action works without JavaScript). */

type Frame = { user?: string; csrf: string };
const Csrf = (p: { csrf: string }) => <input type="hidden" name="csrf" value={p.csrf} />;

const s = nbPages;
const statusNames: Record<Meeting["status"], string> = s.meetingStatus;

export function Overview(p: Frame & {
  bodies: Body[];
  upcoming: (Meeting & { bodyName: string })[];
  past: (Meeting & { bodyName: string })[];
  attention: { href: string; text: string }[];
}) {
  return (
    <Shell title={s.overview} user={p.user} csrf={p.csrf}>
      <h1>{s.overview}</h1>
      <h2>{s.attention}</h2>
      {p.attention.length === 0 ? (
        <p>{s.nothingNow}</p>
      ) : (
        <ul>
          {p.attention.map((a) => (
            <li>
              <a href={a.href}>{a.text}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{s.upcoming}</h2>
      <MeetingList meetings={p.upcoming} />
      <p>
        <a class="button" href="/moter/ny">
          {s.newMeeting}
        </a>
      </p>
      <h2>{s.bodies}</h2>
      <ul>
        {p.bodies.map((b) => (
          <li>
            <a href={`/organ/${b.id}`}>{b.name}</a> ({b.shortName})
          </li>
        ))}
      </ul>
      <h2>{s.past}</h2>
      <MeetingList meetings={p.past} />
    </Shell>
  );
}

function MeetingList(p: { meetings: (Meeting & { bodyName: string })[] }) {
  if (p.meetings.length === 0) return <p>{s.none}</p>;
  return (
    <ul>
      {p.meetings.map((m) => (
        <li>
          <a href={`/moter/${m.id}`}>
            {m.bodyName}: {m.title}
          </a>{" "}
          – {formatMeetingTime(m.startsAt, m.endsAt)} ({statusNames[m.status]})
        </li>
      ))}
    </ul>
  );
}

export function MembersPage(p: Frame & {
  body: Body;
  members: Member[];
  organisations: Organisation[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  csv?: string;
  preview?: { line: number; name: string; email: string; organisation?: string; role: string; change: string; problem?: string }[];
  importErrors?: { field: string; message: string }[];
  notice?: string;
}) {
  const v = p.values ?? {};
  const errors = p.errors ?? {};
  const roleNames: Record<string, string> = s.roles;
  return (
    <Shell title={p.body.name} user={p.user} csrf={p.csrf}>
      <h1>{p.body.name}: medlemmer</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>
        <a href={`/moter/ny?organ=${p.body.id}`}>{s.newMeetingIn(p.body.name)}</a>
      </p>
      <table>
        <caption class="visually-hidden">{s.distributionList}</caption>
        <thead>
          <tr>
            <th scope="col">{s.name}</th>
            <th scope="col">{s.organisation}</th>
            <th scope="col">{s.role}</th>
            <th scope="col">{s.change}</th>
          </tr>
        </thead>
        <tbody>
          {p.members.map((m) => (
            <tr>
              <td>
                {m.personName}
                <br />
                <span class="muted">{m.personEmail}</span>
              </td>
              <td>{m.organisationName ?? "–"}</td>
              <td>{roleNames[m.role]}</td>
              <td>
                <form method="post" action={`/organ/${p.body.id}/medlemmer/${m.id}`} class="row">
                  <Csrf csrf={p.csrf} />
                  <label for={`rolle-${m.id}`} class="visually-hidden">
                    {s.roleFor(m.personName)}
                  </label>
                  <select id={`rolle-${m.id}`} name="role">
                    {Object.entries(roleNames).map(([k, label]) => (
                      <option value={k} selected={m.role === k}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" name="action" value="save" class="secondary">
                    {s.save}
                  </button>
                  <button type="submit" name="action" value="remove" class="secondary">
                    {s.remove}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{s.addMember}</h2>
      <form method="post" action={`/organ/${p.body.id}/medlemmer`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field name="name" label={s.name} value={v.name} errors={errors} required />
        <Field name="email" label={s.email} type="email" value={v.email} errors={errors} required />
        <label for="organisationId">{s.organisation}</label>
        <select id="organisationId" name="organisationId">
          <option value="">{s.noOrganisation}</option>
          {p.organisations.map((o) => (
            <option value={o.id} selected={v.organisationId === o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label for="role">{s.role}</label>
        <select id="role" name="role">
          {Object.entries(roleNames).map(([k, label]) => (
            <option value={k} selected={(v.role ?? "member") === k}>
              {label}
            </option>
          ))}
        </select>
        <p>
          <button type="submit">{s.add}</button>
        </p>
      </form>

      <h2>{s.importCsv}</h2>
      <form method="post" action={`/organ/${p.body.id}/import`}>
        <Csrf csrf={p.csrf} />
        <label for="csv">{s.csvLabel}</label>
        <p class="muted" id="csv-hint">
          {s.csvHint}
        </p>
        <textarea id="csv" name="csv" aria-describedby="csv-hint" class="tall">
          {p.csv ?? ""}
        </textarea>
        {p.importErrors && p.importErrors.length > 0 && (
          <div class="errors" role="alert">
            <p class="error">{s.importFailed}</p>
            <ul>
              {p.importErrors.map((e) => (
                <li>
                  {e.field}: {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>
          <button type="submit" name="step" value="preview" class="secondary">
            {s.preview}
          </button>{" "}
          {p.preview && !p.preview.some((r) => r.change === "error") && (
            <button type="submit" name="step" value="confirm">
              {s.confirmImport}
            </button>
          )}
        </p>
      </form>
      {p.preview && (
        <table>
          <caption>{s.willChange}</caption>
          <thead>
            <tr>
              <th scope="col">{s.row}</th>
              <th scope="col">{s.name}</th>
              <th scope="col">{s.organisation}</th>
              <th scope="col">{s.changeKind}</th>
            </tr>
          </thead>
          <tbody>
            {p.preview.map((r) => (
              <tr>
                <td>{r.line}</td>
                <td>
                  {r.name} ({r.email})
                </td>
                <td>{r.organisation ?? "–"}</td>
                <td>{r.change === "error" ? (r.problem ?? s.errors) : s.importChange[r.change as "add" | "update" | "unchanged"]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Shell>
  );
}

export function NewMeetingPage(p: Frame & { bodies: Body[]; values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <Shell title={s.newMeeting} user={p.user} csrf={p.csrf}>
      <h1>{s.newMeeting}</h1>
      <form method="post" action="/moter">
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.errors} />
        <label for="bodyId">{s.bodies}</label>
        <select id="bodyId" name="bodyId">
          {p.bodies.map((b) => (
            <option value={b.id} selected={p.values.bodyId === b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <MeetingFields values={p.values} errors={p.errors} />
        <p>
          <button type="submit">{s.createMeeting}</button>
        </p>
      </form>
    </Shell>
  );
}

function MeetingFields(p: { values: Record<string, string>; errors: Record<string, string> }) {
  const v = p.values;
  return (
    <>
      <Field name="title" label={s.title} value={v.title} errors={p.errors} required />
      <Field name="startsAt" label={s.start} type="datetime-local" value={v.startsAt} errors={p.errors} required />
      <Field name="endsAt" label={s.end} type="datetime-local" value={v.endsAt} errors={p.errors} required />
      <Field name="place" label={s.place} value={v.place} errors={p.errors} required />
      <label for="kind">{s.meetingKind}</label>
      <select id="kind" name="kind">
        {Object.entries(s.kinds).map(([k, label]) => (
          <option value={k} selected={(v.kind ?? "physical") === k}>
            {label}
          </option>
        ))}
      </select>
      <Field name="replyDeadline" label={s.replyDeadline} type="datetime-local" value={v.replyDeadline} errors={p.errors} />
    </>
  );
}

export function MeetingEditor(p: Frame & {
  meeting: Meeting;
  body: Body;
  agenda: AgendaItem[];
  attachments: Attachment[];
  nextNumber: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  itemValues?: Record<string, string>;
  itemErrors?: Record<string, string>;
  /** The attachment form's values and errors (a refused upload's message under `file`). */
  uploadValues?: Record<string, string>;
  uploadErrors?: Record<string, string>;
  notice?: string;
}) {
  const m = p.meeting;
  const values = p.values ?? {
    title: m.title,
    startsAt: utcToOsloLocal(m.startsAt),
    endsAt: utcToOsloLocal(m.endsAt),
    place: m.place,
    kind: m.kind,
    replyDeadline: m.replyDeadline ? utcToOsloLocal(m.replyDeadline) : "",
  };
  const cases = p.agenda.filter((i) => i.kind !== "opening" && i.kind !== "closing");
  return (
    <Shell title={m.title} user={p.user} csrf={p.csrf}>
      <h1>
        {p.body.name}: {m.title}
      </h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>
        {formatMeetingTime(m.startsAt, m.endsAt)} · {m.place} · <strong>{statusNames[m.status]}</strong>
      </p>
      <nav aria-label={s.meetingNav} class="tabs">
        <a href={`/moter/${m.id}/send`}>{s.previewAndSend}</a>
        <a href={`/moter/${m.id}/svar`}>{s.repliesPerOrganisation}</a>
        <a href={`/moter/${m.id}/referat`}>{s.minutes}</a>
      </nav>

      <h2>{s.agenda}</h2>
      <ol class="agenda">
        {p.agenda.map((item) => {
          const idx = cases.findIndex((c) => c.id === item.id);
          return (
            <li>
              <details>
                <summary>
                  <strong>{item.number ? s.caseNumber(item.number) : item.kind === "opening" ? s.opening : s.closing}</strong> {item.title}
                </summary>
                <form method="post" action={`/moter/${m.id}/saker/${item.id}`}>
                  <Csrf csrf={p.csrf} />
                  <Field idPrefix={`sak-${item.id}-`} name="title" label={s.title} value={item.title} errors={{}} />
                  <Field idPrefix={`sak-${item.id}-`} name="background" label={s.background} value={item.background} errors={{}} textarea />
                  <Field idPrefix={`sak-${item.id}-`} name="proposedDecision" label={s.proposedDecision} value={item.proposedDecision} errors={{}} textarea />
                  <Field
                    idPrefix={`sak-${item.id}-`}
                    name="subItems"
                    label={s.subItems}
                    hint={s.subItemsHint}
                    value={item.subItems.map((s) => [`${s.letter} ${s.title}`, ...s.bullets.map((b) => `- ${b}`)].join("\n")).join("\n")}
                    errors={{}}
                    textarea
                  />
                  <Field idPrefix={`sak-${item.id}-`} name="attachmentNumbers" label={s.attachmentNumbers} value={item.attachmentNumbers.join("+")} errors={{}} />
                  <button type="submit">{s.saveCase}</button>
                </form>
              </details>
              {idx >= 0 && (
                <form method="post" action={`/moter/${m.id}/saker/${item.id}/flytt`} class="move">
                  <Csrf csrf={p.csrf} />
                  <button type="submit" name="position" value={String(Math.max(0, idx - 1))} class="secondary" disabled={idx === 0} aria-label={s.moveUp(item.title)}>
                    {s.up}
                  </button>
                  <button type="submit" name="position" value={String(idx + 1)} class="secondary" disabled={idx === cases.length - 1} aria-label={s.moveDown(item.title)}>
                    {s.down}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ol>

      <h3>Ny sak (blir sak {p.nextNumber})</h3>
      <form method="post" action={`/moter/${m.id}/saker`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.itemErrors ?? {}} idPrefix="ny-" />
        <Field idPrefix="ny-" name="title" label={s.title} value={p.itemValues?.title} errors={p.itemErrors ?? {}} required />
        <label for="itemKind">{s.itemKind}</label>
        <select id="itemKind" name="kind">
          {Object.entries(s.itemKinds).map(([k, label]) => (
            <option value={k} selected={(p.itemValues?.kind ?? "decision") === k}>
              {label}
            </option>
          ))}
        </select>
        <Field idPrefix="ny-" name="background" label={s.background} value={p.itemValues?.background} errors={p.itemErrors ?? {}} textarea />
        <Field idPrefix="ny-" name="proposedDecision" label={s.proposedDecision} value={p.itemValues?.proposedDecision} errors={p.itemErrors ?? {}} textarea />
        <p>
          <button type="submit">{s.addCase}</button>
        </p>
      </form>

      <h2>{s.attachments}</h2>
      {p.attachments.length > 0 ? (
        <ul>
          {p.attachments.map((a) => (
            <li>
              Vedlegg {a.number}: {a.title} ({a.filename}, {Math.ceil(a.size / 1024)} kB){" "}
              <form method="post" action={`/moter/${m.id}/vedlegg/${a.number}/unntak`} class="inline">
                <Csrf csrf={p.csrf} />
                <input type="hidden" name="exempt" value={a.exempt ? "false" : "true"} />
                <button type="submit" class="secondary">
                  {a.exempt ? s.makePublic : s.makeExempt}
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
        <ErrorSummary errors={p.uploadErrors ?? {}} />
        <Field name="attachmentTitle" label={s.attachmentTitle} value={p.uploadValues?.attachmentTitle} errors={p.uploadErrors ?? {}} />
        <label for="attachmentType">{s.attachmentType}</label>
        <select id="attachmentType" name="attachmentType" {...(p.uploadErrors?.attachmentType ? { "aria-invalid": "true", "aria-describedby": "attachmentType-feil" } : {})}>
          {attachmentTypes.map((a) => (
            <option value={a.type} selected={(p.uploadValues?.attachmentType ?? "application/pdf") === a.type}>
              {s.uploads.types[a.ext] ?? a.type}
            </option>
          ))}
        </select>
        {p.uploadErrors?.attachmentType && (
          <p class="error" id="attachmentType-feil">
            {p.uploadErrors.attachmentType}
          </p>
        )}
        {p.uploadErrors?.file && (
          <p class="error" id="file">
            {p.uploadErrors.file}
          </p>
        )}
        <div class="choice">
          <input type="checkbox" id="exempt" name="exempt" value="true" checked={p.uploadValues?.exempt === "true"} />
          <label for="exempt">{s.exempt}</label>
        </div>
        <p>
          <button type="submit">{s.chooseFile}</button>
        </p>
      </form>

      <h2>{s.meetingDetails}</h2>
      <form method="post" action={`/moter/${m.id}`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.errors ?? {}} />
        <MeetingFields values={values} errors={p.errors ?? {}} />
        <p>
          <button type="submit">{s.saveDetails}</button>
        </p>
      </form>

      <h2>{s.publishing}</h2>
      <form method="post" action={`/moter/${m.id}/publiser`}>
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="published" value={m.published ? "false" : "true"} />
        <p>{m.published ? s.isPublished : s.notPublished}</p>
        <button type="submit" class="secondary">
          {m.published ? s.unpublish : s.publish}
        </button>
      </form>
    </Shell>
  );
}

export function SendPage(p: Frame & { meeting: Meeting; body: Body; recipients: number; previewUrl?: string; previewRequested: boolean; sends: { id: string; template: string; createdAt: string; total: number }[] }) {
  const id = p.meeting.id;
  return (
    <Shell title={s.sendTitle} user={p.user} csrf={p.csrf}>
      <h1>Send innkalling: {p.meeting.title}</h1>
      <h2>{s.previewHeading}</h2>
      {p.previewUrl ? (
        // The email is the secretariat's text rendered by MJML: a sandboxed frame (no scripts, no
        // same-origin access) whose document has its own CSP (pages/secretariat.tsx).
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
      <form method="post" action={`/moter/${p.meeting.id}/send`}>
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="idempotencyKey" value={`${p.meeting.id}-${p.meeting.version}-${Date.now()}`} />
        <p>
          {s.sendsTo(p.recipients, p.body.name)}
        </p>
        <div class="choice">
          <input type="checkbox" id="confirm" name="confirm" value="yes" required aria-describedby="confirm-hint" />
          <label for="confirm">{s.confirmSend}</label>
        </div>
        <p class="muted" id="confirm-hint">
          {s.resendHint}
        </p>
        <button type="submit">{s.sendInvitation}</button>
      </form>
      {p.sends.length > 0 && (
        <>
          <h2>{s.earlierSends}</h2>
          <ul>
            {p.sends.map((s) => (
              <li>
                <a href={`/utsendelser/${s.id}`}>
                  {nbPages.earlierSend(formatOsloDateTime(s.createdAt), s.template, s.total)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Shell>
  );
}

const progressLine = (pr: { sent: number; total: number; queued: number; failed: number; bounced: number; done: boolean }) =>
  s.progressTemplate.replace(/\{(\w+)\}/g, (_, k: string) => String(pr[k as keyof typeof pr])) + (pr.done ? s.progressDone : "");

export function ProgressPage(p: Frame & { progress: { id: string; meetingId: string; total: number; queued: number; sent: number; failed: number; bounced: number; done: boolean; failures: { name: string; email: string; reason: string }[] } }) {
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

/** Each status has its colour in the stylesheet (.seat-attending …). */
const seatStatus: Record<SeatView["status"], string> = s.seatStatus;

export function BoardPage(p: Frame & {
  meeting: Meeting;
  board: { organisations: { organisation: string; answered: boolean; seats: SeatView[] }[]; totals: Record<string, number> };
  filter?: string;
  notice?: string;
}) {
  const t = p.board.totals;
  const orgs = p.filter === "ubesvart" ? p.board.organisations.filter((o) => !o.answered) : p.board.organisations;
  return (
    <Shell title={s.repliesPerOrganisation} user={p.user} csrf={p.csrf}>
      <h1>Svar: {p.meeting.title}</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>
        {s.boardTotals(t)}
      </p>
      <p>
        {p.filter === "ubesvart" ? <a href={`/moter/${p.meeting.id}/svar`}>{s.showAll}</a> : <a href={`/moter/${p.meeting.id}/svar?filter=ubesvart`}>{s.showNotReplied}</a>}
      </p>
      <form method="post" action={`/moter/${p.meeting.id}/paminnelse`}>
        <Csrf csrf={p.csrf} />
        <button type="submit" class="secondary">
          {s.sendReminder}
        </button>
      </form>
      {orgs.map((o) => (
        <section>
          <h2>{o.organisation}</h2>
          <ul class="seats">
            {o.seats.map((seat) => (
              <li>
                <span class={`seat seat-${seat.status}`}>{seatStatus[seat.status]}</span> {seat.label}
                {seat.reason ? ` (${seat.reason})` : ""}
                {seat.substitute?.held && <strong class="error"> – {s.substituteHeld(seat.substitute.email)}</strong>}
                <details>
                  <summary>{s.recordFor(seat.name)}</summary>
                  <form method="post" action={`/moter/${p.meeting.id}/svar/${seat.invitationId}`}>
                    <Csrf csrf={p.csrf} />
                    <label for={`status-${seat.invitationId}`}>{s.reply}</label>
                    <select id={`status-${seat.invitationId}`} name="status">
                      <option value="attending">{s.seatStatus.attending}</option>
                      <option value="absent">{s.absent}</option>
                      <option value="substitute">{s.sendsSubstitute}</option>
                    </select>
                    <label for={`reason-${seat.invitationId}`}>{s.reasonOrNote}</label>
                    <input type="text" id={`reason-${seat.invitationId}`} name="reason" />
                    <label for={`subname-${seat.invitationId}`}>{s.substituteName}</label>
                    <input type="text" id={`subname-${seat.invitationId}`} name="substituteName" />
                    <label for={`subemail-${seat.invitationId}`}>{s.substituteEmail}</label>
                    <input type="email" id={`subemail-${seat.invitationId}`} name="substituteEmail" />
                    <p>
                      <button type="submit">{s.record}</button>
                    </p>
                  </form>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Shell>
  );
}

export function MinutesPage(p: Frame & { meeting: Meeting; minutes: Minutes & { distribution?: { status: string; dueAt: string; lastError?: string; finishedAt?: string } }; errors?: Record<string, string>; notice?: string }) {
  const mn = p.minutes;
  const locked = mn.status === "approved";
  const errors = p.errors ?? {};
  return (
    <Shell title={s.minutes} user={p.user} csrf={p.csrf}>
      <h1>Referat: {p.meeting.title}</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>
        {s.status}: <strong>{locked ? s.approved : s.draft}</strong>
        {mn.approvedAt ? ` (godkjent ${formatOsloDateTime(mn.approvedAt)})` : ""}
        {mn.distribution
          ? ` · ${s.distribution(mn.distribution.status, formatOsloDateTime(mn.distribution.status === "done" ? (mn.distribution.finishedAt ?? mn.distribution.dueAt) : mn.distribution.dueAt))}`
          : ""}
        {mn.distribution?.lastError ? ` · ${s.errors}: ${mn.distribution.lastError}` : ""}
      </p>
      <form method="post" action={`/moter/${p.meeting.id}/referat`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field name="startedAt" label={s.startedAt} type="datetime-local" value={utcToOsloLocal(mn.startedAt)} errors={errors} />
        <Field name="endedAt" label={s.endedAt} type="datetime-local" value={utcToOsloLocal(mn.endedAt)} errors={errors} />
        <Field name="place" label={s.place} value={mn.place} errors={errors} />
        <Field name="present" label={s.present} hint={s.presentHint} value={mn.present.map(attendeeLine).join("\n")} errors={errors} textarea />
        <Field name="secretariat" label={s.secretariat} hint={s.onePerLine} value={mn.secretariat.join("\n")} errors={errors} textarea />
        <Field name="absent" label={s.absent} hint={s.absentHint} value={mn.absent.map(attendeeLine).join("\n")} errors={errors} textarea />
        {mn.items.map((i, n) => (
          <fieldset>
            <legend>
              {i.number ? `${s.caseNumber(i.number)} ` : ""}
              {i.title}
            </legend>
            <input type="hidden" name={`item${n}.itemId`} value={i.itemId} />
            <Field name={`item${n}.text`} label={s.text} value={i.text} errors={errors} textarea />
            <Field name={`item${n}.decision`} label={s.decision} value={i.decision} errors={errors} textarea />
            <label for={`item${n}.status`}>{s.status}</label>
            <select id={`item${n}.status`} name={`item${n}.status`}>
              {Object.entries(s.itemStatus).map(([k, label]) => (
                <option value={k} selected={i.status === k}>
                  {label}
                </option>
              ))}
            </select>
          </fieldset>
        ))}
        {locked && <Field name="correctionReason" label={s.correctionReason} errors={errors} />}
        <p>
          <button type="submit">{s.saveMinutes}</button>
        </p>
      </form>
      {!locked && (
        <form method="post" action={`/moter/${p.meeting.id}/referat/godkjenn`}>
          <Csrf csrf={p.csrf} />
          <button type="submit">{s.approveMinutes}</button>
        </form>
      )}
      {locked && (
        <form method="post" action={`/moter/${p.meeting.id}/referat/planlegg`}>
          <Csrf csrf={p.csrf} />
          <h2>{s.sendMinutes}</h2>
          <Field name="at" label={s.scheduleAt} type="datetime-local" value={mn.scheduledFor ? utcToOsloLocal(mn.scheduledFor) : ""} errors={errors} />
          <p>
            <button type="submit">{mn.scheduledFor ? s.moveSchedule : s.schedule}</button>
          </p>
        </form>
      )}
    </Shell>
  );
}

/**
 * Step 2 of an upload: a plain form whose action is the presigned S3 URL and whose hidden fields
 * are the presigned fields (every one pinned by the signed policy), the file input last (S3
 * ignores what follows the file). S3 stores the file and redirects (303) back to the app, which
 * checks and records it. No CSRF field here: it would go to S3, and the policy does not allow it.
 */
export function UploadPage(p: Frame & {
  meeting: Meeting;
  title: string;
  typeLabel: string;
  accept: string;
  exempt: boolean;
  maxMb: number;
  upload: { url: string; fields: Record<string, string> };
}) {
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
