// The public archive's pages; loaded by the reply app on the archive's first request (it reads the directory and the minutes).
import type { Context } from "hono";
import { t } from "../../shared/i18n/nb.js";
import { attendeeLine, getStoredMinutes } from "../../shared/minutes/index.js";
import { getBody, listBodies } from "../../shared/store/directory.js";
import { getMeetingBundle, listMeetings } from "../../shared/store/meetings.js";
import { formatMeetingTime, formatOsloDate, osloYear } from "../../shared/time.js";
import type { WebEnv } from "../../shared/web/env.js";
import { htmlDocument as html } from "../../shared/web/html.js";
import { Page } from "../../shared/web/layout.js";
import { AttachmentList, CaseHeading } from "./parts.js";

const m = t.archive;

/**
 * The public archive (offentleglova): published meetings' innkalling and approved referat, with
 * their attachments except those exempt from publication. An index per body and year.
 */
export async function archiveIndex(c: Context<WebEnv>) {
  const bodies = await listBodies(c.get("ctx"));
  return c.html(
    html(
      <Page title={m.title}>
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        <ul>
          {bodies.map((b) => (
            <li>
              <a href={`/arkiv/${b.id}`}>{b.name}</a>
            </li>
          ))}
        </ul>
      </Page>,
    ),
  );
}

export async function bodyArchive(c: Context<WebEnv>) {
  const ctx = c.get("ctx");
  const body = await getBody(ctx, c.req.param("bodyId") ?? "").catch(() => undefined);
  if (!body) return c.notFound();
  const meetings = (await listMeetings(ctx, body.id))
    .filter((m) => m.published)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const years = [...new Set(meetings.map((m) => osloYear(m.startsAt)))];
  return c.html(
    html(
      <Page title={`Møtearkiv: ${body.name}`}>
        <h1>{body.name}</h1>
        {years.length === 0 && <p>{m.empty}</p>}
        {years.map((y) => (
          <section>
            <h2>{y}</h2>
            <ul>
              {meetings
                .filter((m) => osloYear(m.startsAt) === y)
                .map((m) => (
                  <li>
                    <a href={`/arkiv/mote/${m.id}`}>
                      {formatOsloDate(m.startsAt)}: {m.title}
                    </a>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </Page>,
    ),
  );
}

export async function meetingArchive(c: Context<WebEnv>) {
  const ctx = c.get("ctx");
  const bundle = await getMeetingBundle(ctx, c.req.param("meetingId") ?? "").catch(() => undefined);
  if (!bundle?.meeting.published) return c.notFound();
  const { meeting, agenda } = bundle;
  const body = await getBody(ctx, meeting.bodyId);
  const minutes = await getStoredMinutes(ctx, meeting.id);
  const attachments = bundle.attachments.filter((a) => !a.exempt);
  return c.html(
    html(
      <Page title={`${body.name}: ${meeting.title}`}>
        <h1>
          {body.name}: {meeting.title}
        </h1>
        <dl class="facts">
          <dt>{m.time}</dt>
          <dd>{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</dd>
          <dt>{m.place}</dt>
          <dd>{meeting.place}</dd>
        </dl>
        <h2>{m.agenda}</h2>
        {agenda.map((i) => (
          <section>
            <CaseHeading number={i.number} title={i.title} />
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
        ))}
        <AttachmentList items={attachments} href={(n) => `/arkiv/mote/${meeting.id}/vedlegg/${n}`} />
        {minutes?.status === "approved" && (
          <>
            <h2>{m.minutes}</h2>
            <dl class="facts">
              <dt>{m.present}</dt>
              <dd>{minutes.present.map(attendeeLine).join(", ")}</dd>
              <dt>{m.secretariat}</dt>
              <dd>{minutes.secretariat.join(" og ")}</dd>
              <dt>{m.absent}</dt>
              <dd>{minutes.absent.map(attendeeLine).join(", ") || m.none}</dd>
            </dl>
            {minutes.items.map((i) => (
              <section>
                <CaseHeading number={i.number} title={i.title} />
                {i.text && <p class="pre-line">{i.text}</p>}
                {i.status === "postponed" ? (
                  <p>{m.postponed}</p>
                ) : (
                  i.decision && (
                    <p>
                      <strong>{m.decision}</strong> {i.decision}
                    </p>
                  )
                )}
              </section>
            ))}
          </>
        )}
      </Page>,
    ),
  );
}
