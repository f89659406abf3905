// Seats and replies under bad input and forged posts: the API, the board's form, the substitute's link, the CSV, a withdrawn case.
import { describe, expect, it } from "vitest";
import { type ApiClient, useApiApp } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import { hiddenField, postForm } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { emailsTo, invitedMeeting, replyLink, waitForSend } from "../support/scenario.js";
import { dynamoCalls } from "./dynamo-calls.js";

type Seat = Record<string, any>;

describe("seats and replies: bad input and forged posts", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  const answer = async (link: string, fields: Record<string, string>) =>
    postForm(link, { csrf: hiddenField(await (await fetch(link)).text(), "csrf"), ...fields });
  const seatOf = async (meetingId: string, invitationId: string): Promise<Seat> =>
    (await api.get(`/api/meetings/${meetingId}/replies`)).body.organisations
      .flatMap((o: { seats: Seat[] }) => o.seats)
      .find((x: Seat) => x.invitationId === invitationId);

  /** A meeting whose first member named a substitute: the substitute's link and invitation id. */
  async function withSubstitute() {
    const s = await invitedMeeting(app, api, 1);
    const subEmail = `sub-${s.tag}@example.org`;
    await answer(s.links[0]!, { status: "substitute", substituteName: `Kari Vara ${s.tag}`, substituteEmail: subEmail });
    await app.ctx.queue.drained();
    const subLink = replyLink((await emailsTo(app, `sub-${s.tag}`))[0]!).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    const subId = (await seatOf(s.meeting.id, s.invitationIds[0]!)).substitute.invitationId as string;
    return { ...s, subLink, subId, subEmail };
  }

  it("the API refuses bad replies with a problem (400, 404, 409), never a 500", async () => {
    const s = await withSubstitute();
    const url = `/api/meetings/${s.meeting.id}/replies`;
    const post = (body: Record<string, unknown>) =>
      api.post(url, { invitationId: s.invitationIds[0], status: "attending", ...body });
    const bads = [
      { silent: "ja" },
      { silent: 1 },
      { note: "x".repeat(501) },
      { status: "maybe" },
      { invitationId: "m".repeat(3000) },
    ];
    for (const bad of bads) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad).slice(0, 40)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await post({ invitationId: "m-finnes-ikke" })).status).toBe(404);
    expect((await post({ status: "substitute" })).status).toBe(400); // no substitute named

    // A substitute's invitation: forfall can be recorded; naming a further substitute is refused.
    const further = await post({
      invitationId: s.subId,
      status: "substitute",
      substitute: { name: "Tredje", email: `tredje-${s.tag}@example.org` },
    });
    expect(further.status).toBe(409);
    expect(further.body.detail).toContain("stedfortreder");
    expect((await post({ invitationId: s.subId, status: "absent", reason: "Syk", silent: true })).status).toBe(200);
    const seat = await seatOf(s.meeting.id, s.invitationIds[0]!);
    expect(seat).toMatchObject({ status: "absent", substituteAbsent: true });
    expect(seat.repliedBy).toBe("participant"); // the member's own record stays theirs

    for (const path of ["/replies", "/replies/history", "/replies.csv"]) {
      const res = await api.get(`/api/meetings/01MOTEFINNESIKKE${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("application/problem+json");
    }
  });

  it("the board's form keeps the values and says what is wrong; a forged or unknown seat is no 500", async () => {
    const s = await withSubstitute();
    const b = await loggedInBrowser(app, "sekretariat@vestregionen.no");
    const base = `/moter/${s.meeting.id}/svar`;
    const bad = await b.post(`${base}/${s.invitationIds[0]}`, {
      csrf: b.csrf,
      status: "substitute",
      reason: "Ringte i dag",
      substituteName: "",
      substituteEmail: "ikke-en-adresse",
    });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain("Skriv navnet på stedfortrederen.");
    expect(page).toContain('value="ikke-en-adresse"');
    expect(page).toContain('value="Ringte i dag"');
    expect(page).toMatch(/<option value="substitute" selected/);
    expect(page).toMatch(/<details open/);

    const tooLong = await b.post(`${base}/${s.invitationIds[0]}`, { csrf: b.csrf, status: "attending", reason: "x".repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("høyst 500 tegn");

    const forged = await b.post(`${base}/${s.subId}`, {
      csrf: b.csrf,
      status: "substitute",
      substituteName: "Tredje",
      substituteEmail: `tredje-${s.tag}@example.org`,
    });
    expect(forged.status).toBe(409);
    expect(await forged.text()).toContain("En stedfortreder kan ikke sende ny stedfortreder.");
    expect((await b.post(`${base}/m-finnes-ikke`, { csrf: b.csrf, status: "attending" })).status).toBe(404);
    const long = "x".repeat(3000);
    for (const path of ["/moter/01MOTEFINNESIKKE/svar.csv", `/moter/${long}/svar.csv`, `/moter/${long}/svar`])
      expect((await b.get(path)).status, path.slice(0, 40)).toBe(404);
    expect((await b.post(`${base}/${long}`, { csrf: b.csrf, status: "attending" })).status).toBe(404);
  });

  it("a substitute's link cannot name a further substitute, and a released substitute's link is withdrawn", async () => {
    const s = await withSubstitute();
    const page = await (await fetch(s.subLink)).text();
    const forged = await postForm(s.subLink, {
      csrf: hiddenField(page, "csrf"),
      status: "substitute",
      substituteName: "Tredje Person",
      substituteEmail: `tredje-${s.tag}@example.org`,
    });
    expect(forged.status).toBe(409);
    const html = await forged.text();
    expect(html).toContain("En stedfortreder kan ikke sende ny stedfortreder.");
    expect(html).toContain('name="status"');
    await app.ctx.queue.drained();
    expect(await emailsTo(app, `tredje-${s.tag}`)).toHaveLength(0);
    const history = (await api.get(`/api/meetings/${s.meeting.id}/replies/history`)).body.items as Seat[];
    expect(history.map((h) => [h.invitationId, h.status])).toEqual([[s.invitationIds[0], "substitute"]]);

    // The substitute's forfall shows in the history, tied to the seat; the member's record is untouched.
    expect((await answer(s.subLink, { status: "absent", reason: "Syk" })).status).toBe(303);
    const after = (await api.get(`/api/meetings/${s.meeting.id}/replies/history`)).body.items as Seat[];
    expect(after.at(-1)).toMatchObject({ invitationId: s.subId, seatInvitationId: s.invitationIds[0], status: "absent" });
    expect(await seatOf(s.meeting.id, s.invitationIds[0]!)).toMatchObject({ repliedBy: "participant" });

    // The member comes after all: the substitute is released and their link says so.
    expect((await answer(s.links[0]!, { status: "attending" })).status).toBe(303);
    const released = await fetch(s.subLink);
    expect(released.status).toBe(410);
    expect(await released.text()).toContain("trukket");
  });

  it("a case withdrawn after the innkalling shows as «Trukket» on the reply page (read live, then from the next send's snapshot in 2 calls)", async () => {
    const s = await invitedMeeting(app, api, 1);
    const agenda = (await api.get(`/api/meetings/${s.meeting.id}`)).body.agenda as { id: string; title: string }[];
    const budsjett = agenda.find((i) => i.title === "Budsjett")!;
    const removed = await api.raw(`/api/meetings/${s.meeting.id}/agenda/${budsjett.id}`, { method: "DELETE" });
    expect((await removed.json()).outcome).toBe("withdrawn");
    const budsjettLine = /<li>Sak \d+\/\d+ Budsjett<strong> – Trukket<\/strong><\/li>/;
    const referatLine = /<li>Sak \d+\/\d+ Referat fra forrige møte<\/li>/;
    const live = await (await fetch(s.links[0]!)).text();
    expect(live).toMatch(budsjettLine);
    expect(live).toMatch(referatLine);

    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    const fromSnapshot = await dynamoCalls(app, () => fetch(s.links[0]!));
    expect(fromSnapshot.calls).toHaveLength(2);
    expect(fromSnapshot.body).toMatch(budsjettLine);
    expect(fromSnapshot.body).toMatch(referatLine);
  });
});
