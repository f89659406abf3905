// The reply page behind the personal link: GET only reads (mail scanners open links), POST records the reply.
import { createHmac } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { limits, takeRateLimit } from "../../shared/abuse/index.js";
import type { AppContext } from "../../shared/context.js";
import { ConflictError } from "../../shared/errors.js";
import { t } from "../../shared/i18n/nb.js";
import {
  InvitationClosedError,
  type LinkLookup,
  nextLinkCounter,
  ReplyClosedError,
  ReplyForm,
  replyOpen,
  resolveLink,
  submitLinkReply,
  TooManyRepliesError,
} from "../../shared/invitations/index.js";
import type { Meeting } from "../../shared/model.js";
import { latestPageContent, livePageContent } from "../../shared/store/participant.js";
import { clientAddress } from "../../shared/web/client-address.js";
import type { WebEnv } from "../../shared/web/env.js";
import { sendPage } from "../../shared/web/html.js";
import { MessagePage } from "../../shared/web/layout.js";
import { zodMessageNb } from "../../shared/web/problem.js";
import { originAllowed, safeEqual } from "../../shared/web/security.js";
import { ReplyPage } from "./reply-form.js";

type OkLink = Extract<LinkLookup, { kind: "ok" }>;
const FIELDS = ["status", "reason", "substituteName", "substituteEmail", "substituteRole"] as const;

/**
 * POST is protected against cross-site forgery by a token derived from the link and an Origin
 * check, and limited per client (one UpdateItem) and per link (a counter on the invitation, written
 * in the reply's own transaction). Invalid input shows the form again with the errors and the values kept.
 */
export function replyPageRoutes() {
  const app = new Hono<WebEnv>();

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
    // Rate limits before any work: per link (read with the link) and per client address.
    const now = ctx.clock.now();
    if (
      !nextLinkCounter(link.counter, now) ||
      !(await takeRateLimit(ctx, limits.replyPerClient(ctx.config.REPLY_POSTS_PER_CLIENT_PER_HOUR), clientAddress(c), now))
    )
      return tooMany(c);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (k: string) => (typeof form[k] === "string" ? form[k].slice(0, 5000) : "");
    if (
      !originAllowed(c.req.header("origin"), ctx.config.BASE_URL, c.req.url) ||
      !safeEqual(field("csrf"), await csrfFor(ctx, link.token))
    ) {
      return sendPage(c, <MessagePage title="Ugyldig forespørsel" message={t.reply.forbidden} />, 403);
    }
    const values = Object.fromEntries(FIELDS.map((k) => [k, field(k)]));
    const parsed = ReplyForm.safeParse({
      ...values,
      reason: values.reason || undefined,
      substituteRole: values.substituteRole || undefined,
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? "status");
        if (name === "status" || issue.code === "invalid_union") errors.status = t.reply.chooseOne;
        else errors[name] ??= zodMessageNb(issue);
      }
      return renderForm(c, ctx, link, { values, errors, status: 400 });
    }
    try {
      await submitLinkReply(ctx, link, parsed.data);
    } catch (err) {
      // Revoked or withdrawn while the form was open: answer as the link now stands.
      if (err instanceof InvitationClosedError)
        return linkProblem(c, ctx, err.reason === "withdrawn" ? { ...link, kind: "withdrawn" } : { kind: "unknown" });
      if (err instanceof TooManyRepliesError) return tooMany(c);
      if (err instanceof ReplyClosedError) return renderForm(c, ctx, link, { status: 409 });
      if (err instanceof ConflictError) return renderForm(c, ctx, link, { values, errors: { status: err.message }, status: 409 });
      throw err;
    }
    return c.redirect(`/r/${link.token}?lagret=1`, 303);
  });

  return app;
}

function tooMany(c: Context) {
  c.header("Retry-After", "3600");
  return sendPage(c, <MessagePage title={t.reply.tooManyTitle} message={t.reply.tooMany} />, 429);
}

/** The page's agenda, attachments and body: the snapshot of the meeting's version, or (an edit since the last send) read live. */
async function pageContent(ctx: AppContext, meeting: Meeting) {
  const snapshot = await latestPageContent(ctx, meeting.id);
  return snapshot?.version === meeting.version ? snapshot : livePageContent(ctx, meeting);
}

async function renderForm(
  c: Context<WebEnv>,
  ctx: AppContext,
  link: OkLink,
  opts: { saved?: boolean; values?: Record<string, string>; errors?: Record<string, string>; status?: 200 | 400 | 409 },
) {
  const [content, csrf] = await Promise.all([pageContent(ctx, link.meeting), csrfFor(ctx, link.token)]);
  const page = (
    <ReplyPage
      token={link.token}
      csrf={csrf}
      meeting={link.meeting}
      body={content.body}
      agenda={[...content.agenda].sort((a, b) => a.order - b.order)}
      attachments={content.attachments}
      invitation={link.invitation}
      open={replyOpen(link.meeting, ctx.clock.now())}
      saved={opts.saved}
      values={opts.values}
      errors={opts.errors}
    />
  );
  c.header("Cache-Control", "no-store");
  return sendPage(c, page, opts.status ?? 200);
}

async function linkProblem(c: Context<WebEnv>, ctx: AppContext, link: LinkLookup) {
  c.header("Cache-Control", "no-store");
  if (link.kind === "withdrawn") {
    const s = (await pageContent(ctx, link.meeting)).body.secretariat;
    return sendPage(
      c,
      <MessagePage
        title={t.reply.withdrawnTitle}
        message={t.reply.withdrawn}
        contact={t.reply.contact(s.name, s.email, s.phone)}
      />,
      410,
    );
  }
  return sendPage(c, <MessagePage title={t.reply.notFoundTitle} message={t.reply.notFound} />, 404);
}

/** The form token is derived from the personal link, so only someone holding the link can post. */
async function csrfFor(ctx: AppContext, token: string): Promise<string> {
  return createHmac("sha256", await ctx.secrets.linkSigningKey())
    .update(`csrf:${token}`)
    .digest("base64url")
    .slice(0, 32);
}
