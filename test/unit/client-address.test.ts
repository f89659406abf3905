/** The rate-limit subject of a client address (IPv4, mapped IPv4, IPv6 /64). */
import { describe, expect, it } from "vitest";
import { rateLimitSubject } from "../../shared/web/client-address.js";

describe("rate-limit subject of a client address", () => {
  it("counts an IPv6 client's whole /64 as one (rotating addresses inside it gains nothing)", () => {
    expect(rateLimitSubject("2001:db8:abcd:12:1::1")).toBe("2001:db8:abcd:12::/64");
    expect(rateLimitSubject("2001:db8:abcd:12:ffff:eeee:dddd:cccc")).toBe("2001:db8:abcd:12::/64");
    expect(rateLimitSubject("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitSubject("::1")).toBe("0:0:0:0::/64");
  });
  it("keeps IPv4 as is, also when mapped into IPv6", () => {
    expect(rateLimitSubject("192.0.2.7")).toBe("192.0.2.7");
    expect(rateLimitSubject("::ffff:192.0.2.7")).toBe("192.0.2.7");
  });
});
