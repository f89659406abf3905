import type { Context } from "hono";

/**
 * The caller's address, for rate limits. In AWS it is API Gateway's `requestContext.http.sourceIp`
 * (X-Forwarded-For is not used: a client can write whatever it likes there); locally it is the
 * Node server's socket address.
 */
export function clientAddress(c: Context): string {
  const env = c.env as
    | { requestContext?: { http?: { sourceIp?: string } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}
