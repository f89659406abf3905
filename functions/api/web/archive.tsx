// The public archive's pages (no login): the bodies, a body's published meetings by year, one meeting with its approved referat.
import { type Context, Hono, type Next } from "hono";
import { getBody, listBodies } from "../../../shared/directory/index.js";
import { getMeetingBundle, listMeetings } from "../../../shared/meetings/index.js";
import { publishedMinutes } from "../../../shared/minutes/index.js";
import { meetingEmailModel, minutesEmailModel } from "../../../shared/sending/index.js";
import { formatOsloDate } from "../../../shared/time.js";
import { htmlDocument } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { ArchiveIndexPage, BodyArchivePage, MeetingArchivePage } from "./archive-views.js";
import { einnsynRoutes } from "./einnsyn.js";

const PUBLIC_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The public archive (offentleglova): published meetings' innkalling and approved referat, with
 * their attachments except those exempt from publication. Served by the api Lambda (it reads the
 * directory and the minutes); the attachment links it shows are the reply Lambda's.
 */
/** A header-safe file name for old clients (the UTF-8 one goes in filename*). */
const asciiName = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "");

export function archivePages() {
  const app = new Hono<AppEnv>();
  // Public pages with no form to S3: the participant's policy (form-action 'self'), kept by the app's headers (overwrite: false).
  const publicPolicy = async (c: Context<AppEnv>, next: Next) => {
    await next();
    c.res.headers.set("Content-Security-Policy", PUBLIC_CSP);
  };
  app.use("/arkiv", publicPolicy);
  app.use("/arkiv/*", publicPolicy);
  app.route("/", einnsynRoutes());
  app.get("/arkiv", async (c) => c.html(htmlDocument(<ArchiveIndexPage bodies={await listBodies(c.get("ctx"))} />)));

  app.get("/arkiv/mote/:meetingId", async (c) => {
    const ctx = c.get("ctx");
    const bundle = await getMeetingBundle(ctx, c.req.param("meetingId")).catch(() => undefined);
    if (!bundle?.meeting.published) return c.notFound();
    const [body, minutes] = await Promise.all([getBody(ctx, bundle.meeting.bodyId), publishedMinutes(ctx, bundle.meeting.id)]);
    return c.html(
      htmlDocument(
        <MeetingArchivePage
          body={body}
          meeting={bundle.meeting}
          agenda={bundle.agenda}
          attachments={bundle.attachments.filter((a) => !a.exempt)}
          minutes={minutes}
        />,
      ),
    );
  });

  // The archival PDFs of what the meeting page shows (made on request: a few hundred ms, never on the reply path).
  app.get("/arkiv/mote/:meetingId/:kind{(innkalling|referat)\\.pdf}", async (c) => {
    const ctx = c.get("ctx");
    const bundle = await getMeetingBundle(ctx, c.req.param("meetingId")).catch(() => undefined);
    if (!bundle?.meeting.published) return c.notFound();
    const kind = c.req.param("kind").startsWith("referat") ? "referat" : "innkalling";
    const [body, minutes] = await Promise.all([getBody(ctx, bundle.meeting.bodyId), publishedMinutes(ctx, bundle.meeting.id)]);
    if (kind === "referat" && !minutes) return c.notFound();
    const pdf = await import("../../../shared/archival-pdf/index.js");
    const visible = { ...bundle, attachments: bundle.attachments.filter((a) => !a.exempt) };
    const bytes =
      kind === "referat" && minutes
        ? await pdf.referatPdf(minutesEmailModel(visible, body, minutes), body.language)
        : await pdf.innkallingPdf(
            meetingEmailModel(visible, body, body.secretariat.email, bundle.meeting.sequence),
            body.language,
          );
    const filename = pdf.pdfTexts(body.language).filename(kind, body.shortName, formatOsloDate(bundle.meeting.startsAt));
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${asciiName(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    });
  });

  app.get("/arkiv/:bodyId", async (c) => {
    const ctx = c.get("ctx");
    const body = await getBody(ctx, c.req.param("bodyId")).catch(() => undefined);
    if (!body) return c.notFound();
    const meetings = (await listMeetings(ctx, body.id))
      .filter((m) => m.published)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    return c.html(htmlDocument(<BodyArchivePage body={body} meetings={meetings} />));
  });
  return app;
}
