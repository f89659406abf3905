// Fault tests of the send pipeline (duplicates, redelivery in flight, a dead worker, throttling) on DynamoDB Local and the local SES.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InProcessQueue } from "../../shared/adapters/in-process-queue.js";
import { type MailPort, MailThrottledError } from "../../shared/ports/mail.js";
import { CLAIM_LEASE_MS, listDeliveries } from "../../shared/sending/index.js";
import { type ApiClient, apiClient } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { countPerRecipient, emailsTo, meetingWithMembers, waitForSend } from "../support/scenario.js";

/**
 * Fault tests of the send pipeline against DynamoDB Local and the local SES. After each, the
 * local SES store must hold exactly one email per recipient.
 */
describe("mass send: exactly once, never dropped", () => {
  let app: TestApp;
  let api: ApiClient;
  /**
   * The mail port is the real local SES adapter, wrapped (the local SES has no faults of its own):
   * throttling for the first N calls; a send to `hold.address` that waits for `hold.release`
   * (a delivery in flight, between its claim and SES's answer); a send to `crash` that dies.
   */
  let throttleNext = 0;
  let throttled = 0;
  const hold = { address: "", started: () => {}, release: Promise.resolve() };
  let crash = "";
  beforeAll(async () => {
    app = await startTestApp({
      // Redeliveries come fast here (50 ms, like a short SQS visibility timeout), so allow more of them.
      queue: new InProcessQueue({ retryDelayMs: 50, maxReceives: 20 }),
      mail: (real: MailPort): MailPort => ({
        async send(m) {
          if (m.to.includes(crash)) {
            crash = "";
            throw new Error("the worker died before SES answered (on purpose)");
          }
          if (m.to.includes(hold.address)) {
            hold.started();
            await hold.release;
          }
          if (throttleNext > 0) {
            throttleNext--;
            throttled++;
            throw new MailThrottledError("Maximum sending rate exceeded.");
          }
          return real.send(m);
        },
      }),
    });
    api = await apiClient(app);
  });
  afterAll(() => app.stop());

  const expectOneEach = async (tag: string, members: { email: string }[]) => {
    const counts = countPerRecipient(await emailsTo(app, tag));
    expect([...counts.keys()].sort()).toEqual(members.map((m) => m.email).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  };

  it("the same send requested twice (Idempotency-Key) sends once", async () => {
    const { tag, meeting, members } = await meetingWithMembers(api, 5);
    const [a, b] = await Promise.all([
      api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" }, { "idempotency-key": `k-${tag}` }),
      api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" }, { "idempotency-key": `k-${tag}` }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.sendId).toBe(b.body.sendId);
    const again = await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" }, { "idempotency-key": `k-${tag}` });
    expect(again.body).toMatchObject({ sendId: a.body.sendId, repeated: true });
    const progress = await waitForSend(api, a.body.sendId);
    expect(progress).toMatchObject({ total: 5, sent: 5, failed: 0, queued: 0 });
    await app.ctx.queue.drained();
    await expectOneEach(tag, members);
  });

  /** Counts refused claims (conditional UpdateItem failures) on one delivery, watched on the client's wire. */
  function watchRefusedClaims(deliveryId: string) {
    let refused = 0;
    const name = `watch-${deliveryId}`;
    app.ctx.db.middlewareStack.add(
      (next, context) => async (args) => {
        try {
          return await next(args);
        } catch (err) {
          const onIt = /Update/.test(String(context.commandName)) && JSON.stringify(args.input).includes(`DLV#${deliveryId}`);
          if (onIt && (err as Error).name === "ConditionalCheckFailedException") refused++;
          throw err;
        }
      },
      { step: "initialize", name },
    );
    return { refused: () => refused, remove: () => app.ctx.db.middlewareStack.remove(name) };
  }

  const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 10_000) => {
    for (const start = Date.now(); !(await ok()); await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    }
  };

  it("a queue message redelivered while its delivery is in flight (claimed, SES not yet answered) sends once", async () => {
    const { tag, meeting, members } = await meetingWithMembers(api, 3);
    const victim = members[0]!.email;
    let release = () => {};
    const started = new Promise<void>((r) => {
      hold.started = r;
    });
    hold.release = new Promise<void>((r) => {
      release = r;
    });
    hold.address = victim;
    try {
      const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
      await started; // the worker has claimed the delivery and is waiting on SES
      const inFlight = (await listDeliveries(app.ctx, sendId)).find((d) => d.email === victim)!;
      expect(inFlight.status).toBe("sending");
      const watch = watchRefusedClaims(inFlight.id);
      try {
        // SQS may hand the same message to another worker now: twice, to be sure.
        const message = { kind: "delivery", sendId, deliveryId: inFlight.id };
        await app.ctx.queue.send([message, message]);
        await until("the redelivered messages to meet the claim", () => watch.refused() >= 2);
        expect(countPerRecipient(await emailsTo(app, tag)).get(victim)).toBeUndefined();
        release();
        await app.ctx.queue.drained();
        // And once more after it was sent (a late duplicate): still nothing new.
        await app.ctx.queue.send([message]);
        await app.ctx.queue.drained();
      } finally {
        watch.remove();
      }
      await expectOneEach(tag, members);
      const sent = (await listDeliveries(app.ctx, sendId)).find((d) => d.id === inFlight.id)!;
      const [email] = await emailsTo(app, victim);
      expect(sent).toMatchObject({ status: "sent", attempts: 1, messageId: email!.messageId });
    } finally {
      hold.address = "";
      release();
    }
  });

  it("a worker that died between claim and send: left alone while its claim is live, taken over after the lease, sent once", async () => {
    const { tag, meeting, members } = await meetingWithMembers(api, 3);
    const victim = members[1]!.email;
    crash = victim;
    const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    // The others are sent; the victim's delivery stays claimed ("sending") by the worker that died.
    await until("the others sent and the victim claimed", async () => {
      const states = (await listDeliveries(app.ctx, sendId))
        .map((d) => `${d.email === victim ? "victim" : "other"}:${d.status}`)
        .sort();
      return states.join() === "other:sent,other:sent,victim:sending";
    });
    const claimed = (await listDeliveries(app.ctx, sendId)).find((d) => d.email === victim)!;
    expect(crash).toBe(""); // the crash happened (at the SES call, after the claim)
    // Redelivered while the dead worker's claim is live: left alone.
    await app.ctx.queue.send([{ kind: "delivery", sendId, deliveryId: claimed.id }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(countPerRecipient(await emailsTo(app, tag)).get(victim)).toBeUndefined();
    expect((await listDeliveries(app.ctx, sendId)).find((d) => d.id === claimed.id)).toMatchObject({
      status: "sending",
      claimId: claimed.claimId,
    });
    // After the lease the claim is taken over (SQS redelivers; so does the requeue job) and the email sent, once.
    app.clock.advance(CLAIM_LEASE_MS + 1000);
    await app.ctx.queue.send([{ kind: "delivery", sendId, deliveryId: claimed.id }]);
    await app.ctx.queue.drained();
    const progress = await waitForSend(api, sendId);
    expect(progress).toMatchObject({ total: 3, sent: 3, failed: 0, queued: 0 });
    await expectOneEach(tag, members);
    const taken = (await listDeliveries(app.ctx, sendId)).find((d) => d.id === claimed.id)!;
    const [email] = await emailsTo(app, victim);
    expect(taken).toMatchObject({ status: "sent", attempts: 2, messageId: email!.messageId });
    expect(taken.claimId).not.toBe(claimed.claimId);
  });

  it("a claim whose answer was lost (a timeout, then a retry) is still ours: sent at once, once", async () => {
    const { tag, meeting, members } = await meetingWithMembers(api, 2);
    // The first claim reaches DynamoDB Local and is written; its answer is then lost on the way back.
    let lost = 0;
    app.ctx.db.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        const claim = /Update/.test(String(context.commandName)) && JSON.stringify(args.input).includes(":sending");
        if (claim && lost === 0) {
          lost++;
          throw Object.assign(new Error("socket hang up (on purpose)"), { name: "TimeoutError" });
        }
        return out;
      },
      { step: "finalizeRequest", priority: "low", name: "lose-claim-answer" },
    );
    try {
      const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
      // Well within the claim lease: nothing waits for it to run out.
      expect(await waitForSend(api, sendId, 10_000)).toMatchObject({ total: 2, sent: 2, failed: 0 });
      expect(lost).toBe(1);
      await expectOneEach(tag, members);
      expect((await listDeliveries(app.ctx, sendId)).map((d) => d.attempts)).toEqual([1, 1]);
    } finally {
      app.ctx.db.middlewareStack.remove("lose-claim-answer");
    }
  });

  it("SES throttling for the first N calls is retried with back-off, not lost", async () => {
    const { tag, meeting, members } = await meetingWithMembers(api, 4);
    throttled = 0;
    throttleNext = 3;
    const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    const progress = await waitForSend(api, sendId);
    expect(throttled).toBe(3);
    expect(progress).toMatchObject({ total: 4, sent: 4, failed: 0 });
    await expectOneEach(tag, members);
  });

  it("an unreadable queue message is failed (to the dead-letter queue), not guessed at", async () => {
    const before = app.ctx.queue.deadLetters.length;
    await app.ctx.queue.send([{ kind: "delivery", sendId: 42 }]);
    for (let i = 0; i < 100 && app.ctx.queue.deadLetters.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(app.ctx.queue.deadLetters.length).toBe(before + 1);
  });

  it("shows progress and validates the request", async () => {
    const { meeting } = await meetingWithMembers(api, 2);
    const bad = await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "everyone" });
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe("Ugyldige data");
    expect((await api.get("/api/sends/finnesikke")).status).toBe(404);
  });
});
