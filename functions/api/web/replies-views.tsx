/** The reply board: who comes from each kommune, with a form per seat to record a reply given by phone or email. */
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import type { SeatView } from "../../../shared/invitations/index.js";
import type { Meeting } from "../../../shared/model.js";
import { Csrf, type Frame, Notice, Shell } from "./shell.js";

const s = nbPages;

export function BoardPage(
  p: Frame & {
    meeting: Meeting;
    board: { organisations: { organisation: string; answered: boolean; seats: SeatView[] }[]; totals: Record<string, number> };
    filter?: string;
    notice?: string;
  },
) {
  const notReplied = p.filter === "ubesvart";
  const orgs = notReplied ? p.board.organisations.filter((o) => !o.answered) : p.board.organisations;
  const base = `/moter/${p.meeting.id}/svar`;
  return (
    <Shell title={s.repliesPerOrganisation} user={p.user} csrf={p.csrf}>
      <h1>{s.boardHeading(p.meeting.title)}</h1>
      <Notice text={p.notice} />
      <p>{s.boardTotals(p.board.totals)}</p>
      <p>{notReplied ? <a href={base}>{s.showAll}</a> : <a href={`${base}?filter=ubesvart`}>{s.showNotReplied}</a>}</p>
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
              <SeatLine seat={seat} action={`${base}/${seat.invitationId}`} csrf={p.csrf} />
            ))}
          </ul>
        </section>
      ))}
    </Shell>
  );
}

/** Each status has its colour in the stylesheet (.seat-attending …). */
function SeatLine(p: { seat: SeatView; action: string; csrf: string }) {
  const { seat } = p;
  const id = seat.invitationId;
  return (
    <li>
      <span class={`seat seat-${seat.status}`}>{s.seatStatus[seat.status]}</span> {seat.label}
      {seat.reason ? ` (${seat.reason})` : ""}
      {seat.substitute?.held && <strong class="error"> – {s.substituteHeld(seat.substitute.email)}</strong>}
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
          <input type="text" id={`reason-${id}`} name="reason" />
          <label for={`subname-${id}`}>{s.substituteName}</label>
          <input type="text" id={`subname-${id}`} name="substituteName" />
          <label for={`subemail-${id}`}>{s.substituteEmail}</label>
          <input type="email" id={`subemail-${id}`} name="substituteEmail" />
          <p>
            <button type="submit">{s.record}</button>
          </p>
        </form>
      </details>
    </li>
  );
}
