// Personal links: <meeting>.<invitation>.<HMAC> over the link version; made, split and verified without I/O.
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Personal links. A link names one invitation and carries an HMAC over it (key from the secrets
 * port), so it cannot be guessed (192-bit MAC) or altered, and nothing secret is stored. Revoking
 * bumps the invitation's linkVersion, which invalidates every older link.
 * Form: <meetingId>.<invitationId>.<mac>
 */
const MAC_BYTES = 24;

export function personalToken(key: Uint8Array, meetingId: string, invitationId: string, linkVersion: number): string {
  return `${meetingId}.${invitationId}.${mac(key, meetingId, invitationId, linkVersion)}`;
}

function mac(key: Uint8Array, meetingId: string, invitationId: string, linkVersion: number): string {
  return createHmac("sha256", key)
    .update(`inv:${meetingId}:${invitationId}:${linkVersion}`)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString("base64url");
}

/** Splits a token without trusting it; returns undefined for anything that is not shaped like one. */
export function parseToken(token: string): { meetingId: string; invitationId: string; mac: string } | undefined {
  if (token.length > 200) return undefined;
  const m = /^([0-9a-z]{10,40})\.([0-9a-z-]{4,80})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return undefined;
  return { meetingId: m[1]!, invitationId: m[2]!, mac: m[3]! };
}

export function verifyToken(
  key: Uint8Array,
  parsed: { meetingId: string; invitationId: string; mac: string },
  linkVersion: number,
): boolean {
  const expected = Buffer.from(mac(key, parsed.meetingId, parsed.invitationId, linkVersion));
  const given = Buffer.from(parsed.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
