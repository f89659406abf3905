import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InProcessQueue } from "../../shared/adapters/in-process-queue.js";
import { MailThrottledError, type MailPort } from "../../shared/ports/mail.js";
import { CLAIM_LEASE_MS } from "../../shared/sending/index.js";
import { keys } from "../../shared/store/keys.js";
import { listDeliveries } from "../../shared/sending/index.js";
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
  /** SES throttling injected for the first N calls: a wrapper around the real local SES adapter
   * (the local SES never throttles, so this is the only way to exercise the back-off). */
  let throttleNext = 0;
  let throttled = 0;
  beforeAll(async () => {
    app = await startTestApp({
      // Redeliveries come fast here (50 ms, like a short SQS visibility timeout), so allow more of them.
      queue: new InProcessQueue({ retryDelayMs: 50, maxReceives: 20 }),
      mail: (real: MailPort): MailPort => ({
        async send(m) {
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

  it("a queue message delivered twice sends once", async () => {
    const { tag, meeting, members } = await meetingWithMembers(api, 4);
    const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" })).body;
    await waitForSend(api, sendId);
    // Redeliver every message (as SQS may), twice, and once more concurrently.
    const deliveries = await listDeliveries(app.ctx, sendId);
    const messages = deliveries.map((d) => ({ kind: "delivery", sendId, deliveryId: d.id }));
    await app.ctx.queue.send([...messages, ...messages]);
    await app.ctx.queue.drained();
    await expectOneEach(tag, members);
  });

  it("a worker that died between claim and send: the delivery is retried after the lease, once", async () => {
    const { tag, meeting, members } = await meetingWithMembers(api, 3);
    // Stop the consumer so the messages wait, then play a worker that claimed one delivery and died.
    const { sendId } = (await api.post(`/api/meetings/${meeting.id}/sends`, { audience: "all" }, {})).body;
    await waitForSend(api, sendId);
    const victim = (await listDeliveries(app.ctx, sendId))[0]!;
    // Put it back in the state a crashed worker leaves: claimed ("sending"), never sent.
    await app.ctx.db.send(
      new UpdateCommand({
        TableName: app.ctx.tableName,
        Key: keys.delivery(sendId, victim.id),
        UpdateExpression: "SET #s = :s, claimId = :c, claimedAt = :t REMOVE messageId",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":s": "sending", ":c": "dead-worker", ":t": app.ctx.clock.now().toISOString() },
      }),
    );
    const storeBefore = countPerRecipient(await emailsTo(app, tag));
    // Redelivered while the dead worker's claim is live: left alone.
    await app.ctx.queue.send([{ kind: "delivery", sendId, deliveryId: victim.id }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(countPerRecipient(await emailsTo(app, tag))).toEqual(storeBefore);
    // After the lease the claim is taken over and the email sent: one more, for that recipient only.
    app.clock.advance(CLAIM_LEASE_MS + 1000);
    await app.ctx.queue.drained();
    const after = countPerRecipient(await emailsTo(app, tag));
    expect(after.get(victim.email)).toBe((storeBefore.get(victim.email) ?? 0) + 1);
    const final = await waitForSend(api, sendId);
    expect(final.sent).toBe(3);
    expect(members).toHaveLength(3);
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
