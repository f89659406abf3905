import { describe, expect, it } from "vitest";
import { runTick } from "../../shared/job-kinds/index.js";
import { getJob, type JobHandler, runDueJobs, scheduleJob } from "../../shared/jobs/index.js";
import { listDeliveries } from "../../shared/sending/index.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { loggedInBrowser } from "../support/browser-session.js";
import { postForm } from "../support/forms.js";
import type { TestApp } from "../support/harness.js";
import { csrfOfLink, emailsTo, invitedMeeting, meetingWithMembers, waitForSend } from "../support/scenario.js";

/**
 * Abuse of the public forms, and failures between two writes, against the real app on DynamoDB
 * Local and the local SES. Each test is named after the attack or fault it proves handled.
 */
describe("abuse of the public forms and faults between writes", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp(
    (a, c) => {
      app = a;
      api = c;
    },
    { env: { REPLY_POSTS_PER_CLIENT_PER_HOUR: "60" } },
  );

  const invited = (n: number) => invitedMeeting(app, api, n);
  const csrfOf = csrfOfLink;

  /**
   * A DynamoDB fault while `armed()` holds and fewer than `times` were thrown: a network error
   * between the app and DynamoDB has no local twin (DynamoDB Local never times out), so it is
   * injected into the SDK client's middleware stack, below all of our code.
   */
  function injectDynamoFault(
    match: (command: string, input: string) => boolean,
    armed: () => boolean,
    times = Number.POSITIVE_INFINITY,
  ) {
    let thrown = 0;
    const name = `fault-${Math.random()}`;
    app.ctx.db.middlewareStack.add(
      (next, context) => async (args) => {
        if (armed() && thrown < times && match(String(context.commandName), JSON.stringify(args.input))) {
          thrown++;
          throw Object.assign(new Error("Injected network error"), { name: "TimeoutError" });
        }
        return next(args);
      },
      { step: "initialize", name },
    );
    return { thrown: () => thrown, remove: () => app.ctx.db.middlewareStack.remove(name) };
  }

  it("not a mail relay: 20 posts naming a new substitute address each time email at most 3 of them", async () => {
    const s = await invited(1);
    const link = s.links[0]!;
    const csrf = await csrfOf(link);
    for (let i = 0; i < 20; i++) {
      const res = await postForm(link, {
        csrf,
        status: "substitute",
        substituteName: `Oppdiktet ${i}`,
        substituteEmail: `relay${i}-${s.tag}@example.org`,
      });
      expect(res.status).toBe(303); // the reply itself is always saved
    }
    await app.ctx.queue.drained();
    const relayed = await emailsTo(app, `-${s.tag}@example.org`);
    const toMadeUp = relayed.filter((e) => e.destination.to.some((a) => a.startsWith("relay")));
    const addresses = new Set(toMadeUp.flatMap((e) => e.destination.to));
    expect(addresses.size).toBeLessThanOrEqual(3);
    // Invitations plus "no longer needed" notices to those three: never more than 2 emails each.
    expect(toMadeUp.length).toBeLessThanOrEqual(6);
    // The last reply is saved, and the secretariat sees that this substitute was not emailed.
    const seat = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body.organisations[0].seats[0];
    expect(seat).toMatchObject({ status: "substitute", substitute: { email: `relay19-${s.tag}@example.org`, held: true } });
    // ... on the board page and in the overview's "needs attention".
    const b = await loggedInBrowser(app, "sekretariat@vestregionen.no");
    expect(await (await b.get(`/moter/${s.meeting.id}/svar`)).text()).toContain("er ikke varslet");
    expect(await (await b.get("/")).text()).toContain("ikke varslet (for mange nye adresser)");
  });

  it("relay through held substitutes: switching away from one, or a send to the whole list, emails none of them", async () => {
    const s = await invited(1);
    const link = s.links[0]!;
    const csrf = await csrfOf(link);
    const post = (fields: Record<string, string>) => postForm(link, { csrf, ...fields }).then((r) => r.status);
    // Use up the day's three new addresses, then name victims (held) and switch away each time.
    for (let i = 0; i < 3; i++)
      expect(
        await post({ status: "substitute", substituteName: `Brukt ${i}`, substituteEmail: `burn${i}-${s.tag}@example.org` }),
      ).toBe(303);
    for (let i = 0; i < 4; i++) {
      expect(
        await post({
          status: "substitute",
          substituteName: `SPAM besøk evil.example ${i}`,
          substituteEmail: `victim${i}-${s.tag}@example.org`,
        }),
      ).toBe(303);
      expect(await post({ status: i % 2 ? "absent" : "attending" })).toBe(303);
    }
    // Finally a held substitute stays named, and the secretariat sends a changed invitation to all.
    expect(
      await post({ status: "substitute", substituteName: "SPAM siste", substituteEmail: `victim9-${s.tag}@example.org` }),
    ).toBe(303);
    await api.patch(`/api/meetings/${s.meeting.id}`, { place: "Nytt rom" });
    const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    await app.ctx.queue.drained();
    expect(
      await emailsTo(app, `victim`).then((all) => all.filter((e) => e.destination.to.some((a) => a.includes(s.tag)))),
    ).toHaveLength(0);
  });

  it("a 300-character attendee line in the minutes form is refused with 400, and the minutes (and archive) stay readable", async () => {
    const s = await meetingWithMembers(api, 1);
    await api.patch(`/api/meetings/${s.meeting.id}`, { published: true });
    const b = await loggedInBrowser(app, "sekretariat@vestregionen.no");
    await b.get(`/moter/${s.meeting.id}/referat`);
    const res = await b.post(`/moter/${s.meeting.id}/referat`, { csrf: b.csrf, present: `${"A".repeat(300)}, Asker` });
    expect(res.status).toBe(400);
    expect((await b.get(`/moter/${s.meeting.id}/referat`)).status).toBe(200);
    expect((await api.get(`/api/meetings/${s.meeting.id}/minutes`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/arkiv/mote/${s.meeting.id}`)).status).toBeLessThan(500);
  });

  it("a tampered idempotency key on the send page is not used as a key (no 500)", async () => {
    const s = await meetingWithMembers(api, 1);
    const b = await loggedInBrowser(app, "sekretariat@vestregionen.no");
    const res = await b.post(`/moter/${s.meeting.id}/send`, { csrf: b.csrf, confirm: "yes", idempotencyKey: "k".repeat(5000) });
    expect(res.status).toBe(303);
    await app.ctx.queue.drained();
  });

  it("reply posts are rate limited per link (20 an hour), with a Norwegian 429", async () => {
    const s = await invited(1);
    const link = s.links[0]!;
    const csrf = await csrfOf(link);
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await postForm(link, { csrf, status: i % 2 ? "attending" : "absent" })).status);
    expect(codes.slice(0, 20).every((c) => c === 303)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
    const page = await postForm(link, { csrf, status: "attending" });
    expect(await page.text()).toContain("For mange forsøk");
  });

  it("a job's finish checks the claim: a tick that outlived its lease cannot overwrite the run that took over", async () => {
    const now = app.ctx.clock.now();
    const job = await scheduleJob(app.ctx, "reminder", new Date(now.getTime() - 1000).toISOString(), {}, now);
    let releaseSlow!: () => void;
    const slowStarted = new Promise<void>((started) => {
      const slow: JobHandler = async (_ctx, j) => {
        if (j.id !== job.id) return;
        started();
        await new Promise<void>((r) => (releaseSlow = r));
        throw new Error("the slow tick fails at last");
      };
      void runDueJobs(app.ctx, { reminder: slow }).catch(() => undefined);
    });
    await slowStarted;
    app.clock.advance(6 * 60_000); // past the lease: the next tick takes the job over
    try {
      const quick: JobHandler = async () => {};
      await runDueJobs(app.ctx, { reminder: quick });
      expect((await getJob(app.ctx, job.id))?.status).toBe("done");
      releaseSlow();
      await new Promise((r) => setTimeout(r, 300));
      const after = await getJob(app.ctx, job.id);
      expect(after?.status).toBe("done");
      expect(after?.lastError).toBeUndefined();
    } finally {
      app.clock.set(new Date());
    }
  });

  it("a transient compose error is retried, not marked failed forever", async () => {
    const s = await meetingWithMembers(api, 2, { deadline: "2030-05-25T12:00" });
    // Armed once the send is queued: the worker's first two reads of the send record (while composing) fail.
    let armed = false;
    const fault = injectDynamoFault(
      (cmd, input) => cmd === "GetItemCommand" && input.includes('"SK":"SEND"'),
      () => armed,
      2,
    );
    const queued = app.ctx.queue.send.bind(app.ctx.queue);
    app.ctx.queue.send = async (messages) => {
      armed = true;
      return queued(messages);
    };
    try {
      const { sendId } = (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body;
      await app.ctx.queue.drained(); // only the worker reads while armed (no progress polling)
      expect(fault.thrown()).toBe(2);
      fault.remove();
      const progress = await waitForSend(api, sendId);
      expect(progress).toMatchObject({ failed: 0, sent: 2 });
      const deliveries = await listDeliveries(app.ctx, sendId);
      expect(Math.max(...deliveries.map((d) => d.attempts))).toBeGreaterThan(1);
    } finally {
      app.ctx.queue.send = queued;
      fault.remove();
    }
    expect(await emailsTo(app, s.tag)).toHaveLength(2);
  });

  it("a reply whose emails could not be queued after it was saved has them sent by the outbox job", async () => {
    const s = await invited(1);
    const link = s.links[0]!;
    const csrf = await csrfOf(link);
    // The queue refuses the reply's message (SQS unreachable); the reply's own transaction goes through.
    const queued = app.ctx.queue.send.bind(app.ctx.queue);
    let refused = 0;
    app.ctx.queue.send = async (messages) => {
      if (messages.some((m) => (m as { kind?: string }).kind === "reply-emails")) {
        refused++;
        throw new Error("queue unreachable");
      }
      return queued(messages);
    };
    const subEmail = `outbox-${s.tag}@example.org`;
    try {
      const res = await postForm(link, { csrf, status: "substitute", substituteName: "Kari Outbox", substituteEmail: subEmail });
      expect(res.status).toBe(303);
      expect(refused).toBe(1);
    } finally {
      app.ctx.queue.send = queued;
    }
    await app.ctx.queue.drained();
    expect(await emailsTo(app, `outbox-${s.tag}`)).toHaveLength(0);
    const seat = (await api.get(`/api/meetings/${s.meeting.id}/replies`)).body.organisations[0].seats[0];
    expect(seat.status).toBe("substitute");
    app.clock.advance(3 * 60_000);
    try {
      await runTick(app.ctx);
      await app.ctx.queue.drained();
      await runTick(app.ctx); // a second tick finds nothing left to do
      await app.ctx.queue.drained();
    } finally {
      app.clock.set(new Date());
    }
    const toSub = await emailsTo(app, `outbox-${s.tag}`);
    expect(toSub).toHaveLength(1);
    expect(toSub[0]!.body.text).toContain("/r/");
    const toMember = (await emailsTo(app, s.members[0]!.email)).filter((e) => !/\/r\//.test(e.subject));
    expect(toMember.length).toBe(2); // the invitation, then one confirmation
  });

  it("reply posts are rate limited per client address across links", async () => {
    // This app allows 60 posts per client an hour; the earlier tests in this file used some, so it runs last.
    const s = await invited(4);
    const codes: number[] = [];
    for (let i = 0; i < 80; i++) codes.push((await postForm(s.links[i % 4]!, { csrf: "feil", status: "attending" })).status);
    expect(codes).toContain(429);
    const firstRefused = codes.indexOf(429);
    expect(codes.slice(firstRefused).every((c) => c === 429)).toBe(true);
  });
});
