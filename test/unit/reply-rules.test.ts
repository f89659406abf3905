// The pure rules of a reply: what one reply changes, the per-link counter, which paths the reply Lambda serves.
import { describe, expect, it } from "vitest";
import { servedByReply } from "../../functions/reply/paths.js";
import { decideReply, nextLinkCounter, ReplyForm } from "../../shared/invitations/index.js";
import type { Invitation } from "../../shared/model.js";

const now = new Date("2030-05-01T10:00:00Z");
const member: Invitation = {
  id: "m-1",
  meetingId: "mtg",
  name: "Trond Julin",
  email: "trond@example.org",
  role: "member",
  linkVersion: 1,
  withdrawn: false,
  replyVersion: 0,
  createdAt: now.toISOString(),
};

describe("decideReply", () => {
  it("a new substitute address gets its own invitation, already attending, and an invitation email", () => {
    const d = decideReply(
      member,
      { status: "substitute", substituteName: "Kari", substituteEmail: "kari@example.org" },
      "participant",
      now,
      false,
    );
    expect(d.newSubstitute).toMatchObject({
      id: "s-m-1-1",
      substituteFor: { invitationId: "m-1", name: "Trond Julin" },
      reply: { status: "attending" },
    });
    expect(d.emails).toMatchObject({ replyVersion: 1, newSubstituteId: "s-m-1-1" });
  });

  it("a held substitute is recorded but never emailed, and not told when released", () => {
    const held = decideReply(
      member,
      { status: "substitute", substituteName: "Kari", substituteEmail: "kari@example.org" },
      "participant",
      now,
      true,
    );
    expect(held.reply.substitute?.held).toBe(true);
    expect(held.emails.newSubstituteId).toBeUndefined();
    const current = { ...member, reply: held.reply, replyVersion: 1 };
    const back = decideReply(current, { status: "attending" }, "participant", now, false);
    expect(back.released).toBe("s-m-1-1");
    expect(back.emails.releasedSubstituteId).toBeUndefined();
  });

  it("a substitute cannot name a substitute", () => {
    expect(() =>
      decideReply(
        { ...member, substituteFor: { invitationId: "m-0", name: "X" } },
        { status: "substitute", substituteName: "Y", substituteEmail: "y@example.org" },
        "participant",
        now,
        false,
      ),
    ).toThrow();
  });
});

describe("nextLinkCounter", () => {
  it("counts within the hour and refuses the 21st, starts again in the next window", () => {
    let counter = { window: -1, posts: 0 };
    for (let i = 0; i < 20; i++) counter = nextLinkCounter(counter, now)!;
    expect(counter.posts).toBe(20);
    expect(nextLinkCounter(counter, now)).toBeUndefined();
    expect(nextLinkCounter(counter, new Date(now.getTime() + 3600_000))).toMatchObject({ posts: 1 });
  });
});

describe("ReplyForm (zod/mini)", () => {
  it("trims and lower-cases the substitute's address, and names the field of each error", () => {
    expect(
      ReplyForm.parse({ status: "substitute", substituteName: " Kari ", substituteEmail: " KARI@Example.org " }),
    ).toMatchObject({ substituteName: "Kari", substituteEmail: "kari@example.org" });
    const bad = ReplyForm.safeParse({ status: "substitute", substituteName: "", substituteEmail: "x" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0])).toContain("substituteName");
  });
});

describe("servedByReply: the HTTP API's routing, as the local server does it", () => {
  it.each([
    ["GET", "/r/abc.def.ghi", true],
    ["POST", "/r/abc.def.ghi", true],
    ["PUT", "/r/abc", false],
    ["GET", "/r/abc/extra", false],
    ["GET", "/a/tok/3", true],
    ["GET", "/arkiv", false],
    ["GET", "/arkiv/body1", false],
    ["GET", "/arkiv/mote/x", false],
    ["GET", "/arkiv/mote/x/vedlegg/1", true],
    ["POST", "/arkiv", false],
    ["GET", "/api/bodies", false],
    ["GET", "/static/app.css", false],
  ])("%s %s → reply: %s", (method, path, expected) => {
    expect(servedByReply(method, path)).toBe(expected);
  });
});
