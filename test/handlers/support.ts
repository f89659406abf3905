/** Helpers for the handler tests: the Lambda handlers over a test stack, and events shaped as AWS sends them. */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context, EventBridgeEvent, SNSEvent, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { expect, vi } from "vitest";
import { createApiHandler, type HttpApiEvent } from "../../functions/api/handler.js";
import { createSendWorkerHandler } from "../../functions/send-worker/handler.js";
import { createSesEventsHandler } from "../../functions/ses-events/handler.js";
import { createTickHandler } from "../../functions/tick/handler.js";
import { createLocalContext } from "../../local/context.js";
import { ensureBucket, ensureTable } from "../../local/services.js";
import { addUser, createApiToken } from "../../shared/auth/index.js";
import type { LocalConfig } from "../../shared/config.js";
import type { AppContext } from "../../shared/context.js";
import { AdjustableClock } from "../../shared/ports/clock.js";
import type { MailPort } from "../../shared/ports/mail.js";
import type { QueuePort } from "../../shared/ports/queue.js";
import { listDeliveries } from "../../shared/sending/index.js";
import { testConfig } from "../support/harness.js";

/**
 * Lambda-shaped test support: AWS's sample events (test/fixtures, see its README) filled in per
 * call, a Lambda invocation context, and the four handlers made by their factories (the very
 * functions each `handler` export is built from) on the local context: DynamoDB Local and the
 * local SES, as in every other test.
 */

const fixture = <T = unknown>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")) as T;
/** An SES sample notification with the message id and address of a real local send filled in. */
export const sesFixture = (name: string, messageId: string, recipient: string) =>
  readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")
    .replaceAll("MESSAGE_ID", messageId)
    .replaceAll("RECIPIENT", recipient);

const apiSample = fixture<HttpApiEvent>("apigw-http-v2");
const sqsSample = fixture<SQSEvent>("sqs-event");
const snsSample = fixture<SNSEvent>("sns-event");
const scheduledSample = fixture<EventBridgeEvent<"Scheduled Event", Record<string, never>>>("eventbridge-scheduled");

/** The API's host name as API Gateway puts it in the event; BASE_URL is https:// on it, as in AWS. */
export const DOMAIN = apiSample.requestContext.domainName;
const REGION = "eu-north-1";
const ACCOUNT = "123456789012";

