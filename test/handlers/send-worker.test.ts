// The send-worker Lambda on SQS batch events: partial failures, concurrency, redelivery.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSendWorkerHandler } from "../../functions/send-worker/handler.js";
import type { Logger } from "../../shared/log.js";
import type { MailPort } from "../../shared/ports/mail.js";
import { CLAIM_LEASE_MS, listDeliveries } from "../../shared/sending/index.js";
import { sesEmails } from "../support/harness.js";
import { type HandlerEnv, lambdaContext, queueSend, sentMeeting, sqsEvent, startHandlerEnv } from "./support.js";

/**
 * The send-worker Lambda on SQS batch events (AWS's sample record, test/fixtures/sqs-event.json).
 * `createSendWorkerHandler(ctx)` is the very function the exported `handler` is made of (there with
 * the AWS context); here it gets the local one: DynamoDB Local and the local SES. The mail port is
 * wrapped only to watch the sends (how many at once) and to fail one address on purpose.
 */
describe("send-worker handler: SQS batches with partial failures", () => {
  let env!: HandlerEnv;
  const watch = { inFlight: 0, maxInFlight: 0, failFor: new Set<string>() };
  beforeAll(async () => {
    env = await startHandlerEnv({
      mail: (real): MailPort => ({
        async send(message) {
          watch.inFlight++;
          watch.maxInFlight = Math.max(watch.maxInFlight, watch.inFlight);
          try {
            await new Promise((r) => setTimeout(r, 100));
            if (message.to.some((to) => watch.failFor.has(to))) throw new Error("connect ETIMEDOUT (on purpose)");
            return await real.send(message);
          } finally {
            watch.inFlight--;
          }
        },
      }),
    });
  });
  afterAll(() => env?.stop());

  it("reports only the bad messages of a batch in batchItemFailures, sends the good ones and logs the bad ones", async () => {
    const { sendId } = await queueSend(env, ["Asker", "Bærum"]);
    const [first, second] = env.queue.take(10);
    const event = sqsEvent([first!, "not json at all", second!, JSON.stringify({ kind: "delivery", sendId })]);
    const logged: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
    const log = Object.fromEntries(
      (["debug", "info", "warn", "error"] as const).map((level) => [
        level,
        (msg: string, fields?: Record<string, unknown>) => logged.push({ level, msg, fields }),
      ]),
    ) as unknown as Logger;
    const response = await createSendWorkerHandler({ ...env.ctx, log })(event, lambdaContext("send-worker"));
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: event.Records[1]!.messageId },
      { itemIdentifier: event.Records[3]!.messageId },
    ]);
    const deliveries = await listDeliveries(env.ctx, sendId);
    expect(deliveries.map((d) => d.status)).toEqual(["sent", "sent"]);
    expect(await sesEmails(env.config.SES_ENDPOINT, (a) => deliveries.some((d) => d.email === a))).toHaveLength(2);
    const unreadable = logged.filter((l) => l.level === "error" && l.msg === "unreadable queue message");
    expect(unreadable.map((l) => l.fields?.messageId)).toEqual([event.Records[1]!.messageId, event.Records[3]!.messageId]);
  });

  it("handles a batch concurrently, as before (the SES pace is kept by the rate limiter)", async () => {
    watch.maxInFlight = 0;
    const { deliveries } = await sentMeeting(env, ["Drammen", "Lier", "Hole", "Modum", "Sande"]);
    expect(deliveries.every((d) => d.status === "sent")).toBe(true);
    expect(watch.maxInFlight).toBeGreaterThan(1);
  });

  it("reports a message whose processing failed, and SQS's redelivery then sends it", async () => {
    const { sendId } = await queueSend(env, ["Sigdal", "Svelvik"]);
    const event = sqsEvent(env.queue.take(10));
    const first = JSON.parse(event.Records[0]!.body) as { deliveryId: string };
    const failing = (await listDeliveries(env.ctx, sendId)).find((d) => d.id === first.deliveryId)!;
    watch.failFor.add(failing.email);
    try {
      const response = await env.sendWorker(event, lambdaContext("send-worker"));
      expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]!.messageId }]);
    } finally {
      watch.failFor.clear();
    }
    // SQS redelivers only the reported record, after the visibility timeout (past the worker's claim lease).
    env.clock.advance(CLAIM_LEASE_MS + 60_000);
    const again = await env.sendWorker(sqsEvent([event.Records[0]!.body]), lambdaContext("send-worker"));
    expect(again.batchItemFailures).toEqual([]);
    expect((await listDeliveries(env.ctx, sendId)).map((d) => d.status)).toEqual(["sent", "sent"]);
    expect(await sesEmails(env.config.SES_ENDPOINT, (a) => a === failing.email)).toHaveLength(1);
  });

  it("answers a batch where every message failed with all of them, without throwing", async () => {
    const event = sqsEvent(["{", JSON.stringify({ kind: "unknown" })]);
    const response = await env.sendWorker(event, lambdaContext("send-worker"));
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(event.Records.map((r) => r.messageId));
  });

  it("refuses an event that is not an SQS batch", async () => {
    await expect(env.sendWorker({} as never, lambdaContext("send-worker"))).rejects.toThrow(/Unexpected batch type/);
  });
});
