// Seats and replies over HTTP: who holds a seat, a substitute's own answer, the history, silent recording, the CSV, suppressed addresses.
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { keys } from "../../shared/store/keys.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import { hiddenField, postForm } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, invitedMeeting, meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";
import { dynamoCalls as countCalls } from "./dynamo-calls.js";

type Seat = Record<string, any>;
const seatsOf = (board: { organisations: { seats: Seat[] }[] }): Seat[] => board.organisations.flatMap((o) => o.seats);

describe("seats and replies", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  const answer = async (link: string, fields: Record<string, string>) =>
    postForm(link, { csrf: hiddenField(await (await fetch(link)).text(), "csrf"), ...fields });
  const board = async (meetingId: string) => (await api.get(`/api/meetings/${meetingId}/replies`)).body;
  const mailCount = async (tag: string) => {
    await app.ctx.queue.drained();
    return (await emailsTo(app, tag)).length;
  };

  const dynamoCalls = (run: () => Promise<Response>) => countCalls(app, run);

  it("a deputy or observer without a reply never makes the kommune's seat unanswered", async () => {
    const s = await meetingWithMembers(api, 2, { deadline: "2030-05-25T12:00" });
    const list = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items as {
      organisationId: string;
      personEmail: string;
    }[];
    const org = list.find((m) => m.personEmail === s.members[0]!.email)!.organisationId;
    for (const role of ["deputy", "observer"]) {
      const added = await api.post(`/api/bodies/${s.body.id}/members`, {
        person: { name: `${role} ${s.tag}`, email: `${role}-${s.tag}@example.org` },
        organisationId: org,
        role,
      });
      expect(added.status).toBe(201);
    }
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    const mails = await emailsTo(app, s.tag);
    const linkOf = (email: string) =>
      replyLink(mails.find((e) => e.destination.to.includes(email))!).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    expect((await answer(linkOf(s.members[0]!.email), { status: "attending" })).status).toBe(303);

    const b = await board(s.meeting.id);
    const first = b.organisations.find((o: { organisation: string }) => o.organisation === s.members[0]!.organisation);
    expect(first.answered).toBe(true);
    expect(first.seats.filter((x: Seat) => !x.holdsSeat).map((x: Seat) => x.role)).toEqual(
      expect.arrayContaining(["deputy", "observer"]),
    );
    expect(b.totals).toMatchObject({ seats: 2, attending: 1, noAnswer: 1, others: 2, organisationsAnswered: 1 });
  });

  it("a substitute answers on their own page (2 calls to read it, 3 to post): their forfall leaves the seat absent", async () => {
    const s = await invitedMeeting(app, api, 1);
    const subEmail = `sub-${s.tag}@example.org`;
    await answer(s.links[0]!, { status: "substitute", substituteName: `Kari Vara ${s.tag}`, substituteEmail: subEmail });
    await app.ctx.queue.drained();
    const subLink = replyLink((await emailsTo(app, `sub-${s.tag}`))[0]!).replace(/^https?:\/\/[^/]+/, app.baseUrl);

    const get = await dynamoCalls(() => fetch(subLink));
    expect(get.calls).toHaveLength(2);
    expect(get.body).toContain('name="status"');
    expect(get.body).toContain('value="absent"');
    expect(get.body).not.toContain('value="substitute"');
    const csrf = hiddenField(get.body, "csrf");
    const post = await dynamoCalls(() => postForm(subLink, { csrf, status: "absent", reason: "Syk" }));
    expect(post.res.status).toBe(303);
    expect(post.calls).toHaveLength(3);

    const seat = seatsOf(await board(s.meeting.id))[0]!;
    expect(seat).toMatchObject({ status: "absent", substituteAbsent: true, substitute: { reply: "absent", reason: "Syk" } });
    // The member's own answer stays as given.
    expect(await (await fetch(s.links[0]!)).text()).toContain(`Du sender stedfortreder: Kari Vara ${s.tag}.`);
    const history = (await api.get(`/api/meetings/${s.meeting.id}/replies/history`)).body.items;
    expect(history.at(-1)).toMatchObject({
      seatInvitationId: s.invitationIds[0],
      substituteFor: s.members[0]!.name,
      status: "absent",
      from: "participant link",
    });
    // Changed their mind: they come after all.
    expect((await answer(subLink, { status: "attending" })).status).toBe(303);
    expect(seatsOf(await board(s.meeting.id))[0]).toMatchObject({ status: "substitute" });
  });

  it("keeps every change with who and from where, and the secretariat's note whatever the status", async () => {
    const s = await invitedMeeting(app, api, 1);
    await answer(s.links[0]!, { status: "absent", reason: "Kommunestyremøte" });
    const recorded = await api.post(`/api/meetings/${s.meeting.id}/replies`, {
      invitationId: s.invitationIds[0],
      status: "attending",
      note: "Ringte: rekker det likevel",
    });
    expect(recorded.status).toBe(200);
    expect(seatsOf(await board(s.meeting.id))[0]).toMatchObject({
      status: "attending",
      note: "Ringte: rekker det likevel",
      repliedBy: "secretariat:sekretariat@vestregionen.no",
    });
    const history = (await api.get(`/api/meetings/${s.meeting.id}/replies/history`)).body.items;
    expect(history.map((h: Seat) => [h.status, h.from])).toEqual([
      ["absent", "participant link"],
      ["attending", "secretariat:sekretariat@vestregionen.no"],
    ]);
    expect(history[0].reason).toBe("Kommunestyremøte");
    expect(history[1].note).toBe("Ringte: rekker det likevel");
  });

  it("records silently when asked, and by default once the meeting has started", async () => {
    const s = await invitedMeeting(app, api, 1);
    const record = (body: Record<string, unknown>) =>
      api.post(`/api/meetings/${s.meeting.id}/replies`, { invitationId: s.invitationIds[0], ...body });
    const before = await mailCount(s.tag);
    expect((await record({ status: "attending", silent: true })).body.silent).toBe(true);
    expect(await mailCount(s.tag)).toBe(before);
    expect((await record({ status: "absent" })).body.silent).toBe(false);
    expect(await mailCount(s.tag)).toBe(before + 1); // the confirmation

    app.clock.set(new Date("2030-06-01T08:00:00Z")); // the meeting started at 09:00 Oslo time (07:00Z)
    try {
      expect((await record({ status: "attending" })).body.silent).toBe(true);
      expect(await mailCount(s.tag)).toBe(before + 1);
      const b = await loggedInBrowser(app, "sekretariat@vestregionen.no");
      const page = await (await b.get(`/moter/${s.meeting.id}/svar`)).text();
      expect(page).toMatch(/name="silent" value="1" checked/);
    } finally {
      app.clock.set(new Date());
    }
  });

  it("the board page: history, note, silent checkbox, suppressed addresses; the attendance as CSV (page and API)", async () => {
    const s = await invitedMeeting(app, api, 3);
    const b = await loggedInBrowser(app, "sekretariat@vestregionen.no");
    await answer(s.links[0]!, { status: "attending" });
    const before = await mailCount(s.tag);
    const res = await b.post(`/moter/${s.meeting.id}/svar/${s.invitationIds[1]}`, {
      csrf: b.csrf,
      status: "attending",
      reason: "Kommer etter lunsj",
      silent: "1",
    });
    expect(res.status).toBe(303);
    expect(await mailCount(s.tag)).toBe(before);
    const people = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items as { personId: string; personEmail: string }[];
    const mark = async (i: number, field: "bouncedAt" | "complainedAt") =>
      app.ctx.db.send(
        new UpdateCommand({
          TableName: app.ctx.tableName,
          Key: keys.person(people.find((p) => p.personEmail === s.members[i]!.email)!.personId),
          UpdateExpression: `SET ${field} = :at`,
          ExpressionAttributeValues: { ":at": new Date().toISOString() },
        }),
      );
    await mark(1, "bouncedAt");
    await mark(2, "complainedAt");

    const page = await (await b.get(`/moter/${s.meeting.id}/svar`)).text();
    expect(page).toContain("Historikk (1)");
    expect(page).toContain("via personlig lenke");
    expect(page).toContain("registrert av sekretariat@vestregionen.no");
    expect(page).toContain("Merknad: Kommer etter lunsj");
    expect(page).toContain("Adressen avviser e-post");
    expect(page).toContain("Klage på e-post");
    expect(page).not.toMatch(/name="silent" value="1" checked/); // before the meeting: emails by default
    expect(seatsOf(await board(s.meeting.id)).find((x) => x.invitationId === s.invitationIds[2])).toMatchObject({
      status: "bounced",
      suppressed: "complained",
    });

    for (const download of [b.get(`/moter/${s.meeting.id}/svar.csv`), api.raw(`/api/meetings/${s.meeting.id}/replies.csv`, {})]) {
      const csv = await download;
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="oppmote-.+\.csv"$/);
      const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
      expect(lines[0]).toBe("Navn;Kommune/organisasjon;Rolle;Status;Stedfortreder for;Merknad");
      expect(lines).toContain(`${s.members[0]!.name};${s.members[0]!.organisation};Medlem;Kommer;;`);
      expect(lines).toContain(`${s.members[1]!.name};${s.members[1]!.organisation};Medlem;Kommer;;Kommer etter lunsj`);
      expect(lines).toContain(`${s.members[2]!.name};${s.members[2]!.organisation};Medlem;Ikke svart (e-post avvist);;`);
    }
  });
});
