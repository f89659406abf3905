import { Hono } from "hono";
import { formatMeetingTime, formatOsloDate, osloYear } from "../../../shared/domain/oslo-time.js";
import { attendeeLine, getStoredMinutes } from "../../../shared/minutes/minutes.js";
import { getBody, listBodies } from "../../../shared/store/directory.js";
import { getMeetingBundle, listMeetings } from "../../../shared/store/meetings.js";
import type { AppEnv } from "../app.js";
import { Page } from "../views/layout.js";

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
        <Page title="Møtearkiv">
          <h1>Møtearkiv</h1>
          <p>Innkallinger og referater fra publiserte møter.</p>
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
          {years.length === 0 && <p>Ingen publiserte møter ennå.</p>}
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
            <dt>Tid</dt>
            <dd>{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</dd>
            <dt>Sted</dt>
            <dd>{meeting.place}</dd>
          </dl>
          <h2>Innkalling: saker til behandling</h2>
          {agenda.map((i) => (
            <section>
              <h3>
                {i.number ? `Sak ${i.number} ` : ""}
                {i.title}
              </h3>
              {i.background && <p style="white-space:pre-line">{i.background}</p>}
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
                  <strong>Forslag til vedtak:</strong> {i.proposedDecision}
                </p>
              )}
            </section>
          ))}
          {attachments.length > 0 && (
            <>
              <h2>Vedlegg</h2>
              <ul>
                {attachments.map((a) => (
                  <li>
                    <a href={`/arkiv/mote/${meeting.id}/vedlegg/${a.number}`}>
                      Vedlegg {a.number}: {a.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {minutes?.status === "approved" && (
            <>
              <h2>Referat</h2>
              <dl class="facts">
                <dt>Til stede</dt>
                <dd>{minutes.present.map(attendeeLine).join(", ")}</dd>
                <dt>Sekretariatet</dt>
                <dd>{minutes.secretariat.join(" og ")}</dd>
                <dt>Forfall</dt>
                <dd>{minutes.absent.map(attendeeLine).join(", ") || "Ingen"}</dd>
              </dl>
              {minutes.items.map((i) => (
                <section>
                  <h3>
                    {i.number ? `Sak ${i.number} ` : ""}
                    {i.title}
                  </h3>
                  {i.text && <p style="white-space:pre-line">{i.text}</p>}
                  {i.status === "postponed" ? (
                    <p>Saken ble utsatt.</p>
                  ) : (
                    i.decision && (
                      <p>
                        <strong>Vedtak:</strong> {i.decision}
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
