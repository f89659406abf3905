import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replyHistory } from "../../shared/invitations/index.js";
import { runTick } from "../../shared/job-kinds/index.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { hiddenField, postForm } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { countPerRecipient, emailsTo, meetingWithMembers, replyLink, waitForSend } from "../support/scenario.js";

/** The reply form over HTTP: the personal links come from the emails in the local SES store. */
describe("reply form and per-kommune tracking", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  /** Sends the invitation and returns each member's personal link, read from their email. */
  async function invited(n: number, deadline = "2030-05-25T12:00") {
    const s = await meetingWithMembers(api, n, { deadline });
    const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const emails = await emailsTo(app, s.tag);
    const links = s.members.map((m) => {
      const email = emails.find((e) => e.destination.to.includes(m.email));
      if (!email) throw new Error(`no invitation for ${m.email}`);
      return replyLink(email).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    });
    return { ...s, links };
  }

  async function answer(link: string, fields: Record<string, string>) {
    const page = await (await fetch(link)).text();
    return postForm(link, { csrf: hiddenField(page, "csrf"), ...fields });
  }

  it("records attending, forfall with a reason, and a substitute; the board shows them per kommune", async () => {
    const s = await invited(4);
    const [a, b, c] = s.links;
    // Opening the link changes nothing (mail scanners open links).
    await fetch(a!);
    await fetch(a!);
    expect((await api.get(`/api/meetings/${s.meeting.id}/replies`)).body.totals.noAnswer).toBe(4);

    expect((await answer(a!, { status: "attending" })).status).toBe(303);
    expect((await answer(b!, { status: "absent", reason: "Kommunestyremøte" })).status).toBe(303);
    const sub = await answer(c!, {
      status: "substitute",
      substituteName: `Kari Solberg Økland ${s.tag}`,
      substituteEmail: `kari-${s.tag}@example.org`,
    });
    expect(sub.status).toBe(303);

    const page = await (await fetch(a!)).text();
    expect(page).toContain("Du kommer.");

    const board = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body;
    expect(board.totals).toMatchObject({ seats: 4, attending: 1, absent: 1, substitute: 1, noAnswer: 1 });
    const seat = (i: number) =>
      board.organisations
        .flatMap((o: { seats: { name: string }[] }) => o.seats)
        .find((x: { name: string }) => x.name === s.members[i]!.name);
    expect(seat(0).status).toBe("attending");
    expect(seat(1)).toMatchObject({ status: "absent", reason: "Kommunestyremøte" });
    expect(seat(2)).toMatchObject({ status: "substitute", label: `Kari Solberg Økland ${s.tag} for ${s.members[2]!.name}` });
    expect(seat(3).status).toBe("no_answer");
    const org = board.organisations.find((o: { organisation: string }) => o.organisation === s.members[3]!.organisation);
    expect(org.answered).toBe(false);
  });

  it("the substitute gets their own invitation and page; if the member then attends, the substitute is told", async () => {
    const s = await invited(1);
    const subEmail = `sub-${s.tag}@example.org`;
    await answer(s.links[0]!, { status: "substitute", substituteName: "Kari Solberg Økland", substituteEmail: subEmail });
    await app.ctx.queue.drained();
    const subMails = await emailsTo(app, `sub-${s.tag}`);
    expect(subMails).toHaveLength(1);
    const subLink = replyLink(subMails[0]!).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    expect(subLink).not.toBe(s.links[0]);
    const subPage = await (await fetch(subLink)).text();
    expect(subPage).toContain(`Du møter for ${s.members[0]!.name}, ${s.members[0]!.organisation}`);

    await answer(s.links[0]!, { status: "attending" });
    await app.ctx.queue.drained();
    const after = await emailsTo(app, `sub-${s.tag}`);
    expect(after).toHaveLength(2); // the invitation, then "no longer needed"
    expect((await fetch(subLink)).status).toBe(410);
  });

  it("keeps every change as history, and sends a confirmation after each reply", async () => {
    const s = await invited(1);
    await answer(s.links[0]!, { status: "attending" });
    await answer(s.links[0]!, { status: "absent", reason: "Sykdom" });
    await app.ctx.queue.drained();
    const history = await replyHistory(
      app.ctx,
      s.meeting.id,
      (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body.organisations[0].seats[0].invitationId,
    );
    expect(history.map((h) => h.status)).toEqual(["attending", "absent"]);
    expect(history[1]!.previous).toMatchObject({ status: "attending" });
    const mails = await emailsTo(app, s.tag);
    expect(mails.length).toBe(3); // invitation + two confirmations
  });

  it("shows the form again with errors and the values kept", async () => {
    const s = await invited(1);
    const res = await answer(s.links[0]!, {
      status: "substitute",
      substituteName: "Ola <b>Nordmann</b>",
      substituteEmail: "ikke-en-epost",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Skriv en gyldig e-postadresse for stedfortrederen.");
    expect(html).toContain('value="ikke-en-epost"');
    expect(html).toContain("Ola &lt;b&gt;Nordmann&lt;/b&gt;");
    expect(html).toContain('aria-describedby="substituteEmail-feil substitute-hint"');
    const none = await answer(s.links[0]!, {});
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Velg ett av svarene.");
  });

  it("refuses a post without the form token, and answers unknown or tampered links with a Norwegian 404", async () => {
    const s = await invited(1);
    const forged = await postForm(s.links[0]!, { status: "attending" });
    expect(forged.status).toBe(403);
    const tampered = s.links[0]!.slice(0, -3) + (s.links[0]!.endsWith("aaa") ? "bbb" : "aaa");
    const res = await fetch(tampered);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Lenken finnes ikke");
  });

  it("closes the form after the deadline; the secretariat can still record a reply", async () => {
    const s = await invited(1, "2030-05-25T12:00");
    const csrf = hiddenField(await (await fetch(s.links[0]!)).text(), "csrf");
    app.clock.set(new Date("2030-05-26T00:00:00Z"));
    try {
      const page = await (await fetch(s.links[0]!)).text();
      expect(page).toContain("Svarfristen er ute");
      expect(page).not.toContain('name="status"');
      const late = await postForm(s.links[0]!, { csrf, status: "attending" });
      expect(late.status).toBe(409);
      expect(await late.text()).toContain("Svarfristen er ute");
      const invitationId = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body.organisations[0].seats[0].invitationId;
      const rec = await api.post(`/api/meetings/${s.meeting.id}/replies`, {
        invitationId,
        status: "absent",
        reason: "Ringte sekretariatet",
      });
      expect(rec.status).toBe(200);
      const board = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body;
      expect(board.organisations[0].seats[0]).toMatchObject({
        status: "absent",
        repliedBy: "secretariat:sekretariat@vestregionen.no",
      });
    } finally {
      app.clock.set(new Date());
    }
  });

  it("the reminder job reaches only those who have not answered", async () => {
    const s = await invited(3, "2030-05-25T12:00");
    await answer(s.links[0]!, { status: "attending" });
    await app.ctx.queue.drained();
    const before = countPerRecipient(await emailsTo(app, s.tag));
    app.clock.set(new Date("2030-05-23T13:00:00Z")); // two days before the deadline
    try {
      await runTick(app.ctx);
      await app.ctx.queue.drained();
    } finally {
      app.clock.set(new Date());
    }
    const after = countPerRecipient(await emailsTo(app, s.tag));
    expect(after.get(s.members[0]!.email)).toBe(before.get(s.members[0]!.email));
    expect(after.get(s.members[1]!.email)).toBe((before.get(s.members[1]!.email) ?? 0) + 1);
    expect(after.get(s.members[2]!.email)).toBe((before.get(s.members[2]!.email) ?? 0) + 1);
  });

  it("never answers 5xx to random form bodies or random tokens (property-based)", async () => {
    const s = await invited(1);
    const page = await (await fetch(s.links[0]!)).text();
    const csrf = hiddenField(page, "csrf");
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          status: fc.oneof(fc.constantFrom("attending", "absent", "substitute", ""), fc.string()),
          reason: fc.string({ maxLength: 600 }),
          substituteName: fc.string({ maxLength: 300 }),
          substituteEmail: fc.oneof(fc.emailAddress(), fc.string()),
          extra: fc.string(),
        }),
        async (fields) => {
          const res = await postForm(s.links[0]!, { csrf, ...fields });
          expect(res.status).toBeLessThan(500);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-z]{26}\.[0-9a-z-]{10,40}\.[A-Za-z0-9_-]{32}$/)),
        async (token) => {
          const url = `${app.baseUrl}/r/${encodeURIComponent(token)}`;
          const get = await fetch(url);
          expect(get.status).toBeLessThan(500);
          const post = await postForm(url, { status: "attending" });
          expect(post.status).toBeLessThan(500);
          await Promise.all([get.arrayBuffer(), post.arrayBuffer()]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("a member removed from the list", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  it("finds their link says the invitation is withdrawn", async () => {
    const s = await meetingWithMembers(api, 2, { deadline: "2030-05-25T12:00" });
    const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    const member = (await api.get(`/api/bodies/${s.body.id}/members`)).body.items.find(
      (m: { personEmail: string }) => m.personEmail === s.members[0]!.email,
    );
    const mail = (await emailsTo(app, s.tag)).find((e) => e.destination.to.includes(s.members[0]!.email))!;
    const link = replyLink(mail).replace(/^https?:\/\/[^/]+/, app.baseUrl);
    const removed = await fetch(`${app.baseUrl}/api/bodies/${s.body.id}/members/${member.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(await removed.json()).toEqual({ withdrawn: 1 });
    const res = await fetch(link);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("Invitasjonen er trukket tilbake");
    const board = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body;
    expect(board.totals.seats).toBe(1);
  });
});
