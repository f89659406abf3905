import { Hono } from "hono";
import { formatMeetingTime, formatOsloDate, osloYear } from "../../../shared/time.js";
import { attendeeLine, getStoredMinutes } from "../../../shared/minutes/index.js";
import { getBody, listBodies } from "../../../shared/store/directory.js";
import { getMeetingBundle, listMeetings } from "../../../shared/store/meetings.js";
import type { AppEnv } from "../app.js";
import { Page } from "../../../shared/web/layout.js";
import { t } from "../../../shared/i18n/nb.js";

const m = t.archive;

/**
 * The public archive (offentleglova): published meetings' innkalling and approved referat, with
 * their attachments except those exempt from publication. An index per body and year.
 */
export function archiveRoutes() {
  const app = new Hono<AppEnv>();
  const html = (page: unknown) => `<!doctype html>${page}`;

  app.get("/arkiv", async (c) => {
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
  });

  app.get("/arkiv/:bodyId", async (c) => {
    const ctx = c.get("ctx");
    const body = await getBody(ctx, c.req.param("bodyId")).catch(() => undefined);
    if (!body) return c.notFound();
    const meetings = (await listMeetings(ctx, body.id)).filter((m) => m.published).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
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
  });

  app.get("/arkiv/mote/:meetingId", async (c) => {
    const ctx = c.get("ctx");
    const bundle = await getMeetingBundle(ctx, c.req.param("meetingId")).catch(() => undefined);
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
              <h3>
                {i.number ? m.case(i.number) : ""}
                {i.title}
              </h3>
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
          {attachments.length > 0 && (
            <>
              <h2>{m.attachments}</h2>
              <ul>
                {attachments.map((a) => (
                  <li>
                    <a href={`/arkiv/mote/${meeting.id}/vedlegg/${a.number}`}>
                      {m.attachment(a.number, a.title)}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
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
                  <h3>
                    {i.number ? m.case(i.number) : ""}
                    {i.title}
                  </h3>
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
  });
  return app;
}
