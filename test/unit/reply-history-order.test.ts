// The reply history's order: by time across people, by committed version within one invitation.
import { describe, expect, it } from "vitest";
import { keys } from "../../shared/store/keys.js";
import { replyLogOf } from "../../shared/store/reply-history.js";

const entry = (invitationId: string, version: number, at: string, reason: string) => ({
  ...keys.replyLog("m1", invitationId, version),
  invitationId,
  version,
  status: "absent",
  reason,
  at,
  by: "participant",
});

describe("reply history order", () => {
  it("keeps one invitation's changes in the order they were committed, even when a later one began earlier", () => {
    // Two racing changes of A: version 2 began at :05 but committed after version 1 (began :06).
    const items = [
      entry("A", 2, "2030-05-01T10:00:05Z", "second"),
      entry("B", 1, "2030-05-01T10:00:01Z", "B first"),
      entry("A", 1, "2030-05-01T10:00:06Z", "first"),
      entry("B", 2, "2030-05-01T10:00:09Z", "B second"),
    ];
    const order = replyLogOf(items).map((e) => e.reason);
    expect(order).toEqual(["B first", "first", "second", "B second"]);
    expect(
      replyLogOf(items)
        .filter((e) => e.invitationId === "A")
        .map((e) => e.version),
    ).toEqual([1, 2]);
  });
});
