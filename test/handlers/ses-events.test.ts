// The ses-events Lambda on SNS events carrying SES notifications.
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSesEventsHandler } from "../../functions/ses-events/handler.js";
import { PowertoolsLogger } from "../../shared/adapters/powertools-logger.js";
import { keys } from "../../shared/store/keys.js";
import { captureOutput, type HandlerEnv, lambdaContext, sentMeeting, sesFixture, snsEvent, startHandlerEnv } from "./support.js";

/**
 * The ses-events Lambda on SNS-wrapped SES notifications of every type we track: AWS's sample
 * records (test/fixtures, see its README) with the message ids and addresses of real local sends
 * filled in, each in the SNS sample event, one notification per invocation as SNS delivers them.
 * `createSesEventsHandler(ctx)` is the very function the exported `handler` is made of (there with
 * the AWS context); here it gets the local one, with the Powertools logger the Lambda has, so what
 * it logs can be read back from stdout.
 */
describe("ses-events handler: SNS-wrapped SES notifications", () => {
  let env!: HandlerEnv;
  beforeAll(async () => {
    env = await startHandlerEnv();
  });
  afterAll(() => env?.stop());

  it("records each type on its delivery and logs message ids and types, never the notification", async () => {
    const { sendId, deliveries, meeting, call } = await sentMeeting(env, ["Asker", "Bærum", "Drammen", "Lier", "Hole", "Modum"]);
    const [delivered, bounced, transient, complained, rejected, delayed] = deliveries;
    const notifications = [
      sesFixture("ses-delivery", delivered!.messageId!, delivered!.email),
      sesFixture("ses-bounce", bounced!.messageId!, bounced!.email),
      sesFixture("ses-bounce-transient", transient!.messageId!, transient!.email),
      sesFixture("ses-complaint", complained!.messageId!, complained!.email),
      sesFixture("ses-reject", rejected!.messageId!, rejected!.email),
      sesFixture("ses-delivery-delay", delayed!.messageId!, delayed!.email),
      sesFixture("ses-delivery", "0100018f-not-one-of-ours-000000", "someone@example.org"),
      `{"eventType":"Bounce","mail":{"messageId":"x"},"bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"leak@example.org"}]`,
    ];
    const handler = createSesEventsHandler({
      ...env.ctx,
      log: new PowertoolsLogger({ level: "info", fields: { function: "ses-events" } }),
    });
    const output = captureOutput();
    const invocations: { requestId: string; snsMessageId: string; result: unknown }[] = [];
    try {
      for (const message of notifications) {
        const event = snsEvent(message);
        const context = lambdaContext("ses-events");
        invocations.push({
          requestId: context.awsRequestId,
          snsMessageId: event.Records[0]!.Sns.MessageId,
          result: await handler(event, context),
        });
      }
    } finally {
      output.restore();
    }
    expect(invocations.map((i) => i.result)).toEqual([
      ...Array(6).fill({ recorded: 1, ignored: 0 }),
      { recorded: 0, ignored: 1 },
      { recorded: 0, ignored: 1 },
    ]);

    // What each delivery shows now.
    const progress = (await call("GET", `/api/sends/${sendId}`)).body;
    expect(progress).toMatchObject({ total: 6, sent: 5, delivered: 1, bounced: 1, complained: 1, failed: 1, queued: 0 });
    const reason = (email: string) => progress.failures.find((f: { email: string }) => f.email === email)?.reason;
    expect(reason(bounced!.email)).toBe(
      "Permanent avvisning (General): smtp; 550 5.1.1 user unknown Adressen får ingen flere utsendelser før den er rettet på organets medlemsside.",
    );
    expect(reason(complained!.email)).toBe(
      "Mottakeren meldte e-posten som søppelpost. Adressen får ingen flere utsendelser før den er rettet på organets medlemsside.",
    );
    expect(reason(rejected!.email)).toBe("SES avviste e-posten (Bad content).");
    const stored = async (id: string) =>
      (await env.ctx.db.send(new GetCommand({ TableName: env.ctx.tableName, Key: keys.delivery(sendId, id) }))).Item!;
    // A transient bounce is noted, not final: SES has given up on this attempt only; the address is not flagged.
    expect(await stored(transient!.id)).toMatchObject({
      status: "sent",
      lastEvent: "bounce",
      error: "Midlertidig avvisning (MailboxFull): smtp; 452 4.2.2 Mailbox full",
    });
    // A delay is only noted: SES keeps trying.
    const delay = await stored(delayed!.id);
    expect(delay).toMatchObject({ status: "sent", lastEvent: "deliverydelay" });
    expect(delay.error).toBeUndefined();
    // The hard bounce flags the address: the reply board shows it; the transient one does not.
    const board = (await call("GET", `/api/meetings/${meeting.id}/replies`)).body;
    const seat = (email: string) =>
      board.organisations
        .flatMap((o: { seats: { email: string; status: string }[] }) => o.seats)
        .find((s: { email: string }) => s.email === email);
    expect(seat(bounced!.email).status).toBe("bounced");
    expect(seat(transient!.email).status).toBe("no_answer");

    // The logs: JSON lines with the invocation's request id, the SNS and SES message ids and the event type.
    const entries = output.entries();
    for (const { requestId, snsMessageId } of invocations) {
      const own = entries.filter((e) => e.function_request_id === requestId);
      expect(own.find((e) => e.message === "SES notifications received")?.snsMessageIds).toEqual([snsMessageId]);
    }
    const events = entries.filter((e) => typeof e.sesMessageId === "string").map((e) => [e.message, e.sesMessageId, e.type]);
    expect(events).toEqual([
      ["SES event recorded", delivered!.messageId, "delivery"],
      ["SES event recorded", bounced!.messageId, "bounce"],
      ["SES event recorded", transient!.messageId, "bounce"],
      ["SES event recorded", complained!.messageId, "complaint"],
      ["SES event recorded", rejected!.messageId, "reject"],
      ["SES event recorded", delayed!.messageId, "deliverydelay"],
      ["SES event for no delivery of ours", "0100018f-not-one-of-ours-000000", "delivery"],
    ]);
    expect(entries.find((e) => e.message === "unreadable SES event")).toMatchObject({
      level: "WARN",
      reason: "not JSON",
      function: "ses-events",
      service: "moteinnkalling",
    });
    // Nothing of the notification itself: no address, no header, no subject, no diagnostic.
    const raw = output.raw();
    for (const d of deliveries) expect(raw).not.toContain(d.email);
    for (const text of [
      "someone@example.org",
      "leak@example.org",
      "sender@example.com",
      "Message sent from Amazon SES",
      "commonHeaders",
      "diagnosticCode",
      "smtp;",
      "Mailbox full",
      "Bad content",
    ]) {
      expect(raw).not.toContain(text);
    }
  });

  it("refuses an event that is not SNS's (SNS retries it, then parks it in the dead-letter queue)", async () => {
    await expect(
      createSesEventsHandler(env.ctx)(
        { Records: [{ eventSource: "aws:sqs", body: "{}" }] } as never,
        lambdaContext("ses-events"),
      ),
    ).rejects.toThrow();
  });
});
