/** The reply board: who comes from each kommune, each seat's history, and a form per seat to record a reply given by phone or email. */
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { nbPostmottak } from "../../../shared/i18n/nb-postmottak.js";
import { nbReplies } from "../../../shared/i18n/nb-replies.js";
import type { HistoryLine, SeatView } from "../../../shared/invitations/index.js";
import type { Meeting } from "../../../shared/model.js";
import { formatOsloDateTime } from "../../../shared/time.js";
import { Choice, Csrf, ErrorSummary, Field, type Frame, Notice, Shell } from "./shell.js";

/** What the secretariat posted for one seat, when it was refused: shown again in that seat's form, open. */
export interface PostedReply {
  invitationId: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

const s = nbPages;
const r = nbReplies;

export function BoardPage(
  p: Frame & {
    meeting: Meeting;
    board: { organisations: { organisation: string; answered: boolean; seats: SeatView[] }[]; totals: Record<string, number> };
    history: HistoryLine[];
    silentByDefault: boolean;
    filter?: string;
    notice?: string;
    posted?: PostedReply;
  },
) {
  const notReplied = p.filter === "ubesvart";
  const orgs = notReplied ? p.board.organisations.filter((o) => !o.answered) : p.board.organisations;
  const base = `/moter/${p.meeting.id}/svar`;
  const historyOf = (seat: SeatView) => p.history.filter((h) => h.seatInvitationId === seat.invitationId);
  return (
    <Shell title={s.repliesPerOrganisation} user={p.user} csrf={p.csrf}>
      <h1>{s.boardHeading(p.meeting.title)}</h1>
      <Notice text={p.notice} />
      <p>{s.boardTotals(p.board.totals)}</p>
      <p>
        {notReplied ? <a href={base}>{s.showAll}</a> : <a href={`${base}?filter=ubesvart`}>{s.showNotReplied}</a>} ·{" "}
        <a href={`${base}.csv`} download>
          {r.downloadCsv}
        </a>
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
              <SeatLine
                seat={seat}
                history={historyOf(seat)}
                action={`${base}/${seat.invitationId}`}
                csrf={p.csrf}
                silent={p.silentByDefault}
                posted={p.posted?.invitationId === seat.invitationId ? p.posted : undefined}
              />
            ))}
          </ul>
        </section>
      ))}
    </Shell>
  );
}

/** What the seat line says besides its status: the role of someone without a seat, the reason, note, substitute, address. */
function SeatDetails({ seat }: { seat: SeatView }) {
  const role = (s.roles as Record<string, string>)[seat.role] ?? seat.role;
  return (
    <>
      {!seat.holdsSeat && <span class="muted"> ({`${role}, ${r.noSeat}`})</span>}
      {seat.reason ? ` (${seat.reason})` : ""}
      {seat.note ? ` – ${r.note}: ${seat.note}` : ""}
      {seat.substitute && ` – ${substituteLine(seat, seat.substitute)}`}
      {seat.substitute?.held && <strong class="error"> – {s.substituteHeld(seat.substitute.email)}</strong>}
      {seat.suppressed && <strong class="error"> – {r.suppressed[seat.suppressed]}</strong>}
    </>
  );
}

/** The substitute's part of the line: a vara called in is waiting for their answer until they give it. */
function substituteLine(seat: SeatView, sub: NonNullable<SeatView["substitute"]>): string {
  if (seat.substituteAbsent) return sub.vara ? r.varaAbsent(sub.name) : r.substituteAbsent(sub.name);
  if (seat.status === "vara_called") return r.varaCalled(sub.name);
  return sub.vara ? r.varaComes(sub.name) : r.substituteComes(sub.name);
}

function History({ lines }: { lines: HistoryLine[] }) {
  if (lines.length === 0) return null;
  const from = (h: HistoryLine) =>
    h.from === "participant link"
      ? r.fromLink
      : h.from.startsWith("postmottak:")
        ? nbPostmottak.toPostmottak(h.from.slice("postmottak:".length))
        : r.fromSecretariat(h.from.replace(/^secretariat:/, ""));
  return (
    <details>
      <summary>{r.history(lines.length)}</summary>
      <ol class="history">
        {lines.map((h) => (
          <li>
            {h.substituteFor ? `${h.name}: ` : ""}
            {r.historyLine(
              formatOsloDateTime(h.at),
              h.status === "escalated" ? nbPostmottak.escalated : r.replyStatus[h.status],
              from(h),
            )}
            {h.reason ? ` (${h.reason})` : ""}
            {h.substitute ? ` – ${h.substitute.name}` : ""}
            {h.note ? ` – ${r.note}: ${h.note}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Each status has its colour in the stylesheet (.seat-attending …). A refused post opens its form again with the values. */
function SeatLine(p: {
  seat: SeatView;
  history: HistoryLine[];
  action: string;
  csrf: string;
  silent: boolean;
  posted?: PostedReply;
}) {
  const { seat } = p;
  const prefix = `${seat.invitationId}-`;
  const values = p.posted?.values ?? {};
  const errors = p.posted?.errors ?? {};
  const silent = p.posted ? values.silent === "1" : p.silent;
  return (
    <li>
      <span class={`seat seat-${seat.status}`}>{s.seatStatus[seat.status]}</span> {seat.label}
      <SeatDetails seat={seat} />
      <History lines={p.history} />
      <details open={Boolean(p.posted)}>
        <summary>{s.recordFor(seat.name)}</summary>
        <form method="post" action={p.action}>
          <Csrf csrf={p.csrf} />
          <ErrorSummary errors={errors} idPrefix={prefix} />
          <Choice
            id={`${prefix}status`}
            name="status"
            label={s.reply}
            choices={[
              ["attending", s.seatStatus.attending],
              ["absent", s.absent],
              ["substitute", s.sendsSubstitute],
            ]}
            selected={values.status ?? "attending"}
            invalid={Boolean(errors.status)}
          />
          <Field name="reason" label={s.reasonOrNote} value={values.reason} errors={errors} hint={r.noteHint} idPrefix={prefix} />
          <Field name="substituteName" label={s.substituteName} value={values.substituteName} errors={errors} idPrefix={prefix} />
          <Field
            name="substituteEmail"
            type="email"
            label={s.substituteEmail}
            value={values.substituteEmail}
            errors={errors}
            idPrefix={prefix}
          />
          <div class="choice">
            <input type="checkbox" id={`${prefix}silent`} name="silent" value="1" checked={silent} />
            <label for={`${prefix}silent`}>{r.silent}</label>
          </div>
          {p.silent && <p class="muted">{r.silentHint}</p>}
          <p>
            <button type="submit">{s.record}</button>
          </p>
        </form>
      </details>
    </li>
  );
}
