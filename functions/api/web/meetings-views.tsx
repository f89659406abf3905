/** The meeting pages: a new meeting, and the meeting page (details, agenda, attachments, publishing). */
import { nbMeetings } from "../../../shared/i18n/nb-meetings.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import type { AgendaItem, Attachment, Body, Meeting } from "../../../shared/model.js";
import { formatMeetingTime, utcToOsloLocal } from "../../../shared/time.js";
import { AgendaSection } from "./agenda-views.js";
import { AttachmentsSection } from "./attachments-views.js";
import { Choice, Csrf, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

const s = nbPages;
const sm = nbMeetings.pages;

export function NewMeetingPage(p: Frame & { bodies: Body[]; values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <Shell title={s.newMeeting} user={p.user} csrf={p.csrf}>
      <h1>{s.newMeeting}</h1>
      <form method="post" action="/moter">
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.errors} />
        <Choice
          id="bodyId"
          name="bodyId"
          label={s.bodies}
          choices={p.bodies.map((b): [string, string] => [b.id, b.name])}
          selected={p.values.bodyId ?? ""}
        />
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
      <Choice id="kind" name="kind" label={s.meetingKind} choices={s.kinds} selected={v.kind ?? "physical"} />
      <Field name="replyDeadline" label={s.replyDeadline} type="datetime-local" value={v.replyDeadline} errors={p.errors} />
    </>
  );
}

export type EditorProps = Frame & {
  meeting: Meeting;
  body: Body;
  agenda: AgendaItem[];
  attachments: Attachment[];
  nextNumber: string;
  /** The Oslo year of the meeting: the case-number series its cases take. */
  caseYear: number;
  /** The status shown: "held" once the end has passed (shownStatus). */
  status: Meeting["status"];
  /** The copy form's proposed date. */
  copyDate: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  itemValues?: Record<string, string>;
  itemErrors?: Record<string, string>;
  /** The attachment form's values and errors (a refused upload's message under `file`). */
  uploadValues?: Record<string, string>;
  uploadErrors?: Record<string, string>;
  caseNumberValues?: Record<string, string>;
  caseNumberErrors?: Record<string, string>;
  copyValues?: Record<string, string>;
  copyErrors?: Record<string, string>;
  notice?: string;
};

export function MeetingEditor(p: EditorProps) {
  const m = p.meeting;
  const values = p.values ?? {
    title: m.title,
    startsAt: utcToOsloLocal(m.startsAt),
    endsAt: utcToOsloLocal(m.endsAt),
    place: m.place,
    kind: m.kind,
    replyDeadline: m.replyDeadline ? utcToOsloLocal(m.replyDeadline) : "",
  };
  return (
    <Shell title={m.title} user={p.user} csrf={p.csrf}>
      <h1>
        {p.body.name}: {m.title}
      </h1>
      <Notice text={p.notice} />
      <p>
        {formatMeetingTime(m.startsAt, m.endsAt)} · {m.place} · <strong>{s.meetingStatus[p.status]}</strong>
      </p>
      <nav aria-label={s.meetingNav} class="tabs">
        <a href={`/moter/${m.id}/send`}>{s.previewAndSend}</a>
        <a href={`/moter/${m.id}/svar`}>{s.repliesPerOrganisation}</a>
        <a href={`/moter/${m.id}/referat`}>{s.minutes}</a>
        {(p.status === "draft" || p.status === "invited") && <a href={`/moter/${m.id}/avlys`}>{sm.cancelMeeting}</a>}
      </nav>

      <AgendaSection
        meeting={m}
        agenda={p.agenda}
        nextNumber={p.nextNumber}
        caseYear={p.caseYear}
        caseNumberValues={p.caseNumberValues}
        caseNumberErrors={p.caseNumberErrors}
        csrf={p.csrf}
        itemValues={p.itemValues}
        itemErrors={p.itemErrors}
      />
      <AttachmentsSection
        meeting={m}
        attachments={p.attachments}
        csrf={p.csrf}
        uploadValues={p.uploadValues}
        uploadErrors={p.uploadErrors}
      />

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

      <CopyForm meeting={m} csrf={p.csrf} date={p.copyValues?.date ?? p.copyDate} errors={p.copyErrors ?? {}} />
    </Shell>
  );
}

/** The body's next meeting from this one: the user picks the day (proposed: the same weekday four weeks on). */
function CopyForm(p: { meeting: Meeting; csrf: string; date: string; errors: Record<string, string> }) {
  return (
    <>
      <h2>{sm.copyMeeting}</h2>
      <p>{sm.copyHint}</p>
      <form method="post" action={`/moter/${p.meeting.id}/kopier`}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={p.errors} idPrefix="kopi-" />
        <Field
          idPrefix="kopi-"
          name="date"
          label={sm.copyDate}
          hint={sm.copyDateHint}
          type="date"
          value={p.date}
          errors={p.errors}
          required
        />
        <p>
          <button type="submit" class="secondary">
            {sm.copy}
          </button>
        </p>
      </form>
    </>
  );
}

/** The confirm step of a cancel: what will happen (a CANCEL to everyone, or nothing sent for a draft), then yes or no. */
export function CancelMeetingPage(p: Frame & { meeting: Meeting }) {
  const m = p.meeting;
  const invited = m.invitedVersion !== undefined;
  return (
    <Shell title={sm.cancelMeeting} user={p.user} csrf={p.csrf}>
      <h1>{sm.cancelHeading(m.title)}</h1>
      <p>{formatMeetingTime(m.startsAt, m.endsAt)}</p>
      <p>{invited ? sm.cancelInvited : sm.cancelDraft}</p>
      <form method="post" action={`/moter/${m.id}/avlys`}>
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="confirm" value="yes" />
        <input type="hidden" name="idempotencyKey" value={`avlys-${m.id}-${m.version}`} />
        <p>
          <button type="submit">{sm.confirmCancel}</button> <a href={`/moter/${m.id}`}>{sm.keepMeeting}</a>
        </p>
      </form>
    </Shell>
  );
}
