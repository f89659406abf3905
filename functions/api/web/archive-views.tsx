// The public archive's views: the list of bodies, a body's meetings by year, one meeting's innkalling and referat.
import { t } from "../../../shared/i18n/nb.js";
import { nnArchive } from "../../../shared/i18n/nn-archive.js";
import { attendeeLine, secretariatLine } from "../../../shared/minutes/index.js";
import type { AgendaItem, Attachment, Body, Meeting, Minutes } from "../../../shared/model.js";
import { formatMeetingTime, formatOsloDate, osloYear } from "../../../shared/time.js";
import { Page } from "../../../shared/web/layout.js";

type ArchiveTexts = typeof t.archive;
/** The body's pages speak its language (the index of all bodies stays bokmål). */
const textsOf = (body: Body): ArchiveTexts => (body.language === "nn" ? nnArchive : t.archive);

export function ArchiveIndexPage(p: { bodies: Body[] }) {
  return (
    <Page title={t.archive.title}>
      <h1>{t.archive.title}</h1>
      <p>{t.archive.intro}</p>
      <ul>
        {p.bodies.map((b) => (
          <li>
            <a href={`/arkiv/${b.id}`}>{b.name}</a>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** A body's published meetings, newest first, under one heading per year (Oslo time). */
export function BodyArchivePage(p: { body: Body; meetings: Meeting[] }) {
  const m = textsOf(p.body);
  const years = [...new Set(p.meetings.map((x) => osloYear(x.startsAt)))];
  return (
    <Page title={m.bodyTitle(p.body.name)} lang={p.body.language}>
      <h1>{p.body.name}</h1>
      {years.length === 0 && <p>{m.empty}</p>}
      {years.map((y) => (
        <section>
          <h2>{y}</h2>
          <ul>
            {p.meetings
              .filter((x) => osloYear(x.startsAt) === y)
              .map((x) => (
                <li>
                  <a href={`/arkiv/mote/${x.id}`}>
                    {formatOsloDate(x.startsAt)}: {x.title}
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <p>
        <a href={`/arkiv/${p.body.id}/einnsyn.jsonld`}>{m.einnsyn}</a>
      </p>
    </Page>
  );
}

/** "Sak 12/2017 Title" (the fixed opening and closing items carry no number). */
const CaseHeading = (p: { number: string | null; title: string; m: ArchiveTexts }) => (
  <h3>
    {p.number ? p.m.case(p.number) : ""}
    {p.title}
  </h3>
);

function AgendaCase(p: { item: AgendaItem; m: ArchiveTexts }) {
  const m = p.m;
  const i = p.item;
  return (
    <section>
      <CaseHeading number={i.number} title={i.title} m={p.m} />
      {i.background && <p class="pre-line">{i.background}</p>}
      {i.subItems.length > 0 && (
        <ul>
          {i.subItems.map((s) => (
            <li>
              {s.letter} {s.title}
              {s.bullets.length > 0 && (
                <ul>
                  {s.bullets.map((b) => (
                    <li>{b}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {i.proposedDecision && (
        <p>
          <strong>{m.proposedDecision}</strong> {i.proposedDecision}
        </p>
      )}
    </section>
  );
}

type Outcome = { text?: string; decision?: string; status: "decided" | "noted" | "postponed" };

/**
 * What was decided, as the referat email says it: "Vedtak:" and the decision; a postponed case "Saken ble
 * utsatt." and its text; a case only noted "Tatt til orientering." (a sub-item only noted: nothing more).
 */
function OutcomeLine(p: { outcome: Outcome; subItem?: boolean; m: ArchiveTexts }) {
  const m = p.m;
  const o = p.outcome;
  if (o.status === "postponed")
    return p.subItem ? (
      o.decision ? (
        <p class="pre-line">{o.decision}</p>
      ) : null
    ) : (
      <p class="pre-line">
        {m.postponed}
        {o.decision ? ` ${o.decision}` : ""}
      </p>
    );
  if (o.decision)
    return (
      <p class="pre-line">
        <strong>{m.decision}</strong> {o.decision}
      </p>
    );
  return o.status === "noted" && !p.subItem ? <p>{m.noted}</p> : null;
}

type MinutesItem = Minutes["items"][number];

function MinutesCase(p: { item: MinutesItem; m: ArchiveTexts }) {
  const i = p.item;
  return (
    <section>
      <CaseHeading number={i.number} title={i.title} m={p.m} />
      {i.text && <p class="pre-line">{i.text}</p>}
      {(i.subItems ?? []).map((s) => (
        <div>
          <h4>
            {s.letter} {s.title}
            {s.status === "postponed" ? ` – ${p.m.subItemPostponed}` : ""}
          </h4>
          {s.text && <p class="pre-line">{s.text}</p>}
          <OutcomeLine outcome={s} subItem m={p.m} />
        </div>
      ))}
      <OutcomeLine outcome={i} m={p.m} />
    </section>
  );
}

/** The approved referat as the email tells it: who was there, then each case with its sub-items and outcome. */
function ApprovedMinutes(p: { minutes: Minutes; m: ArchiveTexts }) {
  const m = p.m;
  const mn = p.minutes;
  return (
    <>
      <h2>{m.minutes}</h2>
      <dl class="facts">
        <dt>{m.present}</dt>
        <dd>{mn.present.map(attendeeLine).join(", ") || m.none}</dd>
        <dt>{m.secretariat}</dt>
        <dd>{secretariatLine(mn.secretariat) || m.none}</dd>
        <dt>{m.absent}</dt>
        <dd>{mn.absent.map(attendeeLine).join(", ") || m.none}</dd>
      </dl>
      {mn.items.map((i) => (
        <MinutesCase item={i} m={m} />
      ))}
    </>
  );
}

/** One published meeting: its facts, agenda, public attachments (links served by the reply Lambda) and the approved referat. */
export function MeetingArchivePage(p: {
  body: Body;
  meeting: Meeting;
  agenda: AgendaItem[];
  attachments: Attachment[];
  minutes?: Minutes;
}) {
  const { meeting } = p;
  const m = textsOf(p.body);
  // Served by the reply Lambda, which checks again that the meeting is published and the file not exempt.
  const links = p.attachments.map((a) => ({
    href: `/arkiv/mote/${meeting.id}/vedlegg/${a.number}`,
    label: m.attachment(a.number, a.title),
  }));
  return (
    <Page title={`${p.body.name}: ${meeting.title}`} lang={p.body.language}>
      <h1>
        {p.body.name}: {meeting.title}
      </h1>
      <dl class="facts">
        <dt>{m.time}</dt>
        <dd>{formatMeetingTime(meeting.startsAt, meeting.endsAt, p.body.language)}</dd>
        <dt>{m.place}</dt>
        <dd>{meeting.place}</dd>
      </dl>
      <p>
        <a href={`/arkiv/mote/${meeting.id}/innkalling.pdf`}>{m.innkallingPdf}</a>
        {p.minutes && (
          <>
            {" · "}
            <a href={`/arkiv/mote/${meeting.id}/referat.pdf`}>{m.referatPdf}</a>
          </>
        )}
      </p>
      <h2>{m.agenda}</h2>
      {p.agenda.map((item) => (
        <AgendaCase item={item} m={m} />
      ))}
      {links.length > 0 && (
        <section>
          <h2>{m.attachments}</h2>
          <ul>
            {links.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.minutes && <ApprovedMinutes minutes={p.minutes} m={m} />}
    </Page>
  );
}
