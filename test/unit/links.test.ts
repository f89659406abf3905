// Personal links: verified with the key and link version, refused when altered, re-signed, revoked or malformed.
import { describe, expect, it } from "vitest";
import { parseToken, personalToken, verifyToken } from "../../shared/invitations/index.js";

const key = new Uint8Array(32).fill(7);

describe("personal links", () => {
  const token = personalToken(key, "01jabcdefghjkmnpqrstvwxyz0", "m-01jabcdefghjkmnpqrstvwxyz1", 1);

  it("verify with the key and the current link version", () => {
    const parsed = parseToken(token)!;
    expect(parsed.meetingId).toBe("01jabcdefghjkmnpqrstvwxyz0");
    expect(verifyToken(key, parsed, 1)).toBe(true);
  });

  it("carry at least 128 bits of MAC", () => {
    const mac = token.split(".")[2]!;
    expect(Buffer.from(mac, "base64url").length * 8).toBeGreaterThanOrEqual(128);
  });

  it("fail when altered, signed with another key, or revoked (link version bumped)", () => {
    const parsed = parseToken(token)!;
    const flipped = { ...parsed, mac: (parsed.mac[0] === "A" ? "B" : "A") + parsed.mac.slice(1) };
    expect(verifyToken(key, flipped, 1)).toBe(false);
    expect(verifyToken(new Uint8Array(32).fill(8), parsed, 1)).toBe(false);
    expect(verifyToken(key, parsed, 2)).toBe(false);
    expect(verifyToken(key, { ...parsed, invitationId: "m-01jabcdefghjkmnpqrstvwxyz2" }, 1)).toBe(false);
  });

  it("reject anything not shaped like a link", () => {
    for (const bad of ["", "abc", `${token}x`, token.replace(".", ""), "../../etc/passwd", "a".repeat(500)]) {
      expect(parseToken(bad)).toBeUndefined();
    }
  });
});
