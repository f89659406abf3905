/** The reply board: who comes from each kommune, each seat's history, and a form per seat to record a reply given by phone or email. */
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { nbReplies } from "../../../shared/i18n/nb-replies.js";
import type { HistoryLine, SeatView } from "../../../shared/invitations/index.js";
import type { Meeting } from "../../../shared/model.js";
import { formatOsloDateTime } from "../../../shared/time.js";
import { Csrf, type Frame, Notice, Shell } from "./shell.js";

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
      {seat.substitute &&
        ` – ${seat.substituteAbsent ? r.substituteAbsent(seat.substitute.name) : r.substituteComes(seat.substitute.name)}`}
      {seat.substitute?.held && <strong class="error"> – {s.substituteHeld(seat.substitute.email)}</strong>}
      {seat.suppressed && <strong class="error"> – {r.suppressed[seat.suppressed]}</strong>}
    </>
  );
}

function History({ lines }: { lines: HistoryLine[] }) {
  if (lines.length === 0) return null;
  const from = (h: HistoryLine) =>
    h.from === "participant link" ? r.fromLink : r.fromSecretariat(h.from.replace(/^secretariat:/, ""));
  return (
    <details>
      <summary>{r.history(lines.length)}</summary>
      <ol class="history">
        {lines.map((h) => (
          <li>
            {h.substituteFor ? `${h.name}: ` : ""}
            {r.historyLine(formatOsloDateTime(h.at), r.replyStatus[h.status], from(h))}
            {h.reason ? ` (${h.reason})` : ""}
            {h.substitute ? ` – ${h.substitute.name}` : ""}
            {h.note ? ` – ${r.note}: ${h.note}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Each status has its colour in the stylesheet (.seat-attending …). */
function SeatLine(p: { seat: SeatView; history: HistoryLine[]; action: string; csrf: string; silent: boolean }) {
  const { seat } = p;
  const id = seat.invitationId;
  return (
    <li>
      <span class={`seat seat-${seat.status}`}>{s.seatStatus[seat.status]}</span> {seat.label}
      <SeatDetails seat={seat} />
      <History lines={p.history} />
      <details>
        <summary>{s.recordFor(seat.name)}</summary>
        <form method="post" action={p.action}>
          <Csrf csrf={p.csrf} />
          <label for={`status-${id}`}>{s.reply}</label>
          <select id={`status-${id}`} name="status">
            <option value="attending">{s.seatStatus.attending}</option>
            <option value="absent">{s.absent}</option>
            <option value="substitute">{s.sendsSubstitute}</option>
          </select>
          <label for={`reason-${id}`}>{s.reasonOrNote}</label>
          <input type="text" id={`reason-${id}`} name="reason" maxlength={500} aria-describedby={`reason-hint-${id}`} />
          <p class="muted" id={`reason-hint-${id}`}>
            {r.noteHint}
          </p>
          <label for={`subname-${id}`}>{s.substituteName}</label>
          <input type="text" id={`subname-${id}`} name="substituteName" />
          <label for={`subemail-${id}`}>{s.substituteEmail}</label>
          <input type="email" id={`subemail-${id}`} name="substituteEmail" />
          <div class="choice">
            <input type="checkbox" id={`silent-${id}`} name="silent" value="1" checked={p.silent} />
            <label for={`silent-${id}`}>{r.silent}</label>
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
