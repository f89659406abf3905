/** The secretariat's start page (/): every body's meetings, and what needs attention now. */
import { Hono } from "hono";
import type { AppContext } from "../../../shared/context.js";
import { listBodies } from "../../../shared/directory/index.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { groupRepliesByOrganisation, listMeetingReplies } from "../../../shared/invitations/index.js";
import { listMeetings } from "../../../shared/meetings/index.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { type ListedMeeting, Overview } from "./overview-views.js";
import { frame } from "./page.js";

const msg = nbPages.notices;
const DAY_MS = 86_400_000;

/** Bounced addresses, substitutes not notified, replies missing near the deadline, minutes not sent. */
async function attentionList(ctx: AppContext, now: string, upcoming: ListedMeeting[], past: ListedMeeting[]) {
  const attention: { href: string; text: string }[] = [];
  for (const m of upcoming.filter((m) => m.status === "invited")) {
    const { invitations, bounced } = await listMeetingReplies(ctx, m.id);
    const { totals, organisations } = groupRepliesByOrganisation(invitations, bounced);
    const soon = m.replyDeadline && new Date(m.replyDeadline).getTime() - Date.parse(now) < 3 * DAY_MS;
    const bouncedCount = totals.bounced ?? 0;
    const noAnswer = totals.noAnswer ?? 0;
    if (bouncedCount > 0) attention.push({ href: `/moter/${m.id}/svar`, text: msg.attentionBounced(m.title, bouncedCount) });
    const held = organisations.flatMap((o) => o.seats).filter((x) => x.substitute?.held).length;
    if (held > 0) attention.push({ href: `/moter/${m.id}/svar`, text: msg.attentionSubstituteHeld(m.title, held) });
    if (soon && noAnswer > 0)
      attention.push({ href: `/moter/${m.id}/svar?filter=ubesvart`, text: msg.attentionNoAnswer(m.title, noAnswer) });
  }
  for (const m of past.filter((m) => m.status !== "minutes_sent" && m.status !== "cancelled" && m.status !== "draft")) {
    attention.push({ href: `/moter/${m.id}/referat`, text: msg.attentionMinutes(`${m.bodyName} ${m.title}`) });
  }
  return attention;
}

export function overviewPages() {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    const ctx = c.get("ctx");
    const now = ctx.clock.now().toISOString();
    const bodies = await listBodies(ctx);
    const all = (
      await Promise.all(bodies.map(async (b) => (await listMeetings(ctx, b.id)).map((m) => ({ ...m, bodyName: b.name }))))
    ).flat();
    const upcoming = all.filter((m) => m.endsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const past = all
      .filter((m) => m.endsAt < now)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .slice(0, 20);
    const attention = await attentionList(ctx, now, upcoming, past);
    return sendPage(
      c,
      <Overview {...frame(c)} now={now} bodies={bodies} upcoming={upcoming} past={past} attention={attention} />,
    );
  });
  return app;
}
