/** The two checks every form post makes: the request comes from our own origin, and a secret matches in constant time. */
import { timingSafeEqual } from "node:crypto";

/**
 * Origin absent, "null" (what a browser sends under Referrer-Policy: no-referrer; the form's token
 * decides then), the configured BASE_URL's origin, or the origin the request itself was sent to.
 */
export function originAllowed(origin: string | undefined, baseUrl: string, requestUrl: string): boolean {
  return !origin || origin === "null" || origin === new URL(baseUrl).origin || origin === new URL(requestUrl).origin;
}

/** Equality that takes the same time wherever the values differ (tokens, MACs); different lengths are simply unequal. */
export function safeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const x = typeof a === "string" ? Buffer.from(a) : a;
  const y = typeof b === "string" ? Buffer.from(b) : b;
  return x.length === y.length && timingSafeEqual(x, y);
}
