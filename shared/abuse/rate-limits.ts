import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../store/db.js";

/**
 * Fixed-window counters in the table, shared by every Lambda instance (an in-memory counter would
 * be per instance and reset on every cold start). One conditional UpdateItem per hit: the count is
 * only raised while it is below the limit, so a flood costs one write per request and never more
 * than `limit` requests get through in a window. Items expire by the table's TTL.
 */
export interface RateLimit {
  /** What is limited, e.g. "login-email" or "reply-ip". */
  scope: string;
  limit: number;
  windowMs: number;
}

export async function takeRateLimit(d: Db, rule: RateLimit, subject: string, now: Date): Promise<boolean> {
  const window = Math.floor(now.getTime() / rule.windowMs);
  const windowEnds = (window + 1) * rule.windowMs;
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: { PK: `RATE#${rule.scope}#${subject.toLowerCase()}`, SK: `W#${window}` },
        UpdateExpression: "ADD hits :one SET expiresAt = if_not_exists(expiresAt, :ttl)",
        ConditionExpression: "attribute_not_exists(hits) OR hits < :limit",
        ExpressionAttributeValues: { ":one": 1, ":limit": rule.limit, ":ttl": Math.ceil(windowEnds / 1000) + 60 },
      }),
    );
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === "ConditionalCheckFailedException") return false;
    throw err;
  }
}

/** The limits of the public forms, in one place (DESIGN §7: every public route has a rate limit). */
export const limits = {
  /** Reply POSTs per personal link. */
  replyPerLink: { scope: "reply-link", limit: 20, windowMs: 60 * 60_000 },
  /** Reply POSTs per client address; the number comes from REPLY_POSTS_PER_CLIENT_PER_HOUR. */
  replyPerClient: (limit: number) => ({ scope: "reply-ip", limit, windowMs: 60 * 60_000 }),
  /** Substitute changes that email a new address, per invitation per day. */
  substituteEmailsPerInvitation: { scope: "substitute-new-address", limit: 3, windowMs: 24 * 3600_000 },
  /** Login-link requests per address. */
  loginPerAddress: { scope: "login-email", limit: 5, windowMs: 15 * 60_000 },
  /** Login-link requests per client address. */
  loginPerClient: { scope: "login-ip", limit: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimit | ((limit: number) => RateLimit)>;
