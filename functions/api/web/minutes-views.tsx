/**
 * The minutes page: the referat's form (who came, each case's and sub-item's text and outcome, the
 * attachments that go with it), approval, and the scheduled distribution (plan, move, cancel).
 */
import { nbMinutes } from "../../../shared/i18n/nb-minutes.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { attendeeLine } from "../../../shared/minutes/index.js";
import type { Attachment, Meeting } from "../../../shared/model.js";
import { formatOsloDateTime, utcToOsloLocal } from "../../../shared/time.js";
import type { MinutesView } from "../minutes-view.js";
import { Choice, Csrf, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

const s = nbPages;
const sm = nbMinutes.pages;

/** A form's value: what was typed (a refused post shown again), else the stored one. */
type Typed = (name: string, stored: string | undefined) => string | undefined;

/** A case's or a sub-item's text, decision and outcome, named under `prefix` ("item0." or "item0.sub1."). */
function OutcomeFields(p: {
  prefix: string;
  value: { text?: string; decision?: string; status: string };
  errors: Record<string, string>;
  typed: Typed;
}) {
  const name = (key: string) => `${p.prefix}${key}`;
  return (
    <>
      <Field name={name("text")} label={s.text} value={p.typed(name("text"), p.value.text)} errors={p.errors} textarea />
      <Field
        name={name("decision")}
        label={s.decision}
        value={p.typed(name("decision"), p.value.decision)}
        errors={p.errors}
        textarea
      />
      <Choice
        id={name("status")}
        name={name("status")}
        label={s.status}
        choices={s.itemStatus}
        selected={p.typed(name("status"), p.value.status) ?? p.value.status}
      />
    </>
  );
}

/** An error that belongs to a whole group of inputs (a case's sub-items, the attachments), by its fieldset. */
function GroupError(p: { id: string; errors: Record<string, string> }) {
  const err = p.errors[p.id];
  return err ? (
    <p class="error" id={`${p.id}-feil`}>
      {err}
    </p>
  ) : null;
}

/** The meeting's attachments to send with the referat (all ticked until the secretariat has chosen). */
function AttachmentChoice(p: { attachments: Attachment[]; chosen?: number[]; errors: Record<string, string> }) {
  if (!p.attachments.length)
    return p.errors.attachmentNumbers ? (
      <div id="attachmentNumbers">
        <GroupError id="attachmentNumbers" errors={p.errors} />
      </div>
    ) : null;
  const chosen = new Set(p.chosen ?? p.attachments.map((a) => a.number));
  return (
    <fieldset id="attachmentNumbers">
      <legend>{sm.referatAttachments}</legend>
      <GroupError id="attachmentNumbers" errors={p.errors} />
      <p class="muted">{sm.referatAttachmentsHint}</p>
      <input type="hidden" name="attachmentsOffered" value="1" />
      {p.attachments.map((a) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`attachment.${a.number}`}
            name={`attachment.${a.number}`}
            value="1"
            checked={chosen.has(a.number)}
          />
          <label for={`attachment.${a.number}`}>
            {s.attachmentLine(a.number, a.title, a.filename, Math.ceil(a.size / 1024))}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** After the status: " (godkjent …)", the distribution's state and its last error, if any. */
function statusLine(mn: MinutesView): string {
  const d = mn.distribution;
  const when = d ? formatOsloDateTime(d.status === "done" ? (d.finishedAt ?? d.dueAt) : d.dueAt) : "";
  return [
    mn.approvedAt ? s.approvedAt(formatOsloDateTime(mn.approvedAt)) : "",
    d ? ` · ${s.distribution(d.status, when)}` : "",
    d?.lastError ? ` · ${s.errors}: ${d.lastError}` : "",
  ].join("");
}

export function MinutesPage(
  p: Frame & {
    meeting: Meeting;
    attachments: Attachment[];
    minutes: MinutesView;
    errors?: Record<string, string>;
    notice?: string;
    /** The fields of a refused post, shown again instead of the stored values. */
    typed?: Record<string, string>;
    /** The attachments ticked in that post. */
    typedAttachments?: number[];
  },
) {
  const mn = p.minutes;
  const locked = mn.status === "approved";
  const errors = p.errors ?? {};
  const typed: Typed = (name, stored) => p.typed?.[name] ?? stored;

  const action = `/moter/${p.meeting.id}/referat`;
  return (
    <Shell title={s.minutes} user={p.user} csrf={p.csrf}>
      <h1>{s.minutesHeading(p.meeting.title)}</h1>
      <Notice text={p.notice} />
      <p>
        {s.status}: <strong>{locked ? s.approved : s.draft}</strong>
        {statusLine(mn)}
      </p>
      <p>
        <a href={`${action}/versjoner`}>{sm.showVersions}</a>
      </p>
      <form method="post" action={action}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field
          name="startedAt"
          label={s.startedAt}
          type="datetime-local"
          value={typed("startedAt", utcToOsloLocal(mn.startedAt))}
          errors={errors}
        />
        <Field
          name="endedAt"
          label={s.endedAt}
          type="datetime-local"
          value={typed("endedAt", utcToOsloLocal(mn.endedAt))}
          errors={errors}
        />
        <Field name="place" label={s.place} value={typed("place", mn.place)} errors={errors} />
        <Field
          name="present"
          label={s.present}
          hint={s.presentHint}
          value={typed("present", mn.present.map(attendeeLine).join("\n"))}
          errors={errors}
          textarea
        />
        <Field
          name="secretariat"
          label={s.secretariat}
          hint={sm.secretariatHint}
          value={typed("secretariat", mn.secretariat.map(attendeeLine).join("\n"))}
          errors={errors}
          textarea
        />
        <Field
          name="absent"
          label={s.absent}
          hint={s.absentHint}
          value={typed("absent", mn.absent.map(attendeeLine).join("\n"))}
          errors={errors}
          textarea
        />
        {mn.items.map((i, n) => (
          <fieldset id={`item${n}`}>
            <legend>
              {i.number ? `${s.caseNumber(i.number)} ` : ""}
              {i.title}
            </legend>
            <GroupError id={`item${n}`} errors={errors} />
            <input type="hidden" name={`item${n}.itemId`} value={i.itemId} />
            <OutcomeFields prefix={`item${n}.`} value={i} errors={errors} typed={typed} />
            {(i.subItems ?? []).map((sub, k) => (
              <fieldset>
                <legend>{sm.subItem(sub.letter, sub.title)}</legend>
                <input type="hidden" name={`item${n}.sub${k}.letter`} value={sub.letter} />
                <OutcomeFields prefix={`item${n}.sub${k}.`} value={sub} errors={errors} typed={typed} />
              </fieldset>
            ))}
          </fieldset>
        ))}
        <AttachmentChoice attachments={p.attachments} chosen={p.typedAttachments ?? mn.attachmentNumbers} errors={errors} />
        {locked && (
          <Field name="correctionReason" label={s.correctionReason} value={typed("correctionReason", "")} errors={errors} />
        )}
        <p>
          <button type="submit">{s.saveMinutes}</button>
        </p>
      </form>
      {!locked && (
        <form method="post" action={`${action}/godkjenn`}>
          <Csrf csrf={p.csrf} />
          <button type="submit">{s.approveMinutes}</button>
        </form>
      )}
      {locked && (
        <form method="post" action={`${action}/planlegg`}>
          <Csrf csrf={p.csrf} />
          <h2>{s.sendMinutes}</h2>
          <Field
            name="at"
            label={s.scheduleAt}
            type="datetime-local"
            value={mn.scheduledFor ? utcToOsloLocal(mn.scheduledFor) : ""}
            errors={errors}
          />
          <p>
            <input type="checkbox" id="attachPdf" name="attachPdf" checked={mn.attachPdf === true} />{" "}
            <label for="attachPdf">{nbMinutes.pages.attachPdf}</label>
          </p>
          <p>
            <button type="submit">{mn.scheduledFor ? s.moveSchedule : s.schedule}</button>
          </p>
        </form>
      )}
      {mn.scheduledFor && mn.distribution?.status === "pending" && (
        <form method="post" action={`${action}/avbryt`}>
          <Csrf csrf={p.csrf} />
          <button type="submit">{sm.cancelDistribution}</button>
        </form>
      )}
    </Shell>
  );
}