/** The context the Lambda runtime passes each invocation: plain data, so made here (no local twin). */
export function lambdaContext(name: string): Context {
  const functionName = `moteinnkalling-${name}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2026/11/23/[$LATEST]${randomBytes(16).toString("hex")}`,
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * The send queue as SQS would hold it: messages are only collected here, as the JSON bodies the SQS
 * adapter sends (shared/adapters/sqs-queue.ts), so the test can hand them to the send-worker handler
 * as SQS events. SQS has no local twin in this project; the in-process queue (local/) would call the
 * worker's code directly, past the handler this test is about.
 */
class CapturingQueue implements QueuePort {
  private bodies: string[] = [];
  async send(messages: unknown[]): Promise<void> {
    for (const m of messages) this.bodies.push(JSON.stringify(m));
  }
  get size(): number {
    return this.bodies.length;
  }
  /** Up to `max` waiting messages, as SQS hands them out (the event source's batch size is 10). */
  take(max = 10): string[] {
    return this.bodies.splice(0, max);
  }
}

/** An SQS batch event: the sample record (the one without message attributes, like ours) per body. */
export function sqsEvent(bodies: string[]): SQSEvent {
  const template = sqsSample.Records[1]!;
  return {
    Records: bodies.map((body) => {
      const sent = Date.now();
      return {
        ...structuredClone(template),
        messageId: randomUUID(),
        receiptHandle: randomBytes(48).toString("base64"),
        body,
        attributes: { ...template.attributes, SentTimestamp: String(sent), ApproximateFirstReceiveTimestamp: String(sent + 3) },
        md5OfBody: createHash("md5").update(body).digest("hex"),
        eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:moteinnkalling-send`,
        awsRegion: REGION,
      };
    }),
  };
}

/** SNS → Lambda: one notification per invocation, its Message the SES event record as JSON text. */
export function snsEvent(message: string): SNSEvent {
  const record = structuredClone(snsSample.Records[0]!);
  const topic = `arn:aws:sns:${REGION}:${ACCOUNT}:moteinnkalling-ses-events`;
  record.EventSubscriptionArn = `${topic}:${randomUUID()}`;
  record.Sns = {
    ...record.Sns,
    MessageId: randomUUID(),
    Message: message,
    TopicArn: topic,
    Timestamp: new Date().toISOString(),
    MessageAttributes: {},
  };
  return { Records: [record] };
}

/** The event of the every-minute EventBridge rule, fired at `at`. */
export function scheduledEvent(at: Date) {
  return {
    ...structuredClone(scheduledSample),
    id: randomUUID(),
    time: at.toISOString().replace(/\.\d{3}Z$/, "Z"),
    region: REGION,
    account: ACCOUNT,
    resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/moteinnkalling-EveryMinute`],
  };
}

/** A request body as API Gateway passes it: text as is, or base64 with isBase64Encoded (form posts). */
type EventBody = { text: string; type: string } | { bytes: Uint8Array; type: string };

/** The routes API Gateway has (infra/stack.ts): two explicit POST routes, everything else $default. */
function route(method: string, path: string): { routeKey: string; pathParameters?: Record<string, string> } {
  if (method === "POST" && path === "/logg-inn") return { routeKey: "POST /logg-inn" };
  const reply = /^\/r\/([^/]+)$/.exec(path);
  if (method === "POST" && reply)
    return { routeKey: "POST /r/{token}", pathParameters: { token: decodeURIComponent(reply[1]!) } };
  return { routeKey: "$default" };
}

/**
 * An HTTP API payload 2.0 event, from the sample, for a request a browser makes: path and raw query
 * string as sent (percent-encoded), the decoded query parameters (repeated ones joined by commas),
 * cookies in the `cookies` array (not a header), lower-case headers, and the body.
 */
function httpApiEvent(
  method: string,
  target: string,
  opts: { cookies?: string[]; headers?: Record<string, string>; body?: EventBody; sourceIp?: string } = {},
): HttpApiEvent {
  const url = new URL(target, `https://${DOMAIN}`);
  const { routeKey, pathParameters } = route(method, url.pathname);
  const query: Record<string, string> = {};
  // Decoded, as API Gateway passes them (the app reads rawQueryString, which stays percent-encoded).
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const sourceIp = opts.sourceIp ?? "192.0.2.1";
  const now = new Date();
  const {
    stageVariables: _s,
    pathParameters: _p,
    cookies: _c,
    queryStringParameters: _q,
    body: _b,
    ...sample
  } = structuredClone(apiSample);
  const body = opts.body;
  const bytes = body && ("bytes" in body ? body.bytes : undefined);
  return {
    ...sample,
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(opts.cookies?.length ? { cookies: opts.cookies } : {}),
    headers: {
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "accept-language": "nb-NO,nb;q=0.9",
      host: DOMAIN,
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
      "x-amzn-trace-id": `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString("hex")}`,
      "x-forwarded-for": sourceIp,
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
      ...(body
        ? {
            "content-type": body.type,
            "content-length": String(bytes ? bytes.length : Buffer.byteLength((body as { text: string }).text)),
          }
        : {}),
      ...opts.headers,
    },
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      ...sample.requestContext,
      http: {
        ...sample.requestContext.http,
        method,
        path: decodeURIComponent(url.pathname),
        sourceIp,
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
      },
      requestId: randomBytes(12).toString("base64url"),
      routeKey,
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(pathParameters ? { pathParameters } : {}),
    ...(body
      ? bytes
        ? { body: Buffer.from(bytes).toString("base64"), isBase64Encoded: true }
        : { body: (body as { text: string }).text, isBase64Encoded: false }
      : { body: null, isBase64Encoded: false }),
  } as HttpApiEvent;
}

interface ApiResult {
  statusCode: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

type Handlers = ReturnType<typeof handlersFor>;

/** The four handlers, each made by its factory from one context. */
function handlersFor(ctx: AppContext) {
  return {
    api: createApiHandler(ctx) as (event: HttpApiEvent, context?: Context) => Promise<ApiResult>,
    sendWorker: createSendWorkerHandler(ctx),
    tick: createTickHandler(ctx),
    sesEvents: createSesEventsHandler(ctx),
  };
}

export interface HandlerEnv extends Handlers {
  ctx: AppContext;
  config: LocalConfig;
  clock: AdjustableClock;
  queue: CapturingQueue;
  /** Hands the waiting messages to the send-worker handler as SQS events of up to 10, until none wait. */
  drainQueue(): Promise<SQSBatchResponse[]>;
  stop(): void;
}

/** A fresh table in the shared DynamoDB Local and bucket in the shared local S3, the shared local SES, an adjustable clock, the capturing queue. */
export async function startHandlerEnv(opts: { mail?: (real: MailPort) => MailPort } = {}): Promise<HandlerEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), "moter-handlers-"));
  const config = testConfig({
    TABLE_NAME: `t-${randomUUID()}`,
    BASE_URL: `https://${DOMAIN}`,
    AWS_REGION: REGION,
    DATA_DIR: dataDir,
  });
  await ensureTable(config.DYNAMODB_ENDPOINT, config.TABLE_NAME);
  await ensureBucket(config.S3_ENDPOINT, config.BUCKET_NAME, [`https://${DOMAIN}`]);
  const clock = new AdjustableClock();
  const queue = new CapturingQueue();
  const local = createLocalContext(config, { clock });
  const ctx: AppContext = { ...local, queue, mail: opts.mail ? opts.mail(local.mail) : local.mail };
  const handlers = handlersFor(ctx);
  return {
    ...handlers,
    ctx,
    config,
    clock,
    queue,
    async drainQueue() {
      const responses: SQSBatchResponse[] = [];
      while (queue.size > 0) responses.push(await handlers.sendWorker(sqsEvent(queue.take(10)), lambdaContext("send-worker")));
      return responses;
    },
    stop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A client of the JSON API through the api handler, with an API token made the way the CLI makes it. */
async function apiTokenClient(env: HandlerEnv, email = "sekretariat@vestregionen.no") {
  await addUser(env.ctx, email);
  const token = await createApiToken(env.ctx, email, env.clock.now(), { days: 3650 });
  return async <T = any>(method: string, path: string, data?: unknown): Promise<{ status: number; body: T }> => {
    const result = await env.api(
      httpApiEvent(method, path, {
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        ...(data === undefined ? {} : { body: { text: JSON.stringify(data), type: "application/json" } }),
      }),
      lambdaContext("api"),
    );
    return { status: result.statusCode, body: JSON.parse(result.body || "null") as T };
  };
}

/**
 * A browser over the api handler: keeps the cookies API Gateway returns in the result's `cookies`
 * (Set-Cookie) and sends them back in the event's `cookies` array; posts forms as API Gateway passes
 * them (base64, isBase64Encoded), urlencoded or multipart; follows nothing.
 */
export function eventBrowser(env: HandlerEnv, opts: { sourceIp?: string } = {}) {
  const jar = new Map<string, string>();
  const send = async (method: string, target: string, body?: EventBody, headers: Record<string, string> = {}) => {
    const event = httpApiEvent(method, target, {
      cookies: [...jar].map(([k, v]) => `${k}=${v}`),
      ...(body ? { body } : {}),
      headers: { ...(method === "GET" ? {} : { origin: `https://${DOMAIN}` }), ...headers },
      ...(opts.sourceIp ? { sourceIp: opts.sourceIp } : {}),
    });
    const result = await env.api(event, lambdaContext("api"));
    for (const c of result.cookies ?? []) {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=") as [string, string];
      if (v === "" || /Max-Age=0/i.test(c)) jar.delete(k);
      else jar.set(k, v);
    }
    const text = result.isBase64Encoded ? Buffer.from(result.body, "base64").toString("utf8") : result.body;
    return {
      event,
      result,
      status: result.statusCode,
      headers: result.headers ?? {},
      cookies: result.cookies ?? [],
      location: result.headers?.location,
      text,
    };
  };
  return {
    jar,
    get: (target: string) => send("GET", target),
    postForm: (target: string, fields: Record<string, string>) =>
      send("POST", target, {
        bytes: new TextEncoder().encode(new URLSearchParams(fields).toString()),
        type: "application/x-www-form-urlencoded",
      }),
    postMultipart: async (target: string, form: FormData) => {
      // The bytes and boundary a browser would send for this form.
      const encoded = new Request(`https://${DOMAIN}/`, { method: "POST", body: form });
      return send("POST", target, {
        bytes: new Uint8Array(await encoded.arrayBuffer()),
        type: encoded.headers.get("content-type")!,
      });
    },
    /** The JSON API from our own pages: the session cookie and the CSRF value in X-CSRF-Token. */
    json: async <T = any>(method: string, target: string, data?: unknown) => {
      const res = await send(
        method,
        target,
        data === undefined ? undefined : { text: JSON.stringify(data), type: "application/json" },
        { accept: "application/json", "x-csrf-token": jar.get("csrf") ?? "" },
      );
      return { ...res, body: JSON.parse(res.text || "null") as T };
    },
  };
}

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
