/** The secretariat's minutes pages (/moter/:id/referat): write and save the referat, approve it, schedule its distribution. */
import { Hono } from "hono";
import { ConflictError, InvalidError } from "../../../shared/errors.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { getMeetingRecord } from "../../../shared/meetings/index.js";
import { approveMinutes, getMinutes, type Minutes, saveMinutes, scheduleMinutes } from "../../../shared/minutes/index.js";
import { byField, formFields } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { minutesWithDistribution } from "../minutes-view.js";
import { MinutesPage } from "./minutes-views.js";
import { type C, done, frame } from "./page.js";
import { parseAttendeeLines } from "./parse.js";

const msg = nbPages.notices;

/** The form's per-case fields (item0.itemId, item0.text …) as the minutes' items. */
function itemsOf(f: Record<string, string>) {
  return Object.keys(f)
    .filter((k) => /^item\d+\.itemId$/.test(k))
    .map((k) => {
      const n = k.split(".")[0];
      return {
        itemId: f[k] ?? "",
        text: f[`${n}.text`] ?? "",
        decision: f[`${n}.decision`] ?? "",
        status: f[`${n}.status`] as Minutes["items"][number]["status"],
      };
    });
}

export function minutesPages() {
  const app = new Hono<AppEnv>();
  const page = async (
    c: C,
    id: string,
    extra: { errors?: Record<string, string>; notice?: string } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const ctx = c.get("ctx");
    const [meeting, minutes] = await Promise.all([getMeetingRecord(ctx, id), getMinutes(ctx, id)]);
    return sendPage(
      c,
      <MinutesPage {...frame(c)} meeting={meeting} minutes={await minutesWithDistribution(ctx, minutes)} {...extra} />,
      status,
    );
  };
  /** A refused change shows the page again: a conflict (approved, already sent) as its notice, field errors by field. */
  const refused = (c: C, id: string, err: unknown, fieldsToo: boolean) => {
    if (fieldsToo && err instanceof InvalidError) return page(c, id, { errors: byField(err.errors) }, 400);
    if (err instanceof ConflictError) return page(c, id, { notice: err.message }, 409);
    throw err;
  };

  app.get("/moter/:id/referat", (c) => page(c, c.req.param("id"), { notice: c.req.query("ok") }));
  app.post("/moter/:id/referat", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    const input = {
      startedAt: f.startedAt || undefined,
      endedAt: f.endedAt || undefined,
      place: f.place || undefined,
      present: parseAttendeeLines(f.present ?? ""),
      absent: parseAttendeeLines(f.absent ?? ""),
      secretariat: (f.secretariat ?? "")
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
      items: itemsOf(f),
      correctionReason: f.correctionReason || undefined,
    };
    try {
      await saveMinutes(c.get("ctx"), id, input, actor(c));
    } catch (err) {
      return refused(c, id, err, true);
    }
    return done(c, `/moter/${id}/referat`, msg.minutesSaved);
  });
  app.post("/moter/:id/referat/godkjenn", async (c) => {
    const id = c.req.param("id");
    await approveMinutes(c.get("ctx"), id, actor(c));
    return done(c, `/moter/${id}/referat`, msg.minutesApproved);
  });
  app.post("/moter/:id/referat/planlegg", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    if (!f.at) return page(c, id, { errors: { at: msg.chooseTime } }, 400);
    try {
      await scheduleMinutes(c.get("ctx"), id, f.at, actor(c));
    } catch (err) {
      return refused(c, id, err, false);
    }
    return done(c, `/moter/${id}/referat`, msg.distributionScheduled);
  });
  return app;
}
