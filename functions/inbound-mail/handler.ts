/** The inbound-mail Lambda's entry: calendar answers received by SES (receipt rule → S3 → here). */
import type { Context, SESEvent, SESReceipt } from "aws-lambda";
import { logInvocation } from "../../shared/adapters/powertools-logger.js";
import { recordCalendarReply } from "../../shared/calendar-replies/index.js";
import { type AppContext, awsHandler } from "../../shared/context.js";

/** Where the receipt rule's S3 action stores each message (by SES message id). */
export const INBOUND_PREFIX = "inbound/";

/** Spam or a virus, or a sender neither SPF nor DKIM vouches for: not read at all. */
const untrusted = (r: SESReceipt) =>
  r.spamVerdict.status === "FAIL" ||
  r.virusVerdict.status === "FAIL" ||
  (r.spfVerdict.status === "FAIL" && r.dkimVerdict.status === "FAIL");

/**
 * Thin entry point: for each received message, reads the raw MIME the S3 action stored and hands
 * it to the calendar-reply domain (the same code as the local SMTP stand-in). A message that is
 * not a matching answer is logged and dropped; only a storage failure throws (Lambda retries).
 */
export const createInboundMailHandler = (ctx: AppContext) => async (event: SESEvent, context?: Context) => {
  logInvocation(ctx.log, context);
  for (const { ses } of event.Records) {
    const messageId = ses.mail.messageId;
    if (untrusted(ses.receipt)) {
      ctx.log.warn("inbound mail dropped by its verdicts", { messageId });
      continue;
    }
    const key = `${INBOUND_PREFIX}${messageId}`;
    const stored = await ctx.blobs.head(key);
    if (!stored) {
      ctx.log.warn("inbound mail not in the bucket", { messageId });
      continue;
    }
    await recordCalendarReply(ctx, await ctx.blobs.readStart(key, stored.size, stored.etag));
  }
};

export const handler = awsHandler("inbound-mail", createInboundMailHandler);
