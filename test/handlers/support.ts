/** Helpers for the handler tests: the Lambda handlers over a test stack, and events shaped as AWS sends them. */
import { randomUUID } from "node:crypto";
import { expect, vi } from "vitest";
import { listDeliveries } from "../../shared/sending/index.js";
import { apiTokenClient } from "./event-browser.js";
import type { HandlerEnv } from "./handler-env.js";

export { DOMAIN, lambdaContext, scheduledEvent, sesFixture, snsEvent, sqsEvent } from "./aws-events.js";
export { eventBrowser } from "./event-browser.js";
export { type HandlerEnv, startHandlerEnv } from "./handler-env.js";

/**
 * Lambda-shaped test support: AWS's sample events (test/fixtures, see its README) filled in per
 * call, a Lambda invocation context, and the four handlers made by their factories (the very
 * functions each `handler` export is built from) on the local context: DynamoDB Local and the
 * local SES, as in every other test.
 */

/**
 * A body with one member per organisation named and a meeting with a case, and its send to all of
 * them started through the JSON API (the api handler): the deliveries wait in the queue.
 */
export async function queueSend(env: HandlerEnv, organisations: string[]) {
  const call = await apiTokenClient(env);
  const tag = randomUUID().slice(0, 8);
  const body = (
    await call("POST", "/api/bodies", {
      name: `Organ ${tag}`,
      shortName: "ORG",
      secretariat: { name: "Nina Solberg", email: "nina@vestregionen.no" },
    })
  ).body;
  for (const [i, name] of organisations.entries()) {
    const org = (await call("POST", "/api/organisations", { name: `${name} ${tag}` })).body;
    const added = await call("POST", `/api/bodies/${body.id}/members`, {
      person: { name: `Deltaker ${i + 1} ${tag}`, email: `d${i + 1}-${tag}@example.org` },
      organisationId: org.id,
      role: "member",
    });
    expect(added.status).toBe(201);
  }
  const meeting = (
    await call("POST", "/api/meetings", {
      bodyId: body.id,
      title: `Møte ${tag}`,
      startsAt: "2030-06-01T09:00",
      endsAt: "2030-06-01T12:00",
      place: "Rådhuset i Drammen",
    })
  ).body;
  await call("POST", `/api/meetings/${meeting.id}/agenda`, { title: "Budsjett", proposedDecision: "Budsjettet vedtas." });
  const send = await call("POST", `/api/meetings/${meeting.id}/sends`, { audience: "all" });
  expect(send.status).toBe(202);
  return { tag, meeting, sendId: send.body.sendId as string, call };
}

/** queueSend, then the queued messages to the send-worker handler as SQS events; returns the deliveries (with SES message ids), by address. */
export async function sentMeeting(env: HandlerEnv, organisations: string[]) {
  const queued = await queueSend(env, organisations);
  const responses = await env.drainQueue();
  expect(responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
  const deliveries = (await listDeliveries(env.ctx, queued.sendId)).sort((a, b) => a.email.localeCompare(b.email));
  return { ...queued, deliveries };
}

/** What is written to stdout and stderr until restore(), one parsed JSON object per line. */
export function captureOutput() {
  const chunks: string[] = [];
  const capture = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation(capture as never);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(capture as never);
  return {
    raw: () => chunks.join(""),
    entries: () =>
      chunks
        .join("")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    restore: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
}
