/** The caller's address for rate limits (API Gateway's source IP, or the local socket), IPv6 by /64. */
import { isIPv6 } from "node:net";
import type { Context } from "hono";

/**
 * The caller's address, for rate limits. In AWS it is API Gateway's `requestContext.http.sourceIp`
 * (X-Forwarded-For is not used: a client can write whatever it likes there); locally it is the
 * Node server's socket address. An IPv6 client usually holds a whole /64, so it counts as one.
 */
export function clientAddress(c: Context): string {
  const env = c.env as
    | { requestContext?: { http?: { sourceIp?: string } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  const raw = env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
  return rateLimitSubject(raw);
}

/** IPv4 (also IPv4-mapped IPv6) as is; IPv6 reduced to its /64 prefix. */
export function rateLimitSubject(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
