/** The referat's versions on the web (/moter/:id/referat/versjoner): every saved version, and each as it read. */
import { Hono } from "hono";
import { z } from "zod";
import { NotFoundError } from "../../../shared/errors.js";
import { nbMinutes } from "../../../shared/i18n/nb-minutes.js";
import { getMeetingRecord } from "../../../shared/meetings/index.js";
import { getMinutesVersionOf, listMinutesVersionsOf } from "../../../shared/minutes/index.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { MinutesVersionPage, MinutesVersionsPage } from "./minutes-versions-views.js";
import { frame } from "./page.js";

const VersionNumber = z.coerce.number().int().min(1).max(100_000);

export function minutesVersionPages() {
  const app = new Hono<AppEnv>();
  app.get("/moter/:id/referat/versjoner", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const [meeting, versions] = await Promise.all([getMeetingRecord(ctx, id), listMinutesVersionsOf(ctx, id)]);
    return sendPage(c, <MinutesVersionsPage {...frame(c)} meeting={meeting} versions={versions} />);
  });
  app.get("/moter/:id/referat/versjoner/:n", async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.param("id");
    const n = VersionNumber.safeParse(c.req.param("n"));
    if (!n.success) throw new NotFoundError(nbMinutes.rules.noSuchVersion(c.req.param("n").slice(0, 12)));
    const [meeting, minutes] = await Promise.all([getMeetingRecord(ctx, id), getMinutesVersionOf(ctx, id, n.data)]);
    return sendPage(c, <MinutesVersionPage {...frame(c)} meeting={meeting} minutes={minutes} />);
  });
  return app;
}
