/**
 * The secretariat's minutes pages (/moter/:id/referat): write and save the referat (with sub-items and
 * its attachments), approve it, schedule or cancel its distribution, and read every saved version.
 */
import { Hono } from "hono";
import { ConflictError, InvalidError } from "../../../shared/errors.js";
import { nbMinutes } from "../../../shared/i18n/nb-minutes.js";
import { nbPages } from "../../../shared/i18n/nb-pages.js";
import { getMeetingBundle } from "../../../shared/meetings/index.js";
import {
  approveMinutes,
  cancelScheduledMinutes,
  getMinutes,
  type Minutes,
  type SaveMinutesInput,
  saveMinutes,
  scheduleMinutes,
} from "../../../shared/minutes/index.js";
import { byField, formFields } from "../../../shared/web/forms.js";
import { sendPage } from "../../../shared/web/html.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { minutesWithDistribution } from "../minutes-view.js";
import { minutesVersionPages } from "./minutes-versions.js";
import { MinutesPage } from "./minutes-views.js";
import { type C, done, frame } from "./page.js";
import { parseAttendeeLines } from "./parse.js";

const msg = nbPages.notices;

type Outcome = Minutes["items"][number]["status"];

/** The numbered fields under a prefix: "item0.", "item1." … or "item0.sub0.", "item0.sub1." … */
const numbered = (f: Record<string, string>, prefix: string, key: string) =>
  Object.keys(f)
    .filter((k) => new RegExp(`^${prefix.replace(/\./g, "\\.")}\\d+\\.${key}$`).test(k))
    .map((k) => k.slice(0, -key.length));

/** The form's per-case prefixes ("item0.", "item1." …) and each case's sub-item prefixes ("item0.sub0." …), in form order. */
function prefixesOf(f: Record<string, string>) {
  return numbered(f, "item", "itemId").map((n) => ({ n, subs: numbered(f, `${n}sub`, "letter") }));
}

/** The form's per-case fields (item0.itemId, item0.text, item0.sub0.letter …) as the minutes' items. */
function itemsOf(f: Record<string, string>) {
  const outcome = (n: string) => ({
    text: f[`${n}text`] ?? "",
    decision: f[`${n}decision`] ?? "",
    status: f[`${n}status`] as Outcome,
  });
  return prefixesOf(f).map(({ n, subs }) => ({
    itemId: f[`${n}itemId`] ?? "",
    ...outcome(n),
    subItems: subs.map((sn) => ({ letter: f[`${sn}letter`] ?? "", ...outcome(sn) })),
  }));
}

const outcomeField = /^(text|decision|status)$/;

/**
 * The form input an error's field names ("items.2.subItems.1.text" → "item2.sub1.text", "present.3.name" →
 * "present"): the page shows the message by that input, or by the case's fieldset ("item2").
 */
function formFieldOf(field: string, f: Record<string, string>): string {
  const [head, i, key, k, subKey] = field.split(".");
  if (head !== "items" || i === undefined) return head ?? field;
  const item = prefixesOf(f)[Number(i)];
  if (!item) return head;
  const sub = key === "subItems" && k !== undefined ? item.subs[Number(k)] : undefined;
  if (sub && subKey && outcomeField.test(subKey)) return `${sub}${subKey}`;
  if (key && outcomeField.test(key)) return `${item.n}${key}`;
  return item.n.slice(0, -1);
}

/** One name per line: "Nina Solberg, Vestregionen". */
const secretariatOf = (text: string) => parseAttendeeLines(text).map(({ name, organisation }) => ({ name, organisation }));

/** The chosen attachments (checkboxes "attachment.3"), when the form offered any. */
function attachmentNumbersOf(f: Record<string, string>): number[] | undefined {
  if (f.attachmentsOffered !== "1") return undefined;
  return Object.keys(f)
    .filter((k) => /^attachment\.\d+$/.test(k))
    .map((k) => Number(k.slice("attachment.".length)));
}

