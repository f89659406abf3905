import { describe, expect, it } from "vitest";
import { queryAll } from "../../shared/store/db.js";
import { getInvitation } from "../../shared/store/invitations.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { postForm } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { csrfOfLink, emailsTo, invitedMeeting, replyLink } from "../support/scenario.js";

/**
 * Races run for real: many concurrent HTTP requests against the app on DynamoDB Local, several
 * rounds. Each test is named after the attack it proves closed.
 */
describe("data integrity under races", () => {
  let app!: TestApp;
  let api!: ApiClient;
  // Hundreds of reply posts from one test client: the per-client limit has its own test.
  useApiApp(
    (a, c) => {
      app = a;
      api = c;
    },
    { env: { REPLY_POSTS_PER_CLIENT_PER_HOUR: "100000" } },
  );

  const invited = (n: number) => invitedMeeting(app, api, n);

  const csrfOf = csrfOfLink;
  const statuses = ["attending", "absent", "attending", "absent", "attending", "absent"];

  it("a reply racing a revoke never brings the revoked link back (13 links, replies in flight)", async () => {
    const s = await invited(13);
    const csrfs = await Promise.all(s.links.map(csrfOf));
    await Promise.all(
      s.links.map(async (link, i) => {
        const replies = statuses.map((status) => postForm(link, { csrf: csrfs[i]!, status }).then((r) => r.status));
        const revoke = api.post(`/api/meetings/${s.meeting.id}/invitations/${s.invitationIds[i]}/revoke`);
        await Promise.all([...replies, revoke]);
      }),
    );
    for (const [i, link] of s.links.entries()) {
      expect((await fetch(link)).status, `link ${i} works again after its revoke`).toBe(404);
      const inv = await getInvitation(app.ctx, s.meeting.id, s.invitationIds[i]!);
      expect(inv!.linkVersion).toBe(2);
    }
  });

  it("a reply racing a withdrawal never brings the invitation back (4 members removed while replying)", async () => {
    for (let round = 0; round < 3; round++) {
      const s = await invited(4);
      const csrfs = await Promise.all(s.links.map(csrfOf));
      const members = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items as { id: string; personEmail: string }[];
      await Promise.all(
        s.links.map(async (link, i) => {
          const member = members.find((m) => m.personEmail === s.members[i]!.email)!;
          const replies = statuses.map((status) => postForm(link, { csrf: csrfs[i]!, status }));
          const removal = api.raw(`/api/bodies/${s.body.id}/members/${member.id}`, { method: "DELETE" });
          await Promise.all([...replies, removal]);
        }),
      );
      for (const [i, link] of s.links.entries()) {
        expect((await fetch(link)).status, `round ${round}: invitation ${i} alive after withdrawal`).toBe(410);
        expect((await getInvitation(app.ctx, s.meeting.id, s.invitationIds[i]!))!.withdrawn).toBe(true);
      }
    }
  });

  it("revoking or withdrawing a member's invitation also ends the links of the substitute they named", async () => {
    const s = await invited(2);
    const subLinks: string[] = [];
    for (const [i, link] of s.links.entries()) {
      const res = await postForm(link, {
        csrf: await csrfOf(link),
        status: "substitute",
        substituteName: `Vara ${i}`,
        substituteEmail: `vara${i}-${s.tag}@example.org`,
      });
      expect(res.status).toBe(303);
    }
    await app.ctx.queue.drained();
    for (let i = 0; i < 2; i++) {
      const email = (await emailsTo(app, `vara${i}-${s.tag}`)).find((e) => /\/r\//.test(e.body.text ?? ""))!;
      subLinks.push(replyLink(email).replace(/^https?:\/\/[^/]+/, app.baseUrl));
      expect((await fetch(subLinks[i]!)).status).toBe(200);
    }
    // Member 0: the secretariat revokes the link. Member 1: taken off the list.
    await api.post(`/api/meetings/${s.meeting.id}/invitations/${s.invitationIds[0]}/revoke`);
    const members = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items as { id: string; personEmail: string }[];
    const m1 = members.find((m) => m.personEmail === s.members[1]!.email)!;
    expect((await api.raw(`/api/bodies/${s.body.id}/members/${m1.id}`, { method: "DELETE" })).status).toBeLessThan(300);
    expect((await fetch(subLinks[0]!)).status).toBe(404);
    expect((await fetch(subLinks[1]!)).status).toBe(410);
  });

  it("a cancel that answered 202 is never overwritten by a racing send; SEQUENCE only grows", async () => {
    for (let round = 0; round < 5; round++) {
      const s = await invited(3);
      // A change, so the racing send is an update (SEQUENCE+1) competing with the cancel (SEQUENCE+1).
      await api.patch(`/api/meetings/${s.meeting.id}`, { place: `Rom ${round}` });
      const [send, cancel] = await Promise.all([
        api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all", template: "invitation" }),
        api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all", template: "cancellation" }),
      ]);
      expect(cancel.status).toBe(202);
      const meeting = (await api.get(`/api/meetings/${s.meeting.id}`)).body;
      expect(meeting.meeting.status, `round ${round}: cancel lost`).toBe("cancelled");
      const sends = await queryAll(app.ctx, {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": `MEETING#${s.meeting.id}#SENDS` },
      });
      const cancelSeq = sends.find((x) => x.template === "cancellation")!.sequence as number;
      const first = sends.find((x) => x.template === "invitation" && x.sequence === 0);
      expect(first).toBeDefined();
      if (send.status === 202) {
        const update = sends.find((x) => x.id === send.body.sendId)!;
        // Whichever won, the two never share a SEQUENCE, and the cancel has the highest.
        expect(update.sequence).not.toBe(cancelSeq);
        expect(cancelSeq).toBeGreaterThan(update.sequence as number);
      }
      expect(meeting.meeting.sequence).toBe(cancelSeq);
    }
  });

  it("one SEQUENCE always means one content: edits racing sends never reuse a SEQUENCE", async () => {
    const s = await invited(2);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 6; i++) {
      work.push(api.patch(`/api/meetings/${s.meeting.id}`, { place: `Sted ${i}` }));
      work.push(api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all", template: "invitation" }));
    }
    await Promise.all(work);
    await app.ctx.queue.drained();
    const sends = await queryAll(app.ctx, {
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk",
      ExpressionAttributeValues: { ":pk": `MEETING#${s.meeting.id}#SENDS` },
    });
    const versionsBySequence = new Map<number, Set<number>>();
    for (const x of sends.filter((x) => x.template === "invitation")) {
      const set = versionsBySequence.get(x.sequence as number) ?? new Set<number>();
      set.add(x.meetingVersion as number);
      versionsBySequence.set(x.sequence as number, set);
    }
    for (const [seq, versions] of versionsBySequence)
      expect([...versions], `SEQUENCE ${seq} carried several versions`).toHaveLength(1);
    // And what went out says what that version said: every email of one SEQUENCE names one place.
    const emails = await emailsTo(app, s.tag);
    const placesBySequence = new Map<string, Set<string>>();
    for (const e of emails) {
      const ics = e.attachments.find((a) => a.contentType.includes("calendar"));
      const raw = ics ? Buffer.from(ics.content, "base64").toString("utf8") : "";
      const seq = /SEQUENCE:(\d+)/.exec(raw)?.[1];
      const place = /LOCATION:([^\r\n]*)/.exec(raw)?.[1];
      if (!seq || !place) continue;
      const set = placesBySequence.get(seq) ?? new Set<string>();
      set.add(place);
      placesBySequence.set(seq, set);
    }
    expect(placesBySequence.size).toBeGreaterThan(0);
    for (const [seq, places] of placesBySequence) expect([...places], `SEQUENCE ${seq} carried several contents`).toHaveLength(1);
  });
});
