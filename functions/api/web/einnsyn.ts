// The eInnsyn-ready export of a body's published meetings: one stable URL per body, public like the archive.
import { Hono } from "hono";
import { getBody } from "../../../shared/directory/index.js";
import { einnsynExport, type PublishedMeeting } from "../../../shared/einnsyn/index.js";
import { getMeetingBundle, listMeetings } from "../../../shared/meetings/index.js";
import { publishedMinutes } from "../../../shared/minutes/index.js";
import type { AppEnv } from "../env.js";

export function einnsynRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/arkiv/:bodyId/einnsyn.jsonld", async (c) => {
    const ctx = c.get("ctx");
    const body = await getBody(ctx, c.req.param("bodyId")).catch(() => undefined);
    if (!body) return c.notFound();
    const published = (await listMeetings(ctx, body.id)).filter((m) => m.published);
    const meetings: PublishedMeeting[] = await Promise.all(
      published.map(async (m) => {
        const [bundle, minutes] = await Promise.all([getMeetingBundle(ctx, m.id), publishedMinutes(ctx, m.id)]);
        return {
          meeting: bundle.meeting,
          agenda: bundle.agenda,
          attachments: bundle.attachments.filter((a) => !a.exempt),
          minutes,
        };
      }),
    );
    c.header("Content-Type", "application/ld+json; charset=utf-8");
    return c.body(JSON.stringify(einnsynExport(body, meetings, ctx.config.BASE_URL), null, 2));
  });
  return app;
}
