// Vara call-in over HTTP (DynamoDB Local, local SES, the real app): a member's forfall invites their personal vara.
import { describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import { hiddenField, postForm } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";
import { dynamoCalls } from "./dynamo-calls.js";

type Seat = Record<string, any>;

describe("vara call-in", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  const local = (link: string) => link.replace(/^https?:\/\/[^/]+/, app.baseUrl);
  const answer = async (link: string, fields: Record<string, string>) =>
    postForm(link, { csrf: hiddenField(await (await fetch(link)).text(), "csrf"), ...fields });
  const seatOf = async (meetingId: string, email: string): Promise<Seat> =>
    (await api.get(`/api/meetings/${meetingId}/replies`)).body.organisations
      .flatMap((o: { seats: Seat[] }) => o.seats)
      .find((x: Seat) => x.email === email);
  const mailsTo = async (address: string) => {
    await app.ctx.queue.drained();
    return (await emailsTo(app, address)).filter((e) => e.destination.to.includes(address));
  };

  /** A body of two members; the first has a personal vara; the innkalling sent. */
  async function meetingWithVara(callIn: boolean) {
    const s = await meetingWithMembers(api, 2, { deadline: "2030-05-25T12:00" });
    if (callIn) expect((await api.patch(`/api/bodies/${s.body.id}`, { varaCallIn: true })).status).toBe(200);
    const varaEmail = `vara-${s.tag}@example.org`;
    const vara = (await api.post("/api/people", { name: `Kari Vara ${s.tag}`, email: varaEmail })).body;
    const members = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items as { id: string; personEmail: string }[];
    const first = members.find((m) => m.personEmail === s.members[0]!.email)!;
    expect((await api.patch(`/api/bodies/${s.body.id}/members/${first.id}`, { varaPersonId: vara.id })).status).toBe(200);
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    const link = local(replyLink((await mailsTo(s.members[0]!.email))[0]!));
    return { ...s, varaEmail, link, memberEmail: s.members[0]!.email };
  }

  it("a member's forfall without substitute invites the vara with their own link; the seat says «vara innkalt» until they come", async () => {
    const s = await meetingWithVara(true);
    const csrf = hiddenField(await (await fetch(s.link)).text(), "csrf");
    // The same three DynamoDB calls as any link reply that names a substitute: the vara costs no read.
    const post = await dynamoCalls(app, () => postForm(s.link, { csrf, status: "absent", reason: "Kommunestyremøte" }));
    expect(post.res.status).toBe(303);
    expect(post.calls).toHaveLength(3);

    const called = await seatOf(s.meeting.id, s.memberEmail);
    expect(called.status).toBe("vara_called");
    expect(called.reason).toBe("Kommunestyremøte");
    expect(called.substitute).toMatchObject({ email: s.varaEmail, vara: true });
    expect(called.substitute.reply).toBeUndefined();
    const nina = await loggedInBrowser(app, `nina-${s.tag}@vestregionen.no`);
    const page = await (await nina.get(`/moter/${s.meeting.id}/svar`)).text();
    expect(page).toContain("Vara innkalt");
    expect(page).toContain(`Kari Vara ${s.tag} (vara) er kalt inn og har ikke svart ennå`);

    const varaMails = await mailsTo(s.varaEmail);
    expect(varaMails).toHaveLength(1);
    expect(varaMails[0]!.body.text).toContain(`Du er personlig vara for Deltaker 1 ${s.tag} og kalles inn fordi`);
    const varaLink = local(replyLink(varaMails[0]!));
    expect(varaLink).not.toBe(s.link);
    expect((await answer(varaLink, { status: "attending" })).status).toBe(303);
    const comes = await seatOf(s.meeting.id, s.memberEmail);
    expect(comes.status).toBe("substitute");
    expect(comes.substitute.reply).toBe("attending");

    // The member can come after all: the vara is released (told so) and the seat is the member's again.
    expect((await answer(s.link, { status: "attending" })).status).toBe(303);
    expect((await seatOf(s.meeting.id, s.memberEmail)).status).toBe("attending");
    // The vara's mails: the invitation, the confirmation of their «kommer», and the release.
    const subjects = (await mailsTo(s.varaEmail)).map((e) => e.subject);
    expect(subjects).toHaveLength(3);
    expect(subjects.at(-1)).toContain("Du trenger ikke møte");
  });

  it("the vara's forfall leaves the seat absent", async () => {
    const s = await meetingWithVara(true);
    expect((await answer(s.link, { status: "absent" })).status).toBe(303);
    const varaLink = local(replyLink((await mailsTo(s.varaEmail))[0]!));
    expect((await answer(varaLink, { status: "absent", reason: "Syk" })).status).toBe(303);
    const seat = await seatOf(s.meeting.id, s.memberEmail);
    expect(seat.status).toBe("absent");
    expect(seat.substituteAbsent).toBe(true);
  });

  it("no call-in when the body has it off, or when the member names a substitute", async () => {
    const off = await meetingWithVara(false);
    expect((await answer(off.link, { status: "absent" })).status).toBe(303);
    expect((await seatOf(off.meeting.id, off.memberEmail)).status).toBe("absent");
    expect(await mailsTo(off.varaEmail)).toHaveLength(0);

    const named = await meetingWithVara(true);
    const subEmail = `sub-${named.tag}@example.org`;
    const res = await answer(named.link, {
      status: "substitute",
      substituteName: "Per Stedfortreder",
      substituteEmail: subEmail,
    });
    expect(res.status).toBe(303);
    const seat = await seatOf(named.meeting.id, named.memberEmail);
    expect(seat.status).toBe("substitute");
    expect(seat.substitute).toMatchObject({ email: subEmail });
    expect(seat.substitute.vara).toBeUndefined();
    expect(await mailsTo(named.varaEmail)).toHaveLength(0);
  });

  it("a vara set after the first send reaches the invitation with the next send", async () => {
    const s = await meetingWithMembers(api, 1, { deadline: "2030-05-25T12:00" });
    await api.patch(`/api/bodies/${s.body.id}`, { varaCallIn: true });
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    const vara = (await api.post("/api/people", { name: "Sen Vara", email: `sen-${s.tag}@example.org` })).body;
    const [member] = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items;
    await api.patch(`/api/bodies/${s.body.id}/members/${member.id}`, { varaPersonId: vara.id });
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    const link = local(replyLink((await mailsTo(s.members[0]!.email)).at(-1)!));
    expect((await answer(link, { status: "absent" })).status).toBe(303);
    expect((await seatOf(s.meeting.id, s.members[0]!.email)).status).toBe("vara_called");
    expect(await mailsTo(`sen-${s.tag}@example.org`)).toHaveLength(1);
  });
});