function minutesInput(f: Record<string, string>): SaveMinutesInput {
  return {
    startedAt: f.startedAt || undefined,
    endedAt: f.endedAt || undefined,
    place: f.place || undefined,
    present: parseAttendeeLines(f.present ?? ""),
    absent: parseAttendeeLines(f.absent ?? ""),
    secretariat: secretariatOf(f.secretariat ?? ""),
    items: itemsOf(f),
    attachmentNumbers: attachmentNumbersOf(f),
    correctionReason: f.correctionReason || undefined,
  };
}

export function minutesPages() {
  const app = new Hono<AppEnv>();
  const page = async (
    c: C,
    id: string,
    extra: { errors?: Record<string, string>; notice?: string; typed?: Record<string, string>; typedAttachments?: number[] } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const ctx = c.get("ctx");
    const [bundle, minutes] = await Promise.all([getMeetingBundle(ctx, id), getMinutes(ctx, id)]);
    return sendPage(
      c,
      <MinutesPage
        {...frame(c)}
        meeting={bundle.meeting}
        attachments={bundle.attachments}
        minutes={await minutesWithDistribution(ctx, minutes)}
        {...extra}
      />,
      status,
    );
  };
  /**
   * A refused change shows the page again: a conflict (approved, already sent) as its notice, field errors
   * by their inputs; what was typed into the referat's form (`typed`) is shown again, not lost.
   */
  const refused = (c: C, id: string, err: unknown, typed?: Record<string, string>) => {
    if (typed && err instanceof InvalidError) {
      const errors = byField(err.errors.map((e) => ({ ...e, field: formFieldOf(e.field, typed) })));
      return page(c, id, { errors, typed, typedAttachments: attachmentNumbersOf(typed) }, 400);
    }
    if (err instanceof ConflictError)
      return page(c, id, { notice: err.message, typed, typedAttachments: typed && attachmentNumbersOf(typed) }, 409);
    throw err;
  };

  app.get("/moter/:id/referat", (c) => page(c, c.req.param("id"), { notice: c.req.query("ok") }));
  app.post("/moter/:id/referat", async (c) => {
    const id = c.req.param("id");
    // Not cut short: a text over the limit is refused by the rules (the body limit bounds the post).
    const fields = await formFields(c.req, Number.POSITIVE_INFINITY);
    try {
      await saveMinutes(c.get("ctx"), id, minutesInput(fields), actor(c));
    } catch (err) {
      return refused(c, id, err, fields);
    }
    return done(c, `/moter/${id}/referat`, msg.minutesSaved);
  });
  app.post("/moter/:id/referat/godkjenn", async (c) => {
    const id = c.req.param("id");
    try {
      await approveMinutes(c.get("ctx"), id, actor(c));
    } catch (err) {
      return refused(c, id, err);
    }
    return done(c, `/moter/${id}/referat`, msg.minutesApproved);
  });
  app.post("/moter/:id/referat/avbryt", async (c) => {
    const id = c.req.param("id");
    try {
      await cancelScheduledMinutes(c.get("ctx"), id, actor(c));
    } catch (err) {
      return refused(c, id, err);
    }
    return done(c, `/moter/${id}/referat`, nbMinutes.pages.distributionCancelled);
  });
  app.post("/moter/:id/referat/planlegg", async (c) => {
    const id = c.req.param("id");
    const f = await formFields(c.req);
    if (!f.at) return page(c, id, { errors: { at: msg.chooseTime } }, 400);
    try {
      await scheduleMinutes(c.get("ctx"), id, f.at, actor(c), { attachPdf: f.attachPdf === "on" });
    } catch (err) {
      return refused(c, id, err);
    }
    return done(c, `/moter/${id}/referat`, msg.distributionScheduled);
  });
  app.route("/", minutesVersionPages());
  return app;
}
