/** The minutes page: the referat's form (who came, each case's text and decision), approval, and the scheduled distribution. */
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { attendeeLine } from "../../../shared/minutes/index.js";
import type { Meeting } from "../../../shared/model.js";
import { formatOsloDateTime, utcToOsloLocal } from "../../../shared/time.js";
import type { MinutesView } from "../minutes-view.js";
import { Choice, Csrf, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

const s = nbPages;

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
  p: Frame & { meeting: Meeting; minutes: MinutesView; errors?: Record<string, string>; notice?: string },
) {
  const mn = p.minutes;
  const locked = mn.status === "approved";
  const errors = p.errors ?? {};
  const action = `/moter/${p.meeting.id}/referat`;
  return (
    <Shell title={s.minutes} user={p.user} csrf={p.csrf}>
      <h1>{s.minutesHeading(p.meeting.title)}</h1>
      <Notice text={p.notice} />
      <p>
        {s.status}: <strong>{locked ? s.approved : s.draft}</strong>
        {statusLine(mn)}
      </p>
      <form method="post" action={action}>
        <Csrf csrf={p.csrf} />
        <ErrorSummary errors={errors} />
        <Field name="startedAt" label={s.startedAt} type="datetime-local" value={utcToOsloLocal(mn.startedAt)} errors={errors} />
        <Field name="endedAt" label={s.endedAt} type="datetime-local" value={utcToOsloLocal(mn.endedAt)} errors={errors} />
        <Field name="place" label={s.place} value={mn.place} errors={errors} />
        <Field
          name="present"
          label={s.present}
          hint={s.presentHint}
          value={mn.present.map(attendeeLine).join("\n")}
          errors={errors}
          textarea
        />
        <Field
          name="secretariat"
          label={s.secretariat}
          hint={s.onePerLine}
          value={mn.secretariat.join("\n")}
          errors={errors}
          textarea
        />
        <Field
          name="absent"
          label={s.absent}
          hint={s.absentHint}
          value={mn.absent.map(attendeeLine).join("\n")}
          errors={errors}
          textarea
        />
        {mn.items.map((i, n) => (
          <fieldset>
            <legend>
              {i.number ? `${s.caseNumber(i.number)} ` : ""}
              {i.title}
            </legend>
            <input type="hidden" name={`item${n}.itemId`} value={i.itemId} />
            <Field name={`item${n}.text`} label={s.text} value={i.text} errors={errors} textarea />
            <Field name={`item${n}.decision`} label={s.decision} value={i.decision} errors={errors} textarea />
            <Choice id={`item${n}.status`} name={`item${n}.status`} label={s.status} choices={s.itemStatus} selected={i.status} />
          </fieldset>
        ))}
        {locked && <Field name="correctionReason" label={s.correctionReason} errors={errors} />}
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
            <button type="submit">{mn.scheduledFor ? s.moveSchedule : s.schedule}</button>
          </p>
        </form>
      )}
    </Shell>
  );
}
