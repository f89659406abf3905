// The participant's side: resolving a personal link (one read) and recording a reply through it (one transaction).

import { limits, rateWindow, takeRateLimit } from "../abuse/index.js";
import type { AppContext } from "../context.js";
import { AppError, ConflictError } from "../errors.js";
import { t } from "../i18n/nb.js";
import { parseToken, verifyToken } from "../links.js";
import type { Invitation, Meeting } from "../model.js";
import { isConditionFailure, retryOnConflict } from "../store/db.js";
import { newId } from "../store/keys.js";
import {
  checkOpen,
  type LinkCounter,
  type PageAttachment,
  readLink,
  readLinkInvitation,
  writeReply,
} from "../store/participant.js";
import { decideReply, namesNewSubstitute, type ReplyForm, replyOpen } from "./reply-form.js";
import { queueReplyEmails, replyWrites } from "./reply-outbox.js";

/** A reply refused because the link was revoked or the invitation withdrawn meanwhile. */
export { InvitationClosedError } from "../store/participant.js";

export type LinkLookup =
  | { kind: "ok"; invitation: Invitation; meeting: Meeting; token: string; counter: LinkCounter; attachment?: PageAttachment }
  | { kind: "withdrawn"; invitation: Invitation; meeting: Meeting }
  | { kind: "unknown" };

/**
 * Opening a link only reads (mail scanners open links): one consistent BatchGetItem for the
 * invitation and the meeting (and, for an attachment link, the attachment).
 */
export async function resolveLink(ctx: AppContext, token: string, want: { attachment?: number } = {}): Promise<LinkLookup> {
  const parsed = parseToken(token);
  if (!parsed) return { kind: "unknown" };
  const read = await readLink(ctx, parsed.meetingId, parsed.invitationId, { meeting: true, attachment: want.attachment });
  const { invitation, meeting } = read;
  if (!invitation || !meeting || !verifyToken(await ctx.secrets.linkSigningKey(), parsed, invitation.linkVersion))
    return { kind: "unknown" };
  if (invitation.withdrawn) return { kind: "withdrawn", invitation, meeting };
  return { kind: "ok", invitation, meeting, token, counter: read.counter, attachment: read.attachment };
}

export class ReplyClosedError extends ConflictError {}

export class TooManyRepliesError extends AppError {
  constructor() {
    super("too_many", 429, t.reply.tooMany);
  }
}

/** The link's counter after one more reply, or undefined when the link has used its replies for this window. */
export function nextLinkCounter(counter: LinkCounter, now: Date): LinkCounter | undefined {
  const { window } = rateWindow(limits.replyPerLink, now);
  const posts = counter.window === window ? counter.posts : 0;
  return posts < limits.replyPerLink.limit ? { window, posts: posts + 1 } : undefined;
}

/**
 * Records a participant's reply through their link: one transaction, conditional on the reply
 * version read, the link's version and the invitation not withdrawn (a revoke or a withdrawal wins
 * every race), carrying the link's reply counter and the outbox job. Its emails then go on the
 * queue as one message (the worker makes the sends); if that fails, the outbox job queues them
 * (idempotent, so it may also run after). A plain reply is three calls: the link's read, the
 * per-client limit and the transaction; naming a new substitute address adds the address limit's.
 */
export async function submitLinkReply(ctx: AppContext, link: Extract<LinkLookup, { kind: "ok" }>, form: ReplyForm) {
  const now = ctx.clock.now();
  if (!replyOpen(link.meeting, now)) throw new ReplyClosedError("Svarfristen er ute.");
  const { meeting } = link;
  // Not an open relay: beyond a few new substitute addresses a day the reply is saved and nobody is emailed.
  const held =
    namesNewSubstitute(link.invitation, form) &&
    !(await takeRateLimit(ctx, limits.substituteEmailsPerInvitation, `${meeting.id}:${link.invitation.id}`, now));
  if (held)
    ctx.log.warn("substitute address limit reached; substitute not emailed", {
      meetingId: meeting.id,
      invitationId: link.invitation.id,
    });
  const outboxJobId = newId();
  const recorded = await retryOnConflict(
    async (attempt) => {
      const read = attempt === 0 ? link : await readLinkInvitation(ctx, meeting.id, link.invitation.id);
      if (!read.invitation) throw new ConflictError(t.rules.invitationGone);
      checkOpen(read.invitation, link.invitation.linkVersion);
      const counter = nextLinkCounter(read.counter, now);
      if (!counter) throw new TooManyRepliesError();
      const decision = decideReply(read.invitation, form, "participant", now, held);
      const writes = replyWrites(decision, now, outboxJobId);
      return { decision, invitation: await writeReply(ctx, read.invitation, writes, counter) };
    },
    { retries: 50, retryIf: isConditionFailure },
  );
  await queueReplyEmails(ctx, recorded.decision.emails);
  return { invitation: recorded.invitation, substituteHeld: held };
}
