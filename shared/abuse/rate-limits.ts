// The limits of the public forms and the fixed-window check shared by every Lambda instance.
import type { Db } from "../store/db.js";
import { hitCounter } from "../store/rate-limits.js";

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

/** The window a moment falls in, and when that window's items may expire (a minute after it ends, in epoch seconds). */
export function rateWindow(rule: RateLimit, now: Date): { window: number; expiresAt: number } {
  const window = Math.floor(now.getTime() / rule.windowMs);
  return { window, expiresAt: Math.ceil(((window + 1) * rule.windowMs) / 1000) + 60 };
}

export async function takeRateLimit(d: Db, rule: RateLimit, subject: string, now: Date): Promise<boolean> {
  const { window, expiresAt } = rateWindow(rule, now);
  return hitCounter(d, rule.scope, subject, window, rule.limit, expiresAt);
}

/** The limits of the public forms, in one place (DESIGN §7: every public route has a rate limit). */
export const limits = {
  /** Reply POSTs per personal link (counted on the invitation, in the reply's own transaction). */
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
