import { createHmac, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import type { Context } from "hono";
import type { AppContext } from "../../../shared/context.js";
import { ConflictError } from "../../../shared/errors.js";
import { ReplyForm } from "../../../shared/invitations/index.js";
import { replyOpen } from "../../../shared/meetings/index.js";
import { t } from "../../../shared/i18n/nb.js";
import { type LinkLookup, ReplyClosedError, resolveLink, submitReply } from "../../../shared/invitations/index.js";
import { limits, takeRateLimit } from "../../../shared/abuse/index.js";
import { getBody } from "../../../shared/store/directory.js";
import { InvitationClosedError } from "../../../shared/store/invitations.js";
import { clientAddress } from "../../../shared/web/client-address.js";
import { getMeetingAgenda } from "../../../shared/store/meetings.js";
import type { AppEnv } from "../app.js";
import { zodMessageNb } from "../../../shared/web/problem.js";
import { MessagePage } from "../../../shared/web/layout.js";
import { ReplyPage } from "../views/reply-form.js";

/**
 * The public reply form behind the personal link. GET only reads (mail scanners open links);
 * POST records the reply, protected against cross-site forgery by a token derived from the link
 * and an Origin check. Invalid input shows the form again with the errors and the values kept.
 */
export function replyRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/r/:token", async (c) => {
    const ctx = c.get("ctx");
    const link = await resolveLink(ctx, c.req.param("token"));
    if (link.kind !== "ok") return linkProblem(c, ctx, link);
    return renderForm(c, ctx, link, { saved: c.req.query("lagret") === "1" });
  });

  app.post("/r/:token", async (c) => {
    const ctx = c.get("ctx");
    const link = await resolveLink(ctx, c.req.param("token"));
    if (link.kind !== "ok") return linkProblem(c, ctx, link);
    // Rate limits before any work: per link and per client address (not a mail relay, not a flood).
    const now = ctx.clock.now();
    const allowed =
      (await takeRateLimit(ctx, limits.replyPerLink, `${link.meeting.id}:${link.invitation.id}`, now)) &&
      (await takeRateLimit(ctx, limits.replyPerClient(ctx.config.REPLY_POSTS_PER_CLIENT_PER_HOUR), clientAddress(c), now));
    if (!allowed) {
      c.header("Retry-After", "3600");
      return c.html(`<!doctype html>${<MessagePage title={t.reply.tooManyTitle} message={t.reply.tooMany} />}`, 429);
    }
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const fields = Object.fromEntries(
      Object.entries(form).map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 5000) : ""]),
    ) as Record<string, string>;
    const origin = c.req.header("origin");
    const expected = await csrfFor(ctx, link.token);
    // "null" is what a browser sends under Referrer-Policy: no-referrer; the token decides then.
    const foreign = origin && origin !== "null" && origin !== new URL(ctx.config.BASE_URL).origin && origin !== new URL(c.req.url).origin;
    if (foreign || !safeEqual(fields.csrf ?? "", expected)) {
      return c.html(<MessagePage title="Ugyldig forespørsel" message={t.reply.forbidden} />, 403);
    }
    const values = {
      status: fields.status ?? "",
      reason: fields.reason ?? "",
      substituteName: fields.substituteName ?? "",
      substituteEmail: fields.substituteEmail ?? "",
      substituteRole: fields.substituteRole ?? "",
    };
    const parsed = ReplyForm.safeParse({
      status: values.status,
      reason: values.reason || undefined,
      substituteName: values.substituteName,
      substituteEmail: values.substituteEmail,
      substituteRole: values.substituteRole || undefined,
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "status");
        if (field === "status" || issue.code === "invalid_union") errors.status = t.reply.chooseOne;
        else errors[field] ??= zodMessageNb(issue);
      }
      return renderForm(c, ctx, link, { values, errors, status: 400 });
    }
    try {
      await submitReply(ctx, link.meeting, link.invitation.id, parsed.data, "participant", {
        linkVersion: link.invitation.linkVersion,
        current: link.invitation,
      });
    } catch (err) {
      // Revoked or withdrawn while the form was open: answer as the link now stands.
      if (err instanceof InvitationClosedError) return linkProblem(c, ctx, err.reason === "withdrawn" ? { ...link, kind: "withdrawn" } : { kind: "unknown" });
      if (err instanceof ReplyClosedError) return renderForm(c, ctx, link, { status: 409 });
      if (err instanceof ConflictError) return renderForm(c, ctx, link, { values, errors: { status: err.message }, status: 409 });
      throw err;
    }
    return c.redirect(`/r/${link.token}?lagret=1`, 303);
  });

  return app;
}

async function renderForm(
  c: Context<AppEnv>,
  ctx: AppContext,
  link: Extract<LinkLookup, { kind: "ok" }>,
  opts: { saved?: boolean; values?: Record<string, string>; errors?: Record<string, string>; status?: 200 | 400 | 409 },
) {
  const token = link.token;
  // Only what the page shows: the agenda and attachments, not every invitation of the meeting.
  const [bundle, body, csrf] = await Promise.all([getMeetingAgenda(ctx, link.meeting.id), getBody(ctx, link.meeting.bodyId), csrfFor(ctx, token)]);
  const page = (
    <ReplyPage
      token={token}
      csrf={csrf}
      meeting={bundle.meeting}
      body={body}
      agenda={bundle.agenda}
      attachments={bundle.attachments}
      invitation={link.invitation}
      open={replyOpen(bundle.meeting, ctx.clock.now())}
      saved={opts.saved}
      values={opts.values}
      errors={opts.errors}
    />
  );
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.html(`<!doctype html>${page}`, opts.status ?? 200);
}

async function linkProblem(c: Context<AppEnv>, ctx: AppContext, link: Awaited<ReturnType<typeof resolveLink>>) {
  c.header("Cache-Control", "no-store");
  if (link.kind === "withdrawn") {
    const body = await getBody(ctx, link.meeting.bodyId);
    const s = body.secretariat;
    return c.html(`<!doctype html>${<MessagePage title={t.reply.withdrawnTitle} message={t.reply.withdrawn} contact={t.reply.contact(s.name, s.email, s.phone)} />}`, 410);
  }
  return c.html(`<!doctype html>${<MessagePage title={t.reply.notFoundTitle} message={t.reply.notFound} />}`, 404);
}

/** The form token is derived from the personal link, so only someone holding the link can post. */
async function csrfFor(ctx: AppContext, token: string): Promise<string> {
  return createHmac("sha256", await ctx.secrets.linkSigningKey()).update(`csrf:${token}`).digest("base64url").slice(0, 32);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
